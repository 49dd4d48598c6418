using System.Security.Cryptography;

namespace ScoringGrid.Collector;

/// <summary>
/// How a collector shares targets with other collectors through Redis leases
/// (docs/collector-storage.md, "Scaling out"). The lease timing itself follows each target's
/// interval and is not configurable: the takeover bound depends on it.
/// </summary>
public sealed record LeaseOptions
{
    /// <summary>This collector's identity in the membership set and in lease values; unique per process.</summary>
    public string MemberId { get; init; } = NewMemberId();

    /// <summary>How often the collector announces itself and reads the live members. Default 1 s.</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A member whose last heartbeat is older than this is no longer counted. Default 5 s.</summary>
    public TimeSpan MemberTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the registered targets are re-read from Redis (registrations made on other collectors). Default 5 s.</summary>
    public TimeSpan RegistryRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A member id of the form <c>host-pid-random</c>: readable in <c>redis-cli</c>, unique even across restarts with a reused pid.</summary>
    public static string NewMemberId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(MemberId) || MemberId.Length > 200 || MemberId.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("MemberId must be 1-200 characters without whitespace", nameof(MemberId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(HeartbeatPeriod, TimeSpan.FromMilliseconds(50), nameof(HeartbeatPeriod));
        // A live member must survive two lost heartbeats before the others drop it.
        ArgumentOutOfRangeException.ThrowIfLessThan(MemberTimeout, HeartbeatPeriod * 3, nameof(MemberTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RegistryRefresh, TimeSpan.FromMilliseconds(100), nameof(RegistryRefresh));
    }
}
