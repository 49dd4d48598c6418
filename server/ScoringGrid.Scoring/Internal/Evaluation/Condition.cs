using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// A compiled test on an application. Thresholds are fixed per level at compile time, so
/// evaluating reads arrays only; texts and gaps are produced on demand, off the hot path.
/// </summary>
internal abstract class Condition
{
    /// <summary>The rule as an evaluator reads it, in English.</summary>
    public abstract string Text { get; }

    /// <summary>The rule in Chinese.</summary>
    public abstract string TextZh { get; }

    /// <summary>The threshold when the condition is a single comparison.</summary>
    public virtual double? Threshold => null;

    /// <summary>
    /// Whether the application passes; <paramref name="observed"/> and <paramref name="required"/>
    /// describe the deciding comparison (NaN when there is no number to show).
    /// </summary>
    public abstract bool Evaluate(EvaluationInput input, out double observed, out double required);

    /// <summary>Appends one clause per test with the application's values, marked pass or fail.</summary>
    public abstract void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh);

    /// <summary>Adds the smallest changes that make this condition pass. Called only when it fails.</summary>
    public abstract void AddGaps(EvaluationInput input, string level, List<Gap> gaps);

    protected static void Clause(StringBuilder sb, bool passed, string text) => Clause(sb, passed).Append(text);

    /// <summary>
    /// Starts a clause and returns the builder for its text, so that <c>.Append($"…")</c> formats the
    /// text straight into it (an interpolated-string handler) instead of into a string first.
    /// </summary>
    protected static StringBuilder Clause(StringBuilder sb, bool passed)
    {
        if (sb.Length > 0)
        {
            sb.Append("; ");
        }

        return sb.Append(passed ? "✓ " : "✗ ");
    }
}
