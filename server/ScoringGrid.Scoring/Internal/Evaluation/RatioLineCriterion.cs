namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// A Zhejiang self-assessed line: weight × N ÷ M. M = 0 earns 0 with a note; N &gt; M is invalid
/// input unless the line is capped (<c>collab.systems</c>), where it earns the full weight.
/// Points stay unrounded here; the result rounds the total once and splits the cents.
/// </summary>
internal sealed class RatioLineCriterion(
    string ruleId, string title, string titleZh, double weight, ValueExpression n, ValueExpression m, bool capAtWeight)
    : CriterionDefinition(ruleId, title, titleZh, "", -1)
{
    public override string Kind => "line";

    public override double MaxPoints => weight;

    public override string Text =>
        $"{Numbers.Format(weight)} × N ÷ M, N = {n.Text}, M = {m.Text}{(capAtWeight ? " (N > M capped at the weight)" : "")}";

    public override string TextZh =>
        $"{Numbers.Format(weight)} × N ÷ M，N = {n.Text}，M = {m.Text}{(capAtWeight ? "（N 大于 M 时按满分计）" : "")}";

    /// <summary>Null when the line can be scored; else the error naming the line.</summary>
    public ScoringError? Validate(EvaluationInput input)
    {
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        if (!capAtWeight && nv > mv && mv > 0)
        {
            return ScoringErrors.NExceedsM(RuleId, n.Text, nv, m.Text, mv);
        }

        return null;
    }

    public override Criterion Evaluate(EvaluationInput input)
    {
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        if (double.IsNaN(nv) || double.IsNaN(mv) || mv <= 0)
        {
            return new Criterion(this, input, true, double.NaN, double.NaN, 0);
        }

        var ratio = nv > mv ? 1.0 : nv / mv;
        return new Criterion(this, input, true, nv / mv, double.NaN, weight * ratio);
    }

    public override void WriteExplanations(in Criterion criterion, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var input = criterion.Input;
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        en.Append(TitleUtf8).Append(": "u8);
        zh.Append(TitleZhUtf8).Append("："u8);
        if (double.IsNaN(mv) || mv <= 0)
        {
            en.Append("M ("u8).Append(m.TextUtf8).Append(double.IsNaN(mv) ? ") not declared"u8 : ") = 0"u8)
                .Append(", 0 of "u8).AppendNumber(weight).Append(" points"u8);
            zh.Append("M（"u8).Append(m.TextUtf8).Append(double.IsNaN(mv) ? "）未申报"u8 : "）= 0"u8)
                .Append("，得 0 分（满分 "u8).AppendNumber(weight).Append("）"u8);
            return;
        }

        if (double.IsNaN(nv))
        {
            en.Append("N ("u8).Append(n.TextUtf8).Append(") not declared, 0 of "u8).AppendNumber(weight).Append(" points"u8);
            zh.Append("N（"u8).Append(n.TextUtf8).Append("）未申报，得 0 分（满分 "u8).AppendNumber(weight).Append("）"u8);
            return;
        }

        if (nv > mv)
        {
            en.Append("N = "u8).AppendNumber(nv).Append(" exceeds M = "u8).AppendNumber(mv).Append(", capped at "u8).AppendNumber(weight).Append(" points"u8);
            zh.Append("N = "u8).AppendNumber(nv).Append(" 大于 M = "u8).AppendNumber(mv).Append("，按满分 "u8).AppendNumber(weight).Append(" 分计"u8);
            return;
        }

        en.AppendNumber(weight).Append(" × "u8).AppendNumber(nv).Append(" ÷ "u8).AppendNumber(mv).Append(" = "u8)
            .AppendFormatted(criterion.Points, "0.00").Append(" of "u8).AppendNumber(weight).Append(" points"u8);
        zh.AppendNumber(weight).Append(" × "u8).AppendNumber(nv).Append(" ÷ "u8).AppendNumber(mv).Append(" = "u8)
            .AppendFormatted(criterion.Points, "0.00").Append(" 分（满分 "u8).AppendNumber(weight).Append("）"u8);
    }
}
