using System.Globalization;

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

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var ban = input.Registry.Find(input.CreditCode, input.AsOf);
        if (ban is null)
        {
            Clause(en, true).Append("no disqualification on record"u8);
            Clause(zh, true).Append("无取消资格记录"u8);
            return;
        }

        Clause(en, false).Append("disqualified until "u8).AppendFormatted(ban.Until, "yyyy-MM-dd").Append(": "u8).Append(ban.Reason);
        Clause(zh, false).Append("已被取消资格至 "u8).AppendFormatted(ban.Until, "yyyy-MM-dd").Append("："u8).Append(ban.Reason);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        var ban = input.Registry.Find(input.CreditCode, input.AsOf);
        var until = ban?.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        gaps.Add(new Gap(level, GapKinds.Registry, "applicant.credit_code", null, 0,
            $"disqualified until {until}", $"取消资格至 {until}"));
    }
}
