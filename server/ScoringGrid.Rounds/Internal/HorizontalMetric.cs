using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>One value ranked across a round: a line's N or M, as Σ coefficient × figure or a count of items.</summary>
internal sealed class HorizontalMetric(string lineId, string part, (string Figure, double Coefficient)[] terms, string itemPrefix = "")
{
    public string LineId { get; } = lineId;

    public string Part { get; } = part;

    /// <summary>The value for one application; NaN when none of its figures is declared (as the core reads it).</summary>
    public double Evaluate(Application application)
    {
        if (itemPrefix.Length > 0)
        {
            var count = 0;
            foreach (var item in application.Items)
            {
                if (item.StartsWith(itemPrefix, StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }

        var sum = 0.0;
        var declared = false;
        foreach (var (figure, coefficient) in terms)
        {
            if (application.Figures.TryGetValue(figure, out var value))
            {
                sum += coefficient * value;
                declared = true;
            }
        }

        return declared ? sum : double.NaN;
    }
}
