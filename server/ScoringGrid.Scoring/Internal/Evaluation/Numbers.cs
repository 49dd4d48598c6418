using System.Globalization;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>How numbers appear in explanations: thousands separators, at most two decimals.</summary>
internal static class Numbers
{
    public static string Format(double value) =>
        double.IsNaN(value) ? "not declared"
        : value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
