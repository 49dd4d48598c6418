using System.Text;

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

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var passed = Evaluate(input, out var observed, out _);
        var op = strict ? ">" : "≥";
        if (double.IsNaN(observed))
        {
            Clause(en, false).Append($"{Value.Text} not declared (needs {op} {Numbers.Of(threshold)})");
            Clause(zh, false).Append($"{Value.TextZh} 未申报（要求 {op} {Numbers.Of(threshold)}）");
            return;
        }

        var english = Clause(en, passed).Append($"{Value.Text} = {Numbers.Of(observed)} (needs {op} {Numbers.Of(threshold)}");
        var chinese = Clause(zh, passed).Append($"{Value.TextZh} = {Numbers.Of(observed)}（要求 {op} {Numbers.Of(threshold)}");
        if (!passed)
        {
            english.Append($", short by {Numbers.Of(threshold - observed)}");
            chinese.Append($"，差 {Numbers.Of(threshold - observed)}");
        }

        english.Append(')');
        chinese.Append('）');
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        var observed = Value.Evaluate(input);
        // "More than X" for counts means X + 1; for continuous figures the text says "more than".
        var needed = strict ? (Value is CountValue ? threshold + 1 : threshold) : threshold;
        gaps.Add(Value.GapTo(input, level, observed, needed));
    }
}
