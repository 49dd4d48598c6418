using System.Globalization;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The applicant is not disqualified for fraud (the registry keeps bans for three years).</summary>
internal sealed class NotBannedCondition : Condition
{
    public override string Text => "applicant not disqualified for fraud in the last 3 years";

    public override string TextZh => "近三年未因弄虚作假被取消资格";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        return input.Registry.Find(input.CreditCode, input.AsOf) is null;
    }

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var ban = input.Registry.Find(input.CreditCode, input.AsOf);
        if (ban is null)
        {
            Clause(en, true, "no disqualification on record");
            Clause(zh, true, "无取消资格记录");
            return;
        }

        var until = ban.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Clause(en, false).Append($"disqualified until {until}: {ban.Reason}");
        Clause(zh, false).Append($"已被取消资格至 {until}：{ban.Reason}");
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        var ban = input.Registry.Find(input.CreditCode, input.AsOf);
        var until = ban?.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        gaps.Add(new Gap(level, GapKinds.Registry, "applicant.credit_code", null, 0,
            $"disqualified until {until}", $"取消资格至 {until}"));
    }
}
