namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A value reported for ranking that never gates (e.g. full-flow items of a benchmark factory).</summary>
internal sealed class ReportCriterion(string ruleId, string title, string titleZh, ValueExpression value)
    : CriterionDefinition(ruleId, title, titleZh, "", -1)
{
    public override string Kind => "report";

    public override string Text => $"reported: {value.Text} (counted for ranking, not gating)";

    public override string TextZh => $"报告项：{value.Text}（用于排序，不作门槛）";

    public override Criterion Evaluate(EvaluationInput input) =>
        new(this, input, true, value.Evaluate(input), double.NaN, 0);

    public override (string En, string Zh) Explain(in Criterion criterion)
    {
        var observed = Numbers.Format(criterion.ObservedValue);
        return ($"{Title}: {value.Text} = {observed} (reported for ranking, not gating)", $"{TitleZh}：{value.Text} = {observed}（用于排序，不作门槛）");
    }
}
