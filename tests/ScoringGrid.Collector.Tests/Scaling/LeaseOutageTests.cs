using ScoringGrid.Collector.Tests.Support;

namespace ScoringGrid.Collector.Tests.Scaling;

/// <summary>
/// Redis unreachable with leases on: a collector cannot know whether another one took its targets,
/// so it scrapes only until its last renewal runs out, then stops, and resumes when Redis is back.
/// </summary>
[Collection(ScalingCollection.Name)]
public sealed class LeaseOutageTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RedisDown_ScrapingStopsWhenTheLeasesRunOut_AndResumesWhenRedisIsBack()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "outage", 3, Interval);
        var ids = targets.Select(t => t.PlatformId).ToList();
        await using var lone = await LeasedCollector.StartAsync(redis.Endpoint, "outage", targets);
        await Fleet.WaitUntilAsync(() => lone.Held.Count == 3 && ids.All(id => endpoint.Requests(id).Count >= 2), TimeSpan.FromSeconds(10), "scraping");

        redis.Stop();
        try
        {
            // A lease ends at most 1.75 intervals after its last renewal, and scrapes stop a quarter before.
            await Task.Delay(Interval * 2);
            var quietFrom = Fleet.Now;
            await Task.Delay(Interval * 3);

            Assert.Empty(lone.Held);
            Assert.All(ids, id => Assert.Equal(0, endpoint.CountSince(id, quietFrom)));
            await Fleet.WaitUntilAsync(() => lone.Metrics.LeaseLosses.Value >= 3, TimeSpan.FromSeconds(10), "lapses counted");
        }
        finally
        {
            redis.Start();
        }

        await redis.WaitConnectedAsync(TimeSpan.FromSeconds(20));
        var backAt = Fleet.Now;
        await Fleet.WaitUntilAsync(
            () => lone.Held.Count == 3 && ids.All(id => endpoint.CountSince(id, backAt) >= 2), TimeSpan.FromSeconds(30), "scraping resumes");
        await Fleet.WaitUntilAsync(() => lone.Scraper.BufferedSamples == 0, TimeSpan.FromSeconds(10), "scrapes buffered before the lapse flushed");
        endpoint.AssertNoSlotScrapedTwice(ids, Interval);
    }
}
