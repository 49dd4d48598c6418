using System.Text;

namespace ScoringGrid.Collector.Internal;

// When scrapes happen. Pure functions of (platform id, interval, now, failures) so tests can
// check them exactly and every collector spreads the same targets the same way.
internal static class ScrapeTiming
{
    // A fixed offset within the interval from a hash of the platform id: targets spread over
    // the interval instead of all firing together, and a restart keeps each target's phase.
    public static TimeSpan Offset(string platformId, TimeSpan interval)
    {
        const ulong FnvOffset = 14695981039346656037;
        const ulong FnvPrime = 1099511628211;
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(platformId))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        var slots = (ulong)Math.Max(1, interval.Ticks / TimeSpan.TicksPerMillisecond);
        return TimeSpan.FromMilliseconds((double)(hash % slots));
    }

    // The first slot (epoch + offset + k·interval) at or after `now`.
    public static DateTimeOffset NextSlot(DateTimeOffset now, TimeSpan interval, TimeSpan offset)
    {
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks - offset.Ticks;
        var k = sinceEpoch <= 0 ? 0 : (sinceEpoch + interval.Ticks - 1) / interval.Ticks;
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + offset.Ticks + (k * interval.Ticks), TimeSpan.Zero);
    }

    // After a scrape finished at `now`: the next slot strictly after the one just used when the
    // target is healthy (missed slots are skipped, never caught up in a burst); after repeated
    // failures, a doubling back-off from `now`, capped at max(maxBackoff, interval).
    public static DateTimeOffset NextDue(DateTimeOffset scheduled, DateTimeOffset now, TimeSpan interval, TimeSpan offset, int failures, TimeSpan maxBackoff)
    {
        if (failures <= 1)
        {
            var next = NextSlot(now, interval, offset);
            return next <= scheduled ? next + interval : next;
        }

        return now + Backoff(interval, failures, maxBackoff);
    }

    public static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan maxBackoff)
    {
        var cap = maxBackoff > interval ? maxBackoff : interval;
        var doublings = Math.Min(failures - 1, 30);
        var ticks = interval.Ticks * Math.Pow(2, doublings);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
