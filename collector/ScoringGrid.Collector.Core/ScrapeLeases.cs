using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>
/// Shares targets between collector processes: one lease per target in Redis
/// (<c>sg:{platform}:lease</c>, value = <see cref="MemberId"/>, Redis-side expiry), so that each
/// target is scraped by exactly one live collector, plus a membership set of heartbeats that
/// spreads the targets evenly. Hand it to <see cref="ScrapeScheduler"/>, which drives it; with a
/// single collector it holds every lease and changes nothing. See docs/collector-storage.md,
/// "Scaling out", for the timing and what a Redis outage does.
/// </summary>
public sealed partial class ScrapeLeases
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly CollectorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TargetLease> _leases = new(StringComparer.Ordinal);

    /// <summary>Creates the lease keeper; nothing touches Redis before the scheduler starts.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="time">The clock for lease points and validity.</param>
    /// <param name="options">Member id and membership timing; defaults when null.</param>
    /// <param name="metrics">The collector's metrics (the scheduler's instance), or null.</param>
    /// <param name="logger">The logger, or null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ScrapeLeases(
        IConnectionMultiplexer redis, TimeProvider time, LeaseOptions? options = null, CollectorMetrics? metrics = null, ILogger<ScrapeLeases>? logger = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Options = options ?? new LeaseOptions();
        Options.Validate();
        _metrics = metrics ?? new CollectorMetrics();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _members = [];
        _metrics.Registry.AddCollectCallback(() => _metrics.LeasesHeld.Set(HeldPlatforms.Count));
    }

    /// <summary>The options in force.</summary>
    public LeaseOptions Options { get; }

    /// <summary>This collector's member id: the value of the leases it holds.</summary>
    public string MemberId => Options.MemberId;

    /// <summary>The platforms whose lease this collector holds and may scrape now, ordered.</summary>
    public IReadOnlyList<string> HeldPlatforms
    {
        get
        {
            var held = new List<string>();
            foreach (var lease in _leases.Values)
            {
                if (lease.IsValid())
                {
                    held.Add(lease.PlatformId);
                }
            }

            held.Sort(StringComparer.Ordinal);
            return held;
        }
    }

    internal TargetLease Track(string platformId, TimeSpan interval)
    {
        var lease = _leases.GetOrAdd(platformId, static (id, time) => new TargetLease(id, time), _time);
        lease.Interval = interval;
        return lease;
    }

    internal void Untrack(string platformId) => _leases.TryRemove(platformId, out _);

    // One round trip: renews a lease this collector owns, takes a free one, or learns the owner.
    internal async Task<LeaseChange> AcquireOrRenewAsync(TargetLease lease, TimeSpan offset)
    {
        await lease.Operation.WaitAsync().ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var sent = _time.GetTimestamp();
            var ttl = LeaseTiming.Ttl(now, lease.Interval, offset);
            var ttlMs = Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
            RedisResult[] reply;
            try
            {
                reply = (RedisResult[])(await _redis.GetDatabase()
                    .ScriptEvaluateAsync(LeaseScripts.AcquireOrRenew, [lease.Key], [MemberId, ttlMs]).Within(_redis).ConfigureAwait(false))!;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                CollectorLog.LeaseCallFailed(_logger, lease.PlatformId, ex);
                return Lapse(lease);
            }

            var code = (int)reply[0];
            if (code == 0)
            {
                var owner = (string?)reply[1] ?? "?";
                if (lease.Drop())
                {
                    _metrics.LeaseLosses.Inc();
                    CollectorLog.LeaseLost(_logger, lease.PlatformId, owner);
                    return LeaseChange.Lost;
                }

                return LeaseChange.None;
            }

            if (lease.Confirm(sent, TimeSpan.FromMilliseconds(ttlMs), now, LeaseTiming.CoveredSlot(now, lease.Interval, offset), fresh: code == 2))
            {
                _metrics.LeaseAcquisitions.Inc();
                CollectorLog.LeaseAcquired(_logger, lease.PlatformId);
                return LeaseChange.Acquired;
            }

            return LeaseChange.None;
        }
        finally
        {
            lease.Operation.Release();
        }
    }

    // Gives a lease up (handover, target removed, shutdown): this collector stops scraping it at
    // once, then deletes the key if it still owns it, so the next owner need not wait for the TTL.
    internal async Task ReleaseAsync(TargetLease lease, string reason, DateTimeOffset? noHandoverUntil = null)
    {
        await lease.Operation.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!lease.Drop(noHandoverUntil: noHandoverUntil))
            {
                return;
            }

            _metrics.LeaseReleases.Inc();
            CollectorLog.LeaseReleased(_logger, lease.PlatformId, reason);
            try
            {
                await _redis.GetDatabase().ScriptEvaluateAsync(LeaseScripts.Release, [lease.Key], [MemberId]).Within(_redis).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The key then simply expires: others take over within the usual bound.
                CollectorLog.LeaseCallFailed(_logger, lease.PlatformId, ex);
            }
        }
        finally
        {
            lease.Operation.Release();
        }
    }

    // Called at every lease point: a lease not renewed before its local end is gone.
    internal LeaseChange CheckLapsed(TargetLease lease) => lease.HasLapsed() ? Lapse(lease) : LeaseChange.None;

    internal Task ReleaseAllAsync(string reason) =>
        Task.WhenAll(_leases.Values.Where(static l => l.Held).Select(l => ReleaseAsync(l, reason)));

    private LeaseChange Lapse(TargetLease lease)
    {
        if (!lease.HasLapsed() || !lease.Drop(lapsed: true))
        {
            return LeaseChange.None;
        }

        _metrics.LeaseLosses.Inc();
        CollectorLog.LeaseLapsed(_logger, lease.PlatformId);
        return LeaseChange.Lost;
    }
}
