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

    public override void WriteExplanations(in Criterion criterion, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        en.Append(TitleUtf8).Append(": "u8).Append(value.TextUtf8).Append(" = "u8).AppendNumber(criterion.ObservedValue).Append(" (reported for ranking, not gating)"u8);
        zh.Append(TitleZhUtf8).Append("："u8).Append(value.TextUtf8).Append(" = "u8).AppendNumber(criterion.ObservedValue).Append("（用于排序，不作门槛）"u8);
    }
}
