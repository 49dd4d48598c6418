using ScoringGrid.Collector;
using StackExchange.Redis;

namespace ScoringGrid.Server.Verification;

/// <summary>
/// The server's read-only view of the collector's Redis: a <see cref="FigureVerifier"/> over
/// the stored samples, or nothing when <see cref="VerificationSettings.Redis"/> is empty.
/// </summary>
internal sealed class FigureObserver : IDisposable
{
    private readonly ConnectionMultiplexer? _redis;

    public FigureObserver(VerificationSettings settings, TimeProvider time)
    {
        if (settings.Redis.Length == 0)
        {
            return;
        }

        // Does not throw when Redis is down: calls fail with UNAVAILABLE until it is back.
        _redis = CollectorRedis.Connect(settings.Redis);
        var options = VerificationOptions.Default with { DefaultTolerancePercent = settings.TolerancePercent };
        Verifier = new FigureVerifier(new SampleStore(_redis), time, options);
    }

    /// <summary>Null when no Redis is configured.</summary>
    public FigureVerifier? Verifier { get; }

    /// <summary>The one connection to the configured Redis, shared with rounds and the fraud registry; null when none.</summary>
    public IConnectionMultiplexer? Redis => _redis;

    public void Dispose() => _redis?.Dispose();

    /// <summary>The collector's platform id rule, <c>[a-zA-Z0-9_.-]{1,64}</c>: ids become part of Redis keys.</summary>
    public static bool IsValidPlatformId(string id)
    {
        if (id.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
