using System.Collections.Concurrent;
using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>
/// The targets being scraped, changeable at run time and persisted in Redis (hash
/// <c>sg:targets</c>), so a restarted collector keeps the platforms registered through the
/// admin API. Thread-safe.
/// </summary>
public sealed class TargetRegistry
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ConcurrentDictionary<string, ScrapeTarget> _targets = new(StringComparer.Ordinal);

    /// <summary>Creates an empty registry; call <see cref="LoadAsync"/> to read the persisted targets.</summary>
    /// <param name="redis">The connection.</param>
    public TargetRegistry(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
    }

    /// <summary>Raised after a target is added, replaced or removed.</summary>
    public event Action? Changed;

    /// <summary>Reads the persisted targets (replacing nothing registered since).</summary>
    /// <returns>The number of targets read.</returns>
    public async Task<int> LoadAsync()
    {
        var entries = await _redis.GetDatabase().HashGetAllAsync(RedisKeys.Targets).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            var target = TargetJson.Read(entry.Value!);
            target.Validate();
            _targets[target.PlatformId] = target;
        }

        Changed?.Invoke();
        return entries.Length;
    }

    /// <summary>
    /// Adds targets from the configuration file without persisting them: the file is their
    /// source of truth, so they need no Redis and a restart reads them again. A target
    /// persisted through <see cref="RegisterAsync"/> with the same id takes precedence.
    /// </summary>
    /// <param name="targets">Validated targets (from <see cref="TargetConfigLoader"/>).</param>
    public void AddConfigured(IEnumerable<ScrapeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            target.Validate();
            _targets.TryAdd(target.PlatformId, target);
        }

        Changed?.Invoke();
    }

    /// <summary>Adds or replaces a target and persists it.</summary>
    /// <param name="target">The target.</param>
    /// <exception cref="TargetConfigException">The target is invalid.</exception>
    /// <exception cref="RedisException">Redis is unavailable; nothing changed.</exception>
    public async Task RegisterAsync(ScrapeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        await _redis.GetDatabase().HashSetAsync(RedisKeys.Targets, target.PlatformId, TargetJson.Write(target)).ConfigureAwait(false);
        _targets[target.PlatformId] = target;
        Changed?.Invoke();
    }

    /// <summary>Removes a target; its stored samples stay.</summary>
    /// <param name="platformId">The platform.</param>
    /// <returns>Whether it was registered.</returns>
    public async Task<bool> UnregisterAsync(string platformId)
    {
        ArgumentNullException.ThrowIfNull(platformId);
        var deleted = await _redis.GetDatabase().HashDeleteAsync(RedisKeys.Targets, platformId).ConfigureAwait(false);
        var removed = _targets.TryRemove(platformId, out _);
        if (removed || deleted)
        {
            Changed?.Invoke();
        }

        return removed || deleted;
    }

    /// <summary>The registered targets, ordered by platform id.</summary>
    public IReadOnlyList<ScrapeTarget> List()
    {
        var list = new List<ScrapeTarget>(_targets.Values);
        list.Sort(static (a, b) => string.CompareOrdinal(a.PlatformId, b.PlatformId));
        return list;
    }

    /// <summary>Finds a target.</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="target">The target, if registered.</param>
    public bool TryGet(string platformId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScrapeTarget? target) =>
        _targets.TryGetValue(platformId, out target);
}
