namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A number a rule compares: a figure, a derived value, a count of ticked items.</summary>
internal abstract class ValueExpression
{
    /// <summary>How the rule text names this value, e.g. <c>connected_devices</c>.</summary>
    public abstract string Text { get; }

    /// <summary>The same in Chinese; figure ids read the same in both.</summary>
    public virtual string TextZh => Text;

    /// <summary>The value for this application; NaN when what it needs was not declared.</summary>
    public abstract double Evaluate(EvaluationInput input);

    /// <summary>The smallest change that raises the value to <paramref name="needed"/>.</summary>
    public abstract Gap GapTo(EvaluationInput input, string level, double current, double needed);
}
