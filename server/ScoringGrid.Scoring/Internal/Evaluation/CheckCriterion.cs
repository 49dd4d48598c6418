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
    [ThreadStatic]
    private static StringBuilder? t_en;

    [ThreadStatic]
    private static StringBuilder? t_zh;

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

        // The clauses go into builders reused per thread (conditions never call back into a
        // criterion's Explain: {rule:} references are inlined when compiling), and each text is
        // composed in one allocation: no builder, buffer or intermediate string per criterion.
        var en = (t_en ??= new StringBuilder(512)).Clear();
        var zh = (t_zh ??= new StringBuilder(256)).Clear();
        condition.Explain(input, en, zh);
        var texts = (
            Compose(Title, criterion.Passed ? " passed: " : " failed: ", en),
            Compose(TitleZh, criterion.Passed ? "通过：" : "未通过：", zh));
        if (en.Capacity > 4096 || zh.Capacity > 4096)
        {
            // An unusually long explanation must not pin a large buffer to the thread.
            t_en = null;
            t_zh = null;
        }

        return texts;
    }

    private static string Compose(string title, string verdict, StringBuilder clauses) =>
        string.Create(title.Length + verdict.Length + clauses.Length, (title, verdict, clauses), static (span, parts) =>
        {
            parts.title.CopyTo(span);
            parts.verdict.CopyTo(span[parts.title.Length..]);
            parts.clauses.CopyTo(0, span[(parts.title.Length + parts.verdict.Length)..], parts.clauses.Length);
        });

    public override void AddGaps(EvaluationInput input, List<Gap> gaps)
    {
        if (Applies(input) && !condition.Evaluate(input, out _, out _))
        {
            condition.AddGaps(input, Level, gaps);
        }
    }
}
