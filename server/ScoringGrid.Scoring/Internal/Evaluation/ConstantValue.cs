namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A fixed number, e.g. the 6 data items that are Zhejiang's <c>collab.data</c> M.</summary>
internal sealed class ConstantValue(double value) : ValueExpression
{
    public override string Text => Numbers.Format(value);

    public override double Evaluate(EvaluationInput input) => value;

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed) =>
        throw new InvalidOperationException("A constant has no gap.");
}
