using System.Collections.Concurrent;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>
/// The targets being scraped, changeable at run time and persisted in Redis (hash
/// <c>sg:targets</c>), so a restarted collector keeps the platforms registered through the
/// admin API, and several collectors share them (<see cref="RefreshAsync"/>). Targets from the
/// configuration file stay per process. Thread-safe.
/// </summary>
public sealed partial class TargetRegistry
{
    private readonly IConnectionMultiplexer _redis;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ScrapeTarget> _configured = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ScrapeTarget Target, string Json)> _persisted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unregisteredConfigured = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScrapeTarget> _targets = new(StringComparer.Ordinal);
    private long _localChanges;

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
    /// <exception cref="TargetConfigException">A persisted target is invalid.</exception>
    public async Task<int> LoadAsync()
    {
        var entries = await _redis.GetDatabase().HashGetAllAsync(RedisKeys.Targets).Within(_redis).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                var json = (string)entry.Value!;
                var target = TargetJson.Read(json);
                target.Validate();
                SetPersisted(target, json);
            }
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
        lock (_gate)
        {
            foreach (var target in targets)
            {
                target.Validate();
                _configured.TryAdd(target.PlatformId, target);
                Publish(target.PlatformId);
            }
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
        var json = TargetJson.Write(target);
        await _redis.GetDatabase().HashSetAsync(RedisKeys.Targets, target.PlatformId, json).Within(_redis).ConfigureAwait(false);
        lock (_gate)
        {
            Interlocked.Increment(ref _localChanges);
            _unregisteredConfigured.Remove(target.PlatformId);
            SetPersisted(target, json);
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Removes a target; its stored samples stay. A target from the configuration file is removed
    /// from this process only, until it restarts.
    /// </summary>
    /// <param name="platformId">The platform.</param>
    /// <returns>Whether it was registered.</returns>
    public async Task<bool> UnregisterAsync(string platformId)
    {
        ArgumentNullException.ThrowIfNull(platformId);
        var deleted = await _redis.GetDatabase().HashDeleteAsync(RedisKeys.Targets, platformId).Within(_redis).ConfigureAwait(false);
        bool removed;
        lock (_gate)
        {
            Interlocked.Increment(ref _localChanges);
            removed = _targets.ContainsKey(platformId);
            _persisted.Remove(platformId);
            if (_configured.ContainsKey(platformId))
            {
                _unregisteredConfigured.Add(platformId);
            }

            Publish(platformId);
        }

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

    // Caller holds _gate. Keeps the instance when the stored form is unchanged (no loop restart).
    private bool SetPersisted(ScrapeTarget target, string json)
    {
        if (_persisted.TryGetValue(target.PlatformId, out var known) && known.Json == json)
        {
            return false;
        }

        _persisted[target.PlatformId] = (target, json);
        return Publish(target.PlatformId);
    }

    // Caller holds _gate. The effective target of an id: persisted, else configured unless
    // unregistered here. Returns whether it changed.
    private bool Publish(string platformId)
    {
        ScrapeTarget? effective = _persisted.TryGetValue(platformId, out var persisted) ? persisted.Target
            : !_unregisteredConfigured.Contains(platformId) && _configured.TryGetValue(platformId, out var configured) ? configured
            : null;
        if (effective is null)
        {
            return _targets.TryRemove(platformId, out _);
        }

        if (_targets.TryGetValue(platformId, out var current) && ReferenceEquals(current, effective))
        {
            return false;
        }

        _targets[platformId] = effective;
        return true;
    }
}
