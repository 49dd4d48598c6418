using System.Diagnostics;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Scaling;

// Helpers of the scale-out tests: target sets, waiting on the real clock, and the settled state.
internal static class Fleet
{
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    // Leases from earlier tests name other platforms; membership and registrations would leak.
    // Other test classes in this process block pool threads (process start-up, Thread.Sleep
    // polling); a starved pool delays lease renewals past their quarter-interval slack, which
    // tests the test host rather than the collector, so the pool gets threads up front.
    public static async Task PrepareAsync(RedisServerFixture redis)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
        await redis.WaitConnectedAsync(TimeSpan.FromSeconds(20));
        await redis.Connection.GetDatabase().KeyDeleteAsync([RedisKeys.Targets, RedisKeys.Members]);
    }

    public static List<ScrapeTarget> Targets(CountingEndpoint endpoint, string prefix, int count, TimeSpan interval)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        return [.. Enumerable.Range(0, count).Select(i => endpoint.Target($"{prefix}-{tag}-{i:D2}", interval))];
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"{what}: not within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"{what}: not within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    // Settled: every collector prefers the same owner for each target, and that owner alone holds it,
    // so no handover is pending and no lease is free.
    public static bool Settled(IReadOnlyList<LeasedCollector> fleet, IEnumerable<string> platformIds)
    {
        var held = fleet.Select(c => c.Held.ToHashSet(StringComparer.Ordinal)).ToArray();
        foreach (var id in platformIds)
        {
            var preferred = fleet.Select(c => c.Leases.PreferredOwner(id)).Distinct().ToList();
            var holders = Enumerable.Range(0, fleet.Count).Where(i => held[i].Contains(id)).ToList();
            if (preferred.Count != 1 || holders.Count != 1 || fleet[holders[0]].MemberId != preferred[0])
            {
                return false;
            }
        }

        return true;
    }

    public static Task SettleAsync(IReadOnlyList<LeasedCollector> fleet, IEnumerable<string> platformIds, TimeSpan timeout) =>
        WaitUntilAsync(() => Settled(fleet, platformIds), timeout, "collectors settled on one owner per target");

    public static async Task<string?> LeaseOwnerAsync(RedisServerFixture redis, string platformId) =>
        await redis.Connection.GetDatabase().StringGetAsync(RedisKeys.Lease(platformId));
}
