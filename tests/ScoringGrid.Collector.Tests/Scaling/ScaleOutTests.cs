using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using Xunit.Abstractions;

namespace ScoringGrid.Collector.Tests.Scaling;

/// <summary>
/// Several collectors in one process, each with its own Redis connection, sharing targets through
/// leases on a real Redis and the real clock. Who scraped what comes from two independent records:
/// each collector's own scrape counters and the endpoint's request log, checked per scrape slot.
/// </summary>
[Collection(ScalingCollection.Name)]
public sealed class ScaleOutTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(1);

    // Takeover tests measure against a bound of two intervals; 2 s intervals leave ~1 s of slack
    // over the expected 1.5 intervals for a loaded two-core machine.
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThreeCollectors_ThirtyTargets_EachScrapedByExactlyOneCollector_InFairShares()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "share", 30, Fast);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var a = await LeasedCollector.StartAsync(redis.Endpoint, "share-a", targets);
        await using var b = await LeasedCollector.StartAsync(redis.Endpoint, "share-b", targets);
        await using var c = await LeasedCollector.StartAsync(redis.Endpoint, "share-c", targets);
        LeasedCollector[] fleet = [a, b, c];

        await Fleet.SettleAsync(fleet, ids, TimeSpan.FromSeconds(20));
        var before = fleet.Select(x => ids.ToDictionary(id => id, x.Scrapes)).ToArray();
        var from = Fleet.Now;
        await Task.Delay(Fast * 5);

        Assert.True(Fleet.Settled(fleet, ids), "ownership changed while nothing happened");
        Assert.All(fleet, x => Assert.InRange(x.Held.Count, 5, 15));
        foreach (var id in ids)
        {
            var scrapers = Enumerable.Range(0, fleet.Length).Where(i => fleet[i].Scrapes(id) > before[i][id]).ToList();
            var owner = fleet[Assert.Single(scrapers)];
            Assert.Contains(id, owner.Held);
            Assert.Equal(owner.MemberId, await Fleet.LeaseOwnerAsync(redis, id));
            Assert.InRange(endpoint.CountSince(id, from), 3, 6);
        }

        endpoint.AssertNoSlotScrapedTwice(ids, Fast);
    }

    [Fact]
    public async Task Crash_SurvivorsScrapeTheDeadCollectorsTargets_WithinTwoIntervals()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "crash", 15, Slow);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var a = await LeasedCollector.StartAsync(redis.Endpoint, "crash-a", targets);
        await using var b = await LeasedCollector.StartAsync(redis.Endpoint, "crash-b", targets);
        await using var c = await LeasedCollector.StartAsync(redis.Endpoint, "crash-c", targets);
        await Fleet.SettleAsync([a, b, c], ids, TimeSpan.FromSeconds(30));
        var orphans = b.Held;
        Assert.NotEmpty(orphans);

        var crashedAt = Fleet.Now;
        await b.CrashAsync();
        var stoppedAt = Fleet.Now; // requests after this are the survivors'

        foreach (var id in orphans)
        {
            Assert.Equal("crash-b", await Fleet.LeaseOwnerAsync(redis, id)); // left to expire
        }

        await Fleet.WaitUntilAsync(() => orphans.All(id => endpoint.FirstAfter(id, stoppedAt) is not null), Slow * 4, "orphans scraped again");
        var takeover = orphans.Select(id => endpoint.FirstAfter(id, stoppedAt)!.Value - crashedAt).Max();
        output.WriteLine($"{orphans.Count} orphans; slowest scraped again {takeover.TotalMilliseconds:F0} ms after the crash (interval {Slow.TotalMilliseconds} ms)");
        Assert.True(takeover <= Slow * 2, $"slowest takeover {takeover.TotalMilliseconds} ms after the crash; bound {(Slow * 2).TotalMilliseconds} ms");

        // Once the dead member times out of the membership, the survivors rebalance between them.
        await Fleet.SettleAsync([a, c], ids, TimeSpan.FromSeconds(20));
        foreach (var id in ids)
        {
            Assert.Contains(await Fleet.LeaseOwnerAsync(redis, id), new[] { "crash-a", "crash-c" });
        }

        Assert.True(a.Metrics.LeaseAcquisitions.Value + c.Metrics.LeaseAcquisitions.Value >= ids.Count);
        endpoint.AssertNoSlotScrapedTwice(ids, Slow);
    }

    [Fact]
    public async Task GracefulStop_ReleasesAtOnce_AndSurvivorsTakeOverWithoutAMissedLease()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "stop", 15, Slow);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var a = await LeasedCollector.StartAsync(redis.Endpoint, "stop-a", targets);
        await using var b = await LeasedCollector.StartAsync(redis.Endpoint, "stop-b", targets);
        await using var c = await LeasedCollector.StartAsync(redis.Endpoint, "stop-c", targets);
        await Fleet.SettleAsync([a, b, c], ids, TimeSpan.FromSeconds(30));
        var leaving = b.Held;
        Assert.NotEmpty(leaving);
        var releasesBefore = b.Metrics.LeaseReleases.Value;
        var lossesBefore = b.Metrics.LeaseLosses.Value;

        await b.StopAsync();
        var stoppedAt = Fleet.Now;

        // Released, not left to expire: no key names the stopped collector, and it left the membership.
        foreach (var id in leaving)
        {
            Assert.NotEqual("stop-b", await Fleet.LeaseOwnerAsync(redis, id));
        }

        Assert.Null(await redis.Connection.GetDatabase().SortedSetScoreAsync(RedisKeys.Members, "stop-b"));
        Assert.Equal(leaving.Count, b.Metrics.LeaseReleases.Value - releasesBefore);
        Assert.Equal(lossesBefore, b.Metrics.LeaseLosses.Value);

        // The next Late point of each target (within an interval) hands it to a survivor.
        await Fleet.WaitUntilAsync(() => leaving.All(id => a.Held.Contains(id) || c.Held.Contains(id)), Slow * 1.5, "survivors hold the released targets");
        await Fleet.WaitUntilAsync(() => leaving.All(id => endpoint.FirstAfter(id, stoppedAt) is not null), Slow * 2, "released targets scraped again");
        output.WriteLine($"{leaving.Count} released; slowest scraped again {leaving.Max(id => endpoint.FirstAfter(id, stoppedAt)!.Value - stoppedAt).TotalMilliseconds:F0} ms after the stop");
        await Fleet.SettleAsync([a, c], ids, TimeSpan.FromSeconds(20));
        endpoint.AssertNoSlotScrapedTwice(ids, Slow);
    }

    [Fact]
    public async Task JoiningCollector_GetsAFairShare_FromTheOthers()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "join", 30, Fast);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var a = await LeasedCollector.StartAsync(redis.Endpoint, "join-a", targets);
        await using var b = await LeasedCollector.StartAsync(redis.Endpoint, "join-b", targets);
        await using var c = await LeasedCollector.StartAsync(redis.Endpoint, "join-c", targets);
        await Fleet.SettleAsync([a, b, c], ids, TimeSpan.FromSeconds(20));

        await using var d = await LeasedCollector.StartAsync(redis.Endpoint, "join-d", targets);
        await Fleet.SettleAsync([a, b, c, d], ids, TimeSpan.FromSeconds(20));

        Assert.All(new[] { a, b, c, d }, x => Assert.InRange(x.Held.Count, 5, 10));
        Assert.True(a.Metrics.LeaseReleases.Value + b.Metrics.LeaseReleases.Value + c.Metrics.LeaseReleases.Value >= d.Held.Count);
        var from = Fleet.Now;
        await Fleet.WaitUntilAsync(() => d.Held.All(id => endpoint.CountSince(id, from) >= 2), Fast * 5, "the newcomer scrapes its share");
        endpoint.AssertNoSlotScrapedTwice(ids, Fast);
    }

    [Fact]
    public async Task RegistrationOnOneCollector_IsScrapedThroughTheOthersToo_AndUnregistrationStopsIt()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        await using var a = await LeasedCollector.StartAsync(redis.Endpoint, "reg-a");
        await using var b = await LeasedCollector.StartAsync(redis.Endpoint, "reg-b");
        var targets = Fleet.Targets(endpoint, "reg", 6, Fast);
        var ids = targets.Select(t => t.PlatformId).ToList();

        foreach (var target in targets)
        {
            await a.Registry.RegisterAsync(target);
        }

        await Fleet.WaitUntilAsync(() => ids.All(id => b.Registry.TryGet(id, out _)), TimeSpan.FromSeconds(5), "registrations reach the other collector");
        await Fleet.SettleAsync([a, b], ids, TimeSpan.FromSeconds(20));
        Assert.All(new[] { a, b }, x => Assert.Equal(3, x.Held.Count));

        await a.Registry.UnregisterAsync(ids[0]);
        await b.Registry.UnregisterAsync(ids[1]);
        await Fleet.WaitUntilAsync(
            () => !a.Registry.TryGet(ids[1], out _) && !b.Registry.TryGet(ids[0], out _), TimeSpan.FromSeconds(5), "removals reach the other collector");
        await Fleet.WaitUntilAsync(
            () => !a.Held.Contains(ids[0]) && !b.Held.Contains(ids[0]) && !a.Held.Contains(ids[1]) && !b.Held.Contains(ids[1]),
            TimeSpan.FromSeconds(5),
            "removed targets' leases released");
        await Task.Delay(Fast / 2);
        var after = Fleet.Now;
        await Task.Delay(Fast * 3);

        Assert.Equal(0, endpoint.CountSince(ids[0], after));
        Assert.Equal(0, endpoint.CountSince(ids[1], after));
        Assert.Null(await Fleet.LeaseOwnerAsync(redis, ids[0]));
        Assert.All(ids.Skip(2), id => Assert.True(endpoint.CountSince(id, after) >= 2, $"{id} still scraped"));
        endpoint.AssertNoSlotScrapedTwice(ids, Fast);
    }

    [Fact]
    public async Task LoneCollectorWithLeases_ScrapesEveryTargetEverySlot_AsWithout()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var interval = Fast;
        var targets = Fleet.Targets(endpoint, "lone", 5, interval);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var lone = await LeasedCollector.StartAsync(redis.Endpoint, "lone", targets);

        await Fleet.WaitUntilAsync(() => ids.All(id => endpoint.Requests(id).Count >= 1), TimeSpan.FromSeconds(5), "first scrapes");
        var from = Fleet.Now;
        await Task.Delay(interval * 6);

        Assert.Equal(ids.Order(), lone.Held);
        Assert.All(ids, id => Assert.InRange(endpoint.CountSince(id, from), 4, 7));
        // Five acquisitions; a stall of the cold process past a renewal may add a lapse and a re-take.
        Assert.Equal(5, lone.Metrics.LeaseAcquisitions.Value - lone.Metrics.LeaseLosses.Value);
        var text = new System.IO.MemoryStream();
        lone.Metrics.Registry.WriteTo(text);
        var exposition = System.Text.Encoding.UTF8.GetString(text.ToArray());
        Assert.Contains("sg_collector_leases_held 5", exposition, StringComparison.Ordinal);
        Assert.Contains("sg_collector_members 1", exposition, StringComparison.Ordinal);
        endpoint.AssertNoSlotScrapedTwice(ids, interval);
    }
}
