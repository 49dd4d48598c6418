using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// Durations as operators write them in Prometheus configs: 500ms, 15s, 1m, 2h, 1d; a bare
// number means seconds.
internal static class DurationText
{
    public static TimeSpan Parse(string text, string field)
    {
        var span = text.AsSpan().Trim();
        var suffix = span.EndsWith("ms", StringComparison.Ordinal) ? 2 : span.Length > 0 && char.IsAsciiLetter(span[^1]) ? 1 : 0;
        var unit = suffix == 0 ? 1.0 : span[^suffix..] switch
        {
            "ms" => 0.001,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            _ => double.NaN,
        };

        if (double.IsNaN(unit)
            || !double.TryParse(span[..^suffix], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value)
            || value < 0)
        {
            throw new TargetConfigException(field, $"{field} '{text}' is not a duration such as 500ms, 15s, 1m");
        }

        return TimeSpan.FromSeconds(value * unit);
    }
}
