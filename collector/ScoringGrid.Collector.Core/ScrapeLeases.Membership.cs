using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Membership and balance: heartbeats in `sg:collectors`, and the preferred owner of each target
// (LeaseAssignment over the live members and the scheduled targets). Preference only decides who
// tries first and who hands over; the leases alone decide who scrapes.
public sealed partial class ScrapeLeases
{
    private readonly Lock _assignmentGate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string[] _members;
    private string[] _targets = [];
    private Dictionary<string, string>? _assignment;
    private bool _heartbeatFailing;

    /// <summary>The live collectors as of the last heartbeat, this one included, ordered.</summary>
    public IReadOnlyList<string> Members
    {
        get
        {
            lock (_assignmentGate)
            {
                return _members;
            }
        }
    }

    // Completes after the first heartbeat (answered or not), so that lease loops of a starting
    // collector know the members already running before they claim preferred targets.
    internal Task Ready => _ready.Task;

    internal void SetTargets(IEnumerable<string> platformIds)
    {
        var sorted = platformIds.Order(StringComparer.Ordinal).ToArray();
        lock (_assignmentGate)
        {
            if (!sorted.SequenceEqual(_targets, StringComparer.Ordinal))
            {
                _targets = sorted;
                _assignment = null;
            }
        }
    }

    // A target the assignment does not know yet (registered a moment ago) counts as this collector's.
    internal bool IsPreferred(string platformId) => PreferredOwner(platformId) is not { } owner || owner == MemberId;

    internal bool WantsHandover(TargetLease lease) =>
        _time.GetUtcNow() >= lease.NoHandoverUntil && PreferredOwner(lease.PlatformId) is { } owner && owner != MemberId;

    internal string? PreferredOwner(string platformId)
    {
        lock (_assignmentGate)
        {
            _assignment ??= LeaseAssignment.Assign(_members, _targets);
            return _assignment.GetValueOrDefault(platformId);
        }
    }

    internal async Task RunMembershipAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await HeartbeatAsync().ConfigureAwait(false);
            _ready.TrySetResult();
            try
            {
                await Task.Delay(Options.HeartbeatPeriod, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    internal async Task HeartbeatAsync()
    {
        try
        {
            var reply = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(
                LeaseScripts.Heartbeat, [RedisKeys.Members], [MemberId, (long)Options.MemberTimeout.TotalMilliseconds]).Within(_redis).ConfigureAwait(false))!;
            var members = new SortedSet<string>(StringComparer.Ordinal) { MemberId };
            foreach (var member in reply)
            {
                members.Add((string)member!);
            }

            _heartbeatFailing = false;
            SetMembers([.. members]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Keep the last view: without Redis no lease can change hands anyway.
            if (!_heartbeatFailing)
            {
                _heartbeatFailing = true;
                CollectorLog.HeartbeatFailed(_logger, ex);
            }
        }
    }

    // Graceful stop: others stop counting this collector at their next heartbeat, not after the timeout.
    internal async Task LeaveAsync()
    {
        try
        {
            await _redis.GetDatabase().SortedSetRemoveAsync(RedisKeys.Members, MemberId).Within(_redis).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            CollectorLog.HeartbeatFailed(_logger, ex);
        }
    }

    private void SetMembers(string[] members)
    {
        lock (_assignmentGate)
        {
            if (members.SequenceEqual(_members, StringComparer.Ordinal))
            {
                return;
            }

            _members = members;
            _assignment = null;
        }

        _metrics.Members.Set(members.Length);
        CollectorLog.MembersChanged(_logger, members.Length, string.Join(", ", members));
    }
}
