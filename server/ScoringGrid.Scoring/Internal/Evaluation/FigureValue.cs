namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>One declared figure.</summary>
internal sealed class FigureValue(int index, string id) : ValueExpression
{
    public int Index { get; } = index;

    public override string Text => id;

    public override double Evaluate(EvaluationInput input) => input.Figures[Index];

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed)
    {
        if (double.IsNaN(current))
        {
            return new Gap(level, GapKinds.Figure, id, null, needed,
                $"declare {id} ≥ {Numbers.Format(needed)}", $"申报 {id} ≥ {Numbers.Format(needed)}");
        }

        // Percentages read better as a move ("79 → 80"); counts and money as the amount still missing.
        var text = id.EndsWith("_pct", StringComparison.Ordinal)
            ? $"{id} {Numbers.Format(current)} → {Numbers.Format(needed)}"
            : $"+{Numbers.Format(needed - current)} {id}";
        var zh = id.EndsWith("_pct", StringComparison.Ordinal)
            ? $"{id} 由 {Numbers.Format(current)} 提高到 {Numbers.Format(needed)}"
            : $"{id} 还差 {Numbers.Format(needed - current)}";
        return new Gap(level, GapKinds.Figure, id, current, needed, text, zh);
    }
}
