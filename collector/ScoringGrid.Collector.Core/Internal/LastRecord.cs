using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The `last` hash entry of a series: "<ts> <last finite value or _> <S|V>", followed, once the
// series has a finite sample, by its open day: "<day> <count sum min max last increase first_ts last_ts>".
// Entries written before the open day moved here have only the first three fields.
internal readonly record struct LastRecord(long TimestampMs, double? Value, bool IsStale, DailyRollup? OpenDay)
{
    public static LastRecord Parse(string text)
    {
        var parts = text.Split(' ');
        double? value = parts[1] == "_" ? null : double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        var open = parts.Length >= 12 ? StoredText.ParseRollup(long.Parse(parts[3], CultureInfo.InvariantCulture), parts, 4) : null;
        return new LastRecord(long.Parse(parts[0], CultureInfo.InvariantCulture), value, parts.Length > 2 && parts[2] == "S", open);
    }
}
