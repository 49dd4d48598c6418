namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// The cloud provider is in the province's pool: it confirmed the application (a flag), and
/// where the deployment configures a pool list, <c>applicant.provider</c> is on it.
/// </summary>
internal sealed class ProviderPoolCondition(FlagCondition confirmed) : Condition
{
    public override string Text => $"{confirmed.Id} = yes and applicant.provider on the pool list (where configured)";

    public override string TextZh => $"{confirmed.Id} = 是，且云服务商在资源池名单内（如已配置）";

    private static bool OnList(EvaluationInput input) => input.ProviderPool is null || input.ProviderPool.Contains(input.Provider);

    public override bool Evaluate(EvaluationInput input, out double observed, out double required) =>
        confirmed.Evaluate(input, out observed, out required) && OnList(input);

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        confirmed.Explain(input, en, zh);
        if (input.ProviderPool is not null)
        {
            var on = OnList(input);
            Clause(en, on).Append("provider '"u8).Append(input.Provider).Append(on ? "' is on the pool list"u8 : "' is not on the pool list"u8);
            Clause(zh, on).Append("云服务商“"u8).Append(input.Provider).Append(on ? "”在资源池名单内"u8 : "”不在资源池名单内"u8);
        }
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        if (!confirmed.Evaluate(input, out _, out _))
        {
            confirmed.AddGaps(input, level, gaps);
        }

        if (!OnList(input))
        {
            gaps.Add(new Gap(level, GapKinds.Applicant, "applicant.provider", null, 0,
                "choose a provider on the pool list", "选择资源池名单内的云服务商"));
        }
    }
}
