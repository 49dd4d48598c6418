using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The applicant's province must be the programme's.</summary>
internal sealed class ProvinceCondition(string province) : Condition
{
    public override string Text => $"applicant.province = {province}";

    public override string TextZh => $"申报单位所在省份 = {province}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        return string.Equals(input.Province, province, StringComparison.OrdinalIgnoreCase);
    }

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var actual = input.Province.Length == 0 ? "not declared" : input.Province;
        Clause(en, passed).Append($"applicant.province = {actual} (needs {province})");
        Clause(zh, passed).Append($"所在省份 = {actual}（要求 {province}）");
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Applicant, "applicant.province", null, 0,
            $"applicant must be registered in {province}", $"申报单位须在 {province} 注册"));
}
