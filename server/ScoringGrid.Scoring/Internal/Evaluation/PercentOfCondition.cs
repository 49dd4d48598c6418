namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary><c>value ≥ pct % of other</c>, e.g. third-party developers ≥ 20 % of all developers.</summary>
internal sealed class PercentOfCondition(ValueExpression value, ValueExpression of, double percent) : Condition
{
    public override string Text => $"{value.Text} ≥ {Numbers.Format(percent)} % of {of.Text}";

    public override string TextZh => $"{value.Text} 不低于 {of.Text} 的 {Numbers.Format(percent)}%";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = value.Evaluate(input);
        required = of.Evaluate(input) * percent / 100.0;
        return observed >= required;
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var passed = Evaluate(input, out var observed, out var required);
        Clause(en, passed).Append(value.TextUtf8).Append(" = "u8).AppendNumber(observed).Append(" (needs ≥ "u8).AppendNumber(percent)
            .Append(" % of "u8).Append(of.TextUtf8).Append(" = "u8).AppendNumber(required).Append(")"u8);
        Clause(zh, passed).Append(value.TextUtf8).Append(" = "u8).AppendNumber(observed).Append("（要求不低于 "u8).Append(of.TextUtf8)
            .Append(" 的 "u8).AppendNumber(percent).Append("% 即 "u8).AppendNumber(required).Append("）"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        Evaluate(input, out var observed, out var required);
        if (double.IsNaN(required))
        {
            gaps.Add(of.GapTo(input, level, double.NaN, 0));
            return;
        }

        gaps.Add(value.GapTo(input, level, observed, required));
    }
}
