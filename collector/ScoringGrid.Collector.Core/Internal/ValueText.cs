using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// Sample values as stored: round-trip decimal text, with exposition spellings for the
// non-finite values, which Lua's tonumber would otherwise read inconsistently.
internal static class ValueText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static double Parse(ReadOnlySpan<char> text) => text switch
    {
        "NaN" or "S" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
