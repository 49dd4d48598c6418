using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The applicant's province must be the programme's.</summary>
internal sealed class ProvinceCondition(string province) : Condition
{
    private readonly byte[] _provinceUtf8 = Encoding.UTF8.GetBytes(province);

    public override string Text => $"applicant.province = {province}";

    public override string TextZh => $"申报单位所在省份 = {province}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        return string.Equals(input.Province, province, StringComparison.OrdinalIgnoreCase);
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var actual = input.Province.Length == 0 ? "not declared" : input.Province;
        Clause(en, passed).Append("applicant.province = "u8).Append(actual).Append(" (needs "u8).Append(_provinceUtf8).Append(")"u8);
        Clause(zh, passed).Append("所在省份 = "u8).Append(actual).Append("（要求 "u8).Append(_provinceUtf8).Append("）"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Applicant, "applicant.province", null, 0,
            $"applicant must be registered in {province}", $"申报单位须在 {province} 注册"));
}
