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
        if (!Applies(criterion.Input))
        {
            return NotApplicable();
        }

        // Each text is composed in one allocation from the clauses (see Clauses).
        var (en, zh) = Clauses(criterion.Input);
        var texts = (
            Compose(Title, criterion.Passed ? " passed: " : " failed: ", en),
            Compose(TitleZh, criterion.Passed ? "通过：" : "未通过：", zh));
        ReleaseLongBuilders(en, zh);
        return texts;
    }

    public override void AppendExplanations(in Criterion criterion, StringBuilder en, StringBuilder zh)
    {
        if (!Applies(criterion.Input))
        {
            var (english, chinese) = NotApplicable();
            en.Append(english);
            zh.Append(chinese);
            return;
        }

        var (clausesEn, clausesZh) = Clauses(criterion.Input);
        en.Append(Title).Append(criterion.Passed ? " passed: " : " failed: ").Append(clausesEn);
        zh.Append(TitleZh).Append(criterion.Passed ? "通过：" : "未通过：").Append(clausesZh);
        ReleaseLongBuilders(clausesEn, clausesZh);
    }

    private (string En, string Zh) NotApplicable() =>
        ($"{Title}: not applicable ({when!.Id} is not declared yes)", $"{TitleZh}：不适用（{when!.Id} 非“是”）");

    // The condition's clauses, in builders reused per thread (conditions never call back into a
    // criterion's explanation: {rule:} references are inlined when compiling), so neither a builder
    // nor an intermediate string is allocated per criterion.
    private (StringBuilder En, StringBuilder Zh) Clauses(EvaluationInput input)
    {
        var en = (t_en ??= new StringBuilder(512)).Clear();
        var zh = (t_zh ??= new StringBuilder(256)).Clear();
        condition.Explain(input, en, zh);
        return (en, zh);
    }

    private static void ReleaseLongBuilders(StringBuilder en, StringBuilder zh)
    {
        if (en.Capacity > 4096 || zh.Capacity > 4096)
        {
            // An unusually long explanation must not pin a large buffer to the thread.
            t_en = null;
            t_zh = null;
        }
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
