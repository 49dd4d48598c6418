using StackExchange.Redis;

namespace ScoringGrid.Common;

/// <summary>
/// Bounds asynchronous Redis calls by the connection's timeout. StackExchange.Redis 1.2.6 enforces
/// its timeout on synchronous calls only: an asynchronous call to a server that stops answering
/// (a stalled host, a frozen process) or whose message the library drops (seen in CI under a
/// three-master cluster: the call's task had no reference left but its awaiter) never completes.
/// Bounded, it fails with a <see cref="TimeoutException"/>, which callers already treat as
/// "outcome unknown", like the library's own <see cref="RedisTimeoutException"/>.
/// </summary>
/// <remarks>Source-linked into each assembly that talks to Redis (the collector core, rounds), so it stays internal.</remarks>
internal static class RedisDeadline
{
    public static Task<T> Within<T>(this Task<T> call, IConnectionMultiplexer redis) =>
        call.IsCompleted ? call : ResultWithin(call, redis.TimeoutMilliseconds);

    public static Task Within(this Task call, IConnectionMultiplexer redis) =>
        call.IsCompleted ? call : Bounded(call, redis.TimeoutMilliseconds);

    // The bound is Bounded's; once it let the call through, the call has completed and gives its result.
    private static async Task<T> ResultWithin<T>(Task<T> call, int milliseconds)
    {
        await Bounded(call, milliseconds).ConfigureAwait(false);
        return await call.ConfigureAwait(false);
    }

    private static async Task Bounded(Task call, int milliseconds)
    {
        try
        {
            await call.WaitAsync(TimeSpan.FromMilliseconds(milliseconds)).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw Abandon(call, milliseconds);
        }
    }

    // The abandoned call may still fail later (the connection breaks); observe that so it does
    // not surface as an unobserved task exception.
    private static TimeoutException Abandon(Task call, int milliseconds)
    {
        _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new TimeoutException($"Redis did not answer within {milliseconds} ms, the connection's timeout");
    }
}
