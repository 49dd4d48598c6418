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

    /// <summary>Writes one clause per test with the application's values, marked pass or fail.</summary>
    public abstract void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh);

    /// <summary>Adds the smallest changes that make this condition pass. Called only when it fails.</summary>
    public abstract void AddGaps(EvaluationInput input, string level, List<Gap> gaps);

    /// <summary>Starts a clause ("; " after an earlier one, then ✓ or ✗) and returns the builder for its text.</summary>
    protected static Utf8TextBuilder Clause(Utf8TextBuilder text, bool passed) => text.Clause(passed);
}
