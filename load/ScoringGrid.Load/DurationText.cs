using System.Globalization;

namespace ScoringGrid.Load;

/// <summary>Durations as written on the command line and in thresholds: <c>500us</c>, <c>250ms</c>, <c>3s</c>, <c>2m</c>, <c>1h</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        (string Suffix, double Scale)[] units = [("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && (suffix != "s" || !text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && !text.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !text.EndsWith("µs", StringComparison.OrdinalIgnoreCase))
                && (suffix != "m" || !text.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                value = TimeSpan.FromMilliseconds(n * scale);
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a duration; the exception names <paramref name="field"/>.</summary>
    public static TimeSpan ParseDuration(string text, string field) =>
        TryParseDuration(text, out var value) ? value : throw new FormatException($"{field}: '{text}' is not a duration (e.g. 500ms, 3s, 2m)");
}
