using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// A pass/fail rule at one level (or a gate outside the ladder). With <c>when</c>, it applies only
/// to applications that meet the condition (IT-service items only for IT-service enterprises).
/// </summary>
internal sealed class CheckCriterion(
    string ruleId, string title, string titleZh, string level, int levelIndex, Condition condition, FlagCondition? when)
    : CriterionDefinition(ruleId, title, titleZh, level, levelIndex)
{
    public override string Kind => "check";

    public override bool Gates => true;

    public override double? Threshold => condition.Threshold;

    public override string Text => when is null ? condition.Text : $"when {when.Id}: {condition.Text}";

    public override string TextZh => when is null ? condition.TextZh : $"仅当 {when.Id}：{condition.TextZh}";

    private bool Applies(EvaluationInput input) => when is null || input.Flags[when.Index] > 0;

    public override Criterion Evaluate(EvaluationInput input)
    {
        if (!Applies(input))
        {
            return new Criterion(this, input, true, double.NaN, condition.Threshold ?? double.NaN, 0);
        }

        var passed = condition.Evaluate(input, out var observed, out var required);
        return new Criterion(this, input, passed, observed, required, 0);
    }

    public override (string En, string Zh) Explain(in Criterion criterion)
    {
        var input = criterion.Input;
        if (!Applies(input))
        {
            return ($"{Title}: not applicable ({when!.Id} is not declared yes)", $"{TitleZh}：不适用（{when!.Id} 非“是”）");
        }

        var en = new StringBuilder(256);
        var zh = new StringBuilder(128);
        condition.Explain(input, en, zh);
        var verdict = criterion.Passed ? "passed" : "failed";
        var verdictZh = criterion.Passed ? "通过" : "未通过";
        return ($"{Title} {verdict}: {en}", $"{TitleZh}{verdictZh}：{zh}");
    }

    public override void AddGaps(EvaluationInput input, List<Gap> gaps)
    {
        if (Applies(input) && !condition.Evaluate(input, out _, out _))
        {
            condition.AddGaps(input, Level, gaps);
        }
    }
}
