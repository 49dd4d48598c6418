namespace ScoringGrid.Scoring;

/// <summary>Deployment-wide settings that rules read besides the application.</summary>
public sealed class ScoringOptions
{
    /// <summary>The clock for "as of" checks (bans); injected so tests control it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Fraud findings read by <c>not_banned</c> gates.</summary>
    public IDisqualificationRegistry Registry { get; init; } = DisqualificationRegistry.Empty;

    /// <summary>
    /// Cloud providers on the province's pool list. When set, <c>provider_pool</c> gates also require
    /// <c>applicant.provider</c> to be on it; when null only the provider's confirmation flag counts.
    /// </summary>
    public IReadOnlySet<string>? ProviderPool { get; init; }

    /// <summary>Defaults: system clock, no bans, no pool list.</summary>
    public static ScoringOptions Default { get; } = new();
}
