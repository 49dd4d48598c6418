using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Storage;

// Its own Redis: these tests stop and restart it.
public class RedisOutageTests : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private readonly RedisServerFixture _redis;

    public RedisOutageTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task RedisThatStopsAnswering_FailsTheWriteWithinTheTimeout_AndTheScrapeIsStoredWhenItAnswersAgain()
    {
        // A frozen server keeps its socket open and answers nothing: an asynchronous call then waits
        // on a reply that may never come, unless the store bounds it by the connection's timeout.
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, DeviceTypes = 3 });
        using var h = new CollectorHarness(_redis.Connection);
        var id = CollectorHarness.NewPlatformId("frozen");
        var target = CollectorHarness.Target(id, sim);
        await h.ScrapeAsync(target, 1, Step);

        _redis.Freeze();
        ScrapeResult during;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // The guard is far above the 5 s timeout: a hang shows as the elapsed time below, not as a stuck run.
            during = await h.Scraper.ScrapeAsync(target).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            _redis.Thaw();
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the write took {clock.Elapsed} to give up");
        Assert.True(during.Up);
        Assert.False(during.Stored);
        Assert.Equal(1, during.BufferedScrapes);

        h.Fake.Advance(Step);
        var after = await h.Scraper.ScrapeAsync(target);
        Assert.True(after.Stored);
        Assert.Equal(0, after.BufferedScrapes);
        var series = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_model_calls_total");
        var samples = await h.Store.ReadSamplesAsync(id, series.Id, 0, long.MaxValue);
        Assert.Equal([10.0, 20, 30], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task RedisDownThenBack_BufferedScrapesFlushInOrderAndNothingIsLost()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, DeviceTypes = 3 });
        await using var big = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 30 });
        using var h = new CollectorHarness(_redis.Connection);
        using var small = new CollectorHarness(_redis.Connection, CollectorOptions.Default with { BufferCapacitySamples = 150 }, h.Time);
        var id = CollectorHarness.NewPlatformId("outage");
        var overflowId = CollectorHarness.NewPlatformId("overflow");
        var target = CollectorHarness.Target(id, sim);
        var bigTarget = CollectorHarness.Target(overflowId, big);

        await h.ScrapeAsync(target, 3, Step);
        _redis.Stop();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var r = await h.Scraper.ScrapeAsync(target);
                Assert.True(r.Up);
                Assert.False(r.Stored);
                Assert.Equal(i + 1, r.BufferedScrapes);
                var o = await small.Scraper.ScrapeAsync(bigTarget);
                Assert.Equal(i > 0, o.Dropped); // ~100 samples a scrape, room for one
                h.Fake.Advance(Step);
            }

            Assert.True(h.Scraper.BufferedSamples > 0);
        }
        finally
        {
            _redis.Start();
        }

        await _redis.WaitConnectedAsync(TimeSpan.FromSeconds(20));
        var after = await h.Scraper.ScrapeAsync(target);
        Assert.True(after.Stored);
        Assert.Equal(0, after.BufferedScrapes);
        Assert.Equal(0, h.Scraper.BufferedSamples);
        Assert.True(await small.Scraper.FlushAsync());

        // 3 before, 4 during, 1 after: all eight, in order, exact counter increase.
        var series = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_model_calls_total");
        var samples = await h.Store.ReadSamplesAsync(id, series.Id, 0, long.MaxValue);
        Assert.Equal([10.0, 20, 30, 40, 50, 60, 70, 80], samples.Select(s => s.Value));
        for (var i = 1; i < samples.Count; i++)
        {
            Assert.Equal(Step.TotalMilliseconds, samples[i].TimestampMs - samples[i - 1].TimestampMs);
        }

        Assert.Equal(70, (await h.VerifyOneAsync(id, "monthly_model_calls", 70)).Observed);
        Assert.True(h.Metrics.RedisWriteErrors.Value >= 4);

        // The overflowed platform kept its first buffered scrape; the dropped ones were counted.
        var up = (await small.Store.GetSeriesAsync(overflowId)).Single(s => s.Name == "up");
        Assert.Single(await small.Store.ReadSamplesAsync(overflowId, up.Id, 0, long.MaxValue));
        Assert.True(small.Metrics.BufferOverflowSamples.WithLabels(overflowId).Value > 200);
    }
}
