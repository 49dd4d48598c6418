using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A yes/no declaration that must be yes.</summary>
internal sealed class FlagCondition(int index, string id) : Condition
{
    private readonly byte[] _idUtf8 = Encoding.UTF8.GetBytes(id);
    private readonly string _gapText = $"{id}: yes";
    private readonly string _gapTextZh = $"{id}：是";

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

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var flag = input.Flags[Index];
        Clause(en, flag > 0).Append(_idUtf8).Append(flag == 0 ? " not declared"u8 : flag > 0 ? " = yes"u8 : " = no"u8);
        Clause(zh, flag > 0).Append(_idUtf8).Append(flag == 0 ? " 未申报"u8 : flag > 0 ? " = 是"u8 : " = 否"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Flag, Id, input.Flags[Index] == 0 ? null : 0, 1, _gapText, _gapTextZh));
}
