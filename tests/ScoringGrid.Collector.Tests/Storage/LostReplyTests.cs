using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Tests.Shared;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Storage;

// Its own Redis (AOF, fsync always), reached through a relay that can lose a reply: these tests
// kill it. A write Redis applied but whose reply never arrived is the hard case for in-memory
// rollups: the collector must neither count the replay again nor lose the scrape.
public sealed class LostReplyTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private readonly RedisServerProcess _redis = new(appendOnly: true);
    private readonly ReplyDroppingProxy _proxy;
    private readonly ConnectionMultiplexer _connection;

    public LostReplyTests()
    {
        _proxy = new ReplyDroppingProxy(_redis.Port);
        _connection = CollectorRedis.Connect(_proxy.Endpoint);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ScriptAppliedButReplyLost_ReplayNeitherDoubleCountsNorLoses(bool killRedis)
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, DeviceTypes = 2 });
        using var h = new CollectorHarness(_connection, CollectorOptions.Default with { WriteChunkSamples = 50 });
        var id = CollectorHarness.NewPlatformId("lost");
        var target = CollectorHarness.Target(id, sim);
        await h.ScrapeAsync(target, 3, Step); // calls 10, 20, 30

        _proxy.DropNextScriptReply(killRedis ? _redis.Kill : null);
        var lostMs = h.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var lost = await h.Scraper.ScrapeAsync(target); // 40: (partly) stored by Redis, unknown to the collector
        await _proxy.Dropped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(lost.Stored);
        Assert.Equal(1, lost.BufferedScrapes);
        h.Fake.Advance(Step);
        if (killRedis)
        {
            _redis.Start();
        }

        await RedisServerProcess.WaitConnectedAsync(_connection, TimeSpan.FromSeconds(20));
        var applied = (string?)await _connection.GetDatabase().HashGetAsync(RedisKeys.Health(id), "applied");
        Assert.StartsWith($"{lostMs} ", applied, StringComparison.Ordinal); // at least its first chunk is in Redis

        var next = await h.Scraper.ScrapeAsync(target); // replays 40 (already in Redis), then writes 50
        Assert.True(next.Stored);
        Assert.Equal(0, next.BufferedScrapes);
        await h.ScrapeAsync(target, 1, Step);

        var calls = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_model_calls_total");
        var raw = await h.Store.ReadSamplesAsync(id, calls.Id, 0, long.MaxValue);
        Assert.Equal([10.0, 20, 30, 40, 50, 60], raw.Select(s => s.Value));
        foreach (var series in await h.Store.GetSeriesAsync(id))
        {
            var samples = await h.Store.ReadSamplesAsync(id, series.Id, 0, long.MaxValue);
            Assert.Equal(6, samples.Count);
            Assert.Equal(
                StoreBatches.ExpectedRollups(samples),
                await h.Store.ReadRollupsAsync(id, series.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)));
        }

        Assert.Equal(50, (await h.VerifyOneAsync(id, "monthly_model_calls", 50)).Observed);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _proxy.Dispose();
        _redis.Dispose();
    }
}
