namespace ScoringGrid.Server.Security;

/// <summary>
/// A token bucket: refills continuously at a rate up to a burst. Time comes from a
/// <see cref="TimeProvider"/> so tests drive it with a fake clock.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _ratePerTick;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastTimestamp;

    public TokenBucket(double ratePerSecond, double burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        _time = time;
        _ratePerTick = ratePerSecond / time.TimestampFrequency;
        _burst = burst > 0 ? burst : ratePerSecond;
        _tokens = _burst;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty (the call is over the limit).</summary>
    public bool TryTake()
    {
        // A short lock beats a CAS loop on two doubles; contention is per key, not global.
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _lastTimestamp) * _ratePerTick);
            _lastTimestamp = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
