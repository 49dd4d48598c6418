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
    private readonly byte[] _whenUtf8 = when is null ? [] : Encoding.UTF8.GetBytes(when.Id);

    public override string Kind => "check";

    public override bool Gates => true;

    public override double? Threshold => condition.Threshold;

    public override string Text => when is null ? condition.Text : $"when {when.Id}: {condition.Text}";

    public override string TextZh => when is null ? condition.TextZh : $"仅当 {when.Id}：{condition.TextZh}";

    private bool Applies(EvaluationInput input) => when is null || input.Flags[when.Index] > 0;

    /// <summary>Whether this entry always has <paramref name="other"/>'s outcome and explanations: the same rule and the same compiled check, at another level.</summary>
    public bool SameOutcomeAs(CheckCriterion other) =>
        ReferenceEquals(condition, other.Condition) && ReferenceEquals(when, other.When) && RuleId == other.RuleId && Title == other.Title && TitleZh == other.TitleZh;

    private Condition Condition => condition;

    private FlagCondition? When => when;

    public override Criterion Evaluate(EvaluationInput input)
    {
        if (!Applies(input))
        {
            return new Criterion(this, input, true, double.NaN, condition.Threshold ?? double.NaN, 0);
        }

        var passed = condition.Evaluate(input, out var observed, out var required);
        return new Criterion(this, input, passed, observed, required, 0);
    }

    public override void WriteExplanations(in Criterion criterion, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        if (!Applies(criterion.Input))
        {
            en.Append(TitleUtf8).Append(": not applicable ("u8).Append(_whenUtf8).Append(" is not declared yes)"u8);
            zh.Append(TitleZhUtf8).Append("：不适用（"u8).Append(_whenUtf8).Append(" 非“是”）"u8);
            return;
        }

        en.Append(TitleUtf8).Append(criterion.Passed ? " passed: "u8 : " failed: "u8);
        zh.Append(TitleZhUtf8).Append(criterion.Passed ? "通过："u8 : "未通过："u8);
        var enclosingEn = en.BeginClauses();
        var enclosingZh = zh.BeginClauses();
        condition.Explain(criterion.Input, en, zh);
        en.EndClauses(enclosingEn);
        zh.EndClauses(enclosingZh);
    }

    public override void AddGaps(EvaluationInput input, List<Gap> gaps)
    {
        if (Applies(input) && !condition.Evaluate(input, out _, out _))
        {
            condition.AddGaps(input, Level, gaps);
        }
    }
}
