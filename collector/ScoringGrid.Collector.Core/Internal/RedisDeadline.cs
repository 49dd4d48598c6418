using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

/// <summary>
/// Bounds asynchronous Redis calls by the connection's timeout. StackExchange.Redis 1.2.6 enforces
/// its timeout on synchronous calls only: an asynchronous call to a server that stops answering
/// (a stalled host, a frozen process) or whose message the library drops (seen in CI under a
/// three-master cluster: the call's task had no reference left but its awaiter) never completes.
/// Bounded, it fails with the <see cref="TimeoutException"/> every caller here already treats as
/// "outcome unknown": the scrape stays buffered and is replayed.
/// </summary>
internal static class RedisDeadline
{
    public static Task<T> Within<T>(this Task<T> call, IConnectionMultiplexer redis) =>
        call.IsCompleted ? call : call.WaitAsync(TimeSpan.FromMilliseconds(redis.TimeoutMilliseconds));

    public static Task Within(this Task call, IConnectionMultiplexer redis) =>
        call.IsCompleted ? call : call.WaitAsync(TimeSpan.FromMilliseconds(redis.TimeoutMilliseconds));
}
