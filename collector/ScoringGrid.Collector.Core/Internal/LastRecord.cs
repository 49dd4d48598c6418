using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The `last` hash entry of a series: "<ts> <last finite value or _> <S|V>".
internal readonly record struct LastRecord(long TimestampMs, double? Value, bool IsStale)
{
    public static LastRecord Parse(string text)
    {
        var parts = text.Split(' ');
        double? value = parts[1] == "_" ? null : double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        return new LastRecord(long.Parse(parts[0], CultureInfo.InvariantCulture), value, parts.Length > 2 && parts[2] == "S");
    }
}
