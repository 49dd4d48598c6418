using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A yes/no declaration that must be yes.</summary>
internal sealed class FlagCondition(int index, string id) : Condition
{
    public int Index { get; } = index;

    public string Id { get; } = id;

    public override string Text => $"{Id} = yes";

    public override string TextZh => $"{Id} = 是";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        var flag = input.Flags[Index];
        observed = flag == 0 ? double.NaN : flag > 0 ? 1 : 0;
        required = 1;
        return flag > 0;
    }

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var flag = input.Flags[Index];
        Clause(en, flag > 0, flag == 0 ? $"{Id} not declared" : $"{Id} = {(flag > 0 ? "yes" : "no")}");
        Clause(zh, flag > 0, flag == 0 ? $"{Id} 未申报" : $"{Id} = {(flag > 0 ? "是" : "否")}");
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Flag, Id, input.Flags[Index] == 0 ? null : 0, 1,
            $"{Id}: yes", $"{Id}：是"));
}
