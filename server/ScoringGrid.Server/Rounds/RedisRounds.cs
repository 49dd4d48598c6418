using ScoringGrid.Rounds;
using ScoringGrid.Scoring;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server.Rounds;

/// <summary>
/// Rounds and the fraud registry over the server's one Redis connection (<c>--ScoringGrid:Redis</c>),
/// or nothing when none is configured. Rounds follow rule-set reloads: a new catalog gets a new
/// <see cref="ScoringRounds"/> (it holds no state beyond its settings).
/// </summary>
internal sealed class RedisRounds
{
    private readonly FigureObserver _observer;
    private readonly RuleSetProvider _ruleSets;
    private readonly TimeProvider _time;
    private readonly ILogger<ScoringRounds> _logger;
    private readonly IReadOnlySet<string>? _providerPool;
    private volatile Bound? _bound;

    public RedisRounds(FigureObserver observer, RuleSetProvider ruleSets, ServerSettings settings, TimeProvider time, ILoggerFactory loggers)
    {
        _observer = observer;
        _ruleSets = ruleSets;
        _time = time;
        _logger = loggers.CreateLogger<ScoringRounds>();
        _providerPool = settings.ProviderPool.Count > 0 ? settings.ProviderPool.ToHashSet(StringComparer.Ordinal) : null;
        if (observer.Redis is { } redis)
        {
            Registry = new RedisDisqualificationRegistry(redis, time, logger: loggers.CreateLogger<RedisDisqualificationRegistry>());
        }
    }

    /// <summary>Null when the server has no Redis.</summary>
    public RedisDisqualificationRegistry? Registry { get; }

    /// <summary>The gate registry for plain scoring: the Redis one when configured.</summary>
    public IDisqualificationRegistry GateRegistry => Registry ?? DisqualificationRegistry.Empty;

    /// <summary>The rules in force now.</summary>
    public RuleSetCatalog Catalog => _ruleSets.Current;

    /// <summary>Rounds over the current catalog; null when the server has no Redis.</summary>
    public ScoringRounds? Current
    {
        get
        {
            if (_observer.Redis is not { } redis || Registry is null)
            {
                return null;
            }

            var catalog = _ruleSets.Current;
            var bound = _bound;
            if (bound is null || !ReferenceEquals(bound.Catalog, catalog))
            {
                var options = new RoundsOptions { Registry = Registry, ProviderPool = _providerPool };
                _bound = bound = new Bound(catalog, new ScoringRounds(redis, catalog, options, _time, _logger));
            }

            return bound.Rounds;
        }
    }

    private sealed record Bound(RuleSetCatalog Catalog, ScoringRounds Rounds);
}
