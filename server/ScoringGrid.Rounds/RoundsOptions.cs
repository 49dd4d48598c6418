using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

/// <summary>Deployment settings of <see cref="ScoringRounds"/>.</summary>
public sealed class RoundsOptions
{
    /// <summary>Prefix of every Redis key (<c>sg</c> → <c>sg:round:{id}</c>).</summary>
    public string KeyPrefix { get; init; } = "sg";

    /// <summary>Fraud findings read by <c>not_banned</c> gates, usually a <see cref="RedisDisqualificationRegistry"/>.</summary>
    public IDisqualificationRegistry Registry { get; init; } = DisqualificationRegistry.Empty;

    /// <summary>The province's cloud provider pool list; null when only the provider's confirmation counts.</summary>
    public IReadOnlySet<string>? ProviderPool { get; init; }

    /// <summary>Applications read or written per pipelined Redis batch when a whole round is processed.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Defaults: prefix <c>sg</c>, no bans, no pool list.</summary>
    public static RoundsOptions Default { get; } = new();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix) || KeyPrefix.Contains('{', StringComparison.Ordinal))
        {
            throw new ArgumentException("KeyPrefix must be non-empty and contain no '{'", nameof(KeyPrefix));
        }

        ArgumentNullException.ThrowIfNull(Registry);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
    }
}
