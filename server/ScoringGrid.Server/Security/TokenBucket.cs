namespace ScoringGrid.Server.Security;

/// <summary>
/// A token bucket: refills continuously at a rate up to a burst. A token pays for one call, or
/// for one application of a batch or a stream. Time comes from a <see cref="TimeProvider"/> so
/// tests drive it with a fake clock.
/// </summary>
internal sealed class TokenBucket
{
    // Float error must not make a caller that waited exactly as told find 0.9999999 tokens.
    private const double Tolerance = 1e-9;

    private readonly double _ratePerTick;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    // Below zero while a paced stream has taken tokens ahead of the refill (see Take).
    private double _tokens;
    private long _lastTimestamp;

    /// <param name="ratePerSecond">Tokens added per second; positive and finite.</param>
    /// <param name="burst">The most tokens held; at least 1, or 0 for the default of max(1, rate).</param>
    /// <param name="time">The clock.</param>
    public TokenBucket(double ratePerSecond, double burst, TimeProvider time)
    {
        if (!double.IsFinite(ratePerSecond) || ratePerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be a positive number.");
        }

        if (burst != 0 && !(burst >= 1 && double.IsFinite(burst)))
        {
            throw new ArgumentOutOfRangeException(nameof(burst), burst, "The burst must be at least 1.");
        }

        _time = time;
        RatePerSecond = ratePerSecond;
        // Below one token the bucket could never admit a single call.
        Burst = burst == 0 ? Math.Max(1, ratePerSecond) : burst;
        _ratePerTick = ratePerSecond / time.TimestampFrequency;
        _tokens = Burst;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Tokens added per second.</summary>
    public double RatePerSecond { get; }

    /// <summary>The most tokens the bucket holds, and so the most taken at once.</summary>
    public double Burst { get; }

    /// <summary>
    /// Takes <paramref name="count"/> tokens if the bucket holds them. Otherwise takes none and
    /// says how long until it will; <see cref="Timeout.InfiniteTimeSpan"/> when
    /// <paramref name="count"/> exceeds the burst, which the bucket never holds.
    /// </summary>
    public bool TryTake(int count, out TimeSpan retryAfter)
    {
        // A short lock beats a CAS loop on two doubles; contention is per key, not global.
        lock (_gate)
        {
            double tokens = Refill();
            if (tokens + Tolerance >= count)
            {
                _tokens = tokens - count;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = count > Burst + Tolerance ? Timeout.InfiniteTimeSpan : TimeToRefill(count - tokens);
            return false;
        }
    }

    /// <summary>
    /// Takes <paramref name="count"/> tokens (at most the burst) even when the bucket lacks them,
    /// and returns how long the caller must wait before using them: the time the refill needs to
    /// pay back what was taken ahead. Callers that pace themselves this way are served in the
    /// order they took, and calls that <see cref="TryTake"/> meanwhile are refused.
    /// </summary>
    public TimeSpan Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Burst);
        lock (_gate)
        {
            _tokens = Refill() - count;
            return _tokens + Tolerance >= 0 ? TimeSpan.Zero : TimeToRefill(-_tokens);
        }
    }

    /// <summary>Waits, on the bucket's clock, for what <see cref="Take"/> returned.</summary>
    public Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) => Task.Delay(wait, _time, cancellationToken);

    // Adds the tokens earned since the last look; the caller holds the lock.
    private double Refill()
    {
        long now = _time.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + (now - _lastTimestamp) * _ratePerTick);
        _lastTimestamp = now;
        return _tokens;
    }

    private TimeSpan TimeToRefill(double tokens) =>
        TimeSpan.FromTicks((long)Math.Ceiling(tokens / RatePerSecond * TimeSpan.TicksPerSecond));
}
