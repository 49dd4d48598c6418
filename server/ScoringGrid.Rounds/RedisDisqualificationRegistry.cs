using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

/// <summary>
/// The fraud registry on Redis: evaluators disqualify an applicant by credit code with a reason
/// and date; the ban runs three years (the core's <see cref="DisqualificationRegistry"/> rule:
/// until the day before the third anniversary). <see cref="Find"/> reads a local snapshot, so gates
/// cost a dictionary lookup; the snapshot reloads when the registry's version counter moves, checked
/// at most every <c>refreshInterval</c> (writes through this instance apply at once).
/// </summary>
/// <remarks>Keys: <c>P:bans</c> hash credit code → ban JSON; <c>P:bans:log</c> append-only list of every mark and lift; <c>P:bans:version</c> counter.</remarks>
public sealed class RedisDisqualificationRegistry : IDisqualificationRegistry
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger _logger;
    private readonly RoundKeys _keys;
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new(-1, FrozenDictionary<string, Disqualification>.Empty, long.MinValue);

    /// <summary>Creates the registry.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="timeProvider">Clock for the snapshot's refresh interval; the system clock when null.</param>
    /// <param name="keyPrefix">Prefix of the registry's keys.</param>
    /// <param name="refreshInterval">How stale the snapshot may be for changes made elsewhere; 1 s when null, zero checks every call.</param>
    /// <param name="logger">Where to log; nothing when null.</param>
    public RedisDisqualificationRegistry(
        IConnectionMultiplexer redis, TimeProvider? timeProvider = null, string keyPrefix = "sg", TimeSpan? refreshInterval = null, ILogger<RedisDisqualificationRegistry>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _time = timeProvider ?? TimeProvider.System;
        _refreshInterval = refreshInterval ?? TimeSpan.FromSeconds(1);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _keys = new RoundKeys(keyPrefix);
    }

    /// <summary>Disqualifies an applicant from <paramref name="since"/> for three years; a newer finding replaces an older one.</summary>
    public async Task<Disqualification> DisqualifyAsync(string creditCode, string reason, DateOnly since, string keyId)
    {
        RoundIds.Other("credit_code", creditCode);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RoundErrors.Required("reason");
        }

        if (string.IsNullOrEmpty(keyId))
        {
            throw RoundErrors.Required("key_id");
        }

        // The core owns the three-year rule; computing it there keeps both registries identical.
        var ban = new DisqualificationRegistry().Ban(creditCode, reason, since);
        var json = BanJson.Write(ban, _time.GetUtcNow(), keyId, "mark");
        var tran = _redis.GetDatabase().CreateTransaction();
        _ = tran.HashSetAsync(_keys.Bans, creditCode, json);
        _ = tran.ListRightPushAsync(_keys.BanLog, json);
        var version = tran.StringIncrementAsync(_keys.BanVersion);
        await tran.ExecuteAsync().Within(_redis).ConfigureAwait(false);
        Apply(await version.Within(_redis).ConfigureAwait(false), creditCode, ban);
        RoundsLog.Disqualified(_logger, creditCode, ban.Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), keyId);
        return ban;
    }

    /// <summary>Lifts a ban (e.g. overturned on appeal); the lift is logged. False when there was none.</summary>
    public async Task<bool> LiftAsync(string creditCode, string reason, string keyId)
    {
        RoundIds.Other("credit_code", creditCode);
        var existing = await FindAnyAsync(creditCode).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        var tran = _redis.GetDatabase().CreateTransaction();
        _ = tran.HashDeleteAsync(_keys.Bans, creditCode);
        _ = tran.ListRightPushAsync(_keys.BanLog, BanJson.Write(existing with { Reason = reason ?? "" }, _time.GetUtcNow(), keyId, "lift"));
        var version = tran.StringIncrementAsync(_keys.BanVersion);
        await tran.ExecuteAsync().Within(_redis).ConfigureAwait(false);
        Apply(await version.Within(_redis).ConfigureAwait(false), creditCode, null);
        return true;
    }

    /// <inheritdoc />
    public Disqualification? Find(string creditCode, DateOnly asOf)
    {
        if (string.IsNullOrEmpty(creditCode))
        {
            return null;
        }

        return Current().Find(creditCode, asOf);
    }

    /// <summary>How old the local snapshot may get before a lookup checks Redis again.</summary>
    public TimeSpan RefreshInterval => _refreshInterval;

    /// <summary>
    /// The bans as of now, refreshed from Redis without blocking when the snapshot is older than the
    /// refresh interval. Async code scores against this instead of calling <see cref="Find"/>,
    /// whose refresh waits on Redis synchronously: a thread-pool thread blocked on the connection
    /// while the pool is short of threads to complete its reads stalls until the sync timeout.
    /// </summary>
    public async Task<IDisqualificationRegistry> CurrentAsync()
    {
        var snapshot = _snapshot;
        if (!IsFresh(snapshot, _time.GetTimestamp()))
        {
            var db = _redis.GetDatabase();
            var version = (long?)await db.StringGetAsync(_keys.BanVersion).Within(_redis).ConfigureAwait(false) ?? 0;
            snapshot = Confirm(version)
                ?? Publish(version, await db.HashGetAllAsync(_keys.Bans).Within(_redis).ConfigureAwait(false));
        }

        return snapshot;
    }

    /// <summary>The recorded ban of an applicant, expired or not, straight from Redis.</summary>
    public async Task<Disqualification?> FindAnyAsync(string creditCode)
    {
        var json = await _redis.GetDatabase().HashGetAsync(_keys.Bans, creditCode).Within(_redis).ConfigureAwait(false);
        return json.IsNull ? null : BanJson.Read(creditCode, json!);
    }

    /// <summary>Every mark and lift, oldest first, as stored JSON.</summary>
    public async Task<IReadOnlyList<string>> GetLogAsync()
    {
        var entries = await _redis.GetDatabase().ListRangeAsync(_keys.BanLog).Within(_redis).ConfigureAwait(false);
        return entries.Select(static e => (string)e!).ToArray();
    }

    /// <summary>Reloads the snapshot now.</summary>
    public async Task RefreshAsync()
    {
        var db = _redis.GetDatabase();
        var version = (long?)await db.StringGetAsync(_keys.BanVersion).Within(_redis).ConfigureAwait(false) ?? 0;
        var all = await db.HashGetAllAsync(_keys.Bans).Within(_redis).ConfigureAwait(false);
        Publish(version, all);
    }

    private bool IsFresh(Snapshot snapshot, long now) =>
        snapshot.CheckedAt != long.MinValue && _time.GetElapsedTime(snapshot.CheckedAt, now) < _refreshInterval;

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        var now = _time.GetTimestamp();
        if (IsFresh(snapshot, now))
        {
            return snapshot;
        }

        lock (_gate)
        {
            snapshot = _snapshot;
            if (IsFresh(snapshot, now))
            {
                return snapshot;
            }

            var db = _redis.GetDatabase();
            var version = (long?)db.StringGet(_keys.BanVersion) ?? 0;
            return Confirm(version) ?? Publish(version, db.HashGetAll(_keys.Bans));
        }
    }

    // Redis still holds the snapshot's version: the snapshot counts as checked now. Null when it
    // moved on (the bans must be reloaded).
    private Snapshot? Confirm(long version)
    {
        lock (_gate)
        {
            if (_snapshot.Version != version)
            {
                return null;
            }

            return _snapshot = _snapshot with { CheckedAt = _time.GetTimestamp() };
        }
    }

    private Snapshot Publish(long version, HashEntry[] all)
    {
        var bans = new Dictionary<string, Disqualification>(all.Length, StringComparer.Ordinal);
        foreach (var e in all)
        {
            bans[(string)e.Name!] = BanJson.Read(e.Name!, e.Value!);
        }

        var snapshot = new Snapshot(version, bans.ToFrozenDictionary(StringComparer.Ordinal), _time.GetTimestamp());
        lock (_gate)
        {
            if (version >= _snapshot.Version)
            {
                _snapshot = snapshot;
            }

            return _snapshot;
        }
    }

    // A local write: apply it without a reload when this instance was current, else force one.
    private void Apply(long version, string creditCode, Disqualification? ban)
    {
        lock (_gate)
        {
            var snapshot = _snapshot;
            if (snapshot.Version != version - 1)
            {
                _snapshot = snapshot with { CheckedAt = long.MinValue };
                return;
            }

            var bans = new Dictionary<string, Disqualification>(snapshot.Bans, StringComparer.Ordinal);
            if (ban is null)
            {
                bans.Remove(creditCode);
            }
            else
            {
                bans[creditCode] = ban;
            }

            _snapshot = new Snapshot(version, bans.ToFrozenDictionary(StringComparer.Ordinal), _time.GetTimestamp());
        }
    }

    private sealed record Snapshot(long Version, FrozenDictionary<string, Disqualification> Bans, long CheckedAt) : IDisqualificationRegistry
    {
        public Disqualification? Find(string creditCode, DateOnly asOf) =>
            !string.IsNullOrEmpty(creditCode) && Bans.TryGetValue(creditCode, out var ban) && asOf >= ban.Since && asOf <= ban.Until ? ban : null;
    }
}
