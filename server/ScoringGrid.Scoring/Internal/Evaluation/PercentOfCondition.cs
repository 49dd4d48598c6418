using System.Text;

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

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var passed = Evaluate(input, out var observed, out var required);
        Clause(en, passed).Append($"{value.Text} = {Numbers.Of(observed)} (needs ≥ {Numbers.Of(percent)} % of {of.Text} = {Numbers.Of(required)})");
        Clause(zh, passed).Append($"{value.Text} = {Numbers.Of(observed)}（要求不低于 {of.Text} 的 {Numbers.Of(percent)}% 即 {Numbers.Of(required)}）");
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
