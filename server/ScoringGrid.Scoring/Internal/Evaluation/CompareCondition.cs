namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary><c>value ≥ threshold</c> (以上/不少于) or <c>value &gt; threshold</c> (超过).</summary>
internal sealed class CompareCondition(ValueExpression value, double threshold, bool strict) : Condition
{
    public ValueExpression Value { get; } = value;

    public override double? Threshold => threshold;

    public override string Text => $"{Value.Text} {(strict ? ">" : "≥")} {Numbers.Format(threshold)}";

    public override string TextZh => $"{Value.TextZh} {(strict ? "超过" : "不少于")} {Numbers.Format(threshold)}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = Value.Evaluate(input);
        required = threshold;
        // NaN compares false: an undeclared figure fails with "not declared".
        return strict ? observed > threshold : observed >= threshold;
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var passed = Evaluate(input, out var observed, out _);
        var op = strict ? " > "u8 : " ≥ "u8;
        if (double.IsNaN(observed))
        {
            Clause(en, false).Append(Value.TextUtf8).Append(" not declared (needs"u8).Append(op).AppendNumber(threshold).Append(")"u8);
            Clause(zh, false).Append(Value.TextZhUtf8).Append(" 未申报（要求"u8).Append(op).AppendNumber(threshold).Append("）"u8);
            return;
        }

        Clause(en, passed).Append(Value.TextUtf8).Append(" = "u8).AppendNumber(observed).Append(" (needs"u8).Append(op).AppendNumber(threshold);
        Clause(zh, passed).Append(Value.TextZhUtf8).Append(" = "u8).AppendNumber(observed).Append("（要求"u8).Append(op).AppendNumber(threshold);
        if (!passed)
        {
            en.Append(", short by "u8).AppendNumber(threshold - observed);
            zh.Append("，差 "u8).AppendNumber(threshold - observed);
        }

        en.Append(")"u8);
        zh.Append("）"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        var observed = Value.Evaluate(input);
        // "More than X" for counts means X + 1; for continuous figures the text says "more than".
        var needed = strict ? (Value is CountValue ? threshold + 1 : threshold) : threshold;
        gaps.Add(Value.GapTo(input, level, observed, needed));
    }
}
