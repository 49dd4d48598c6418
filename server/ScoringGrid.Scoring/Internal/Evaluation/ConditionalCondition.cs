namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Chooses a test by a flag, e.g. process-industry platforms count collection points instead
/// of devices. An undeclared flag reads as "no".
/// </summary>
internal sealed class ConditionalCondition(FlagCondition test, Condition then, Condition otherwise) : Condition
{
    public override string Text => $"if {test.Id}: {then.Text}; otherwise: {otherwise.Text}";

    public override string TextZh => $"若 {test.Id}：{then.TextZh}；否则：{otherwise.TextZh}";

    private Condition Pick(EvaluationInput input) => input.Flags[test.Index] > 0 ? then : otherwise;

    public override bool Evaluate(EvaluationInput input, out double observed, out double required) =>
        Pick(input).Evaluate(input, out observed, out required);

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh) =>
        Pick(input).Explain(input, en, zh);

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        Pick(input).AddGaps(input, level, gaps);
}
