namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// A subsidy of min(rate × base, cap) yuan, paid only to applications that reach the level
/// (Hebei: 20 % of the current contract's annual fee, at most 50,000 yuan).
/// </summary>
internal sealed class SubsidyRule(string ruleId, double rate, ValueExpression basis, double cap, int levelIndex)
{
    public string RuleId { get; } = ruleId;

    public string Text => $"min({Numbers.Format(rate * 100)} % × {basis.Text}, {Numbers.Format(cap)}) yuan";

    public string TextZh => $"min({basis.Text} × {Numbers.Format(rate * 100)}%, {Numbers.Format(cap)}) 元";

    /// <summary>The subsidy: 0 unless eligible and at or above the rule's level (-1: eligibility suffices).</summary>
    public double Compute(EvaluationInput input, int reachedLevel, bool eligible)
    {
        if (!eligible || reachedLevel < levelIndex)
        {
            return 0;
        }

        var b = basis.Evaluate(input);
        return double.IsNaN(b) ? 0 : Math.Min(Math.Round(rate * b, 2, MidpointRounding.AwayFromZero), cap);
    }
}
