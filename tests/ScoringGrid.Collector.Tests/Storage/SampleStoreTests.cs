using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Storage;

[Collection(RedisCollection.Name)]
public class SampleStoreTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Rollups_HoldMinMaxMeanLastCountAndIncreasePerUtcDay()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Growing, o => o with { Devices = 300, DeviceTypes = 1, GrowthPerScrape = 30 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("roll");
        var target = CollectorHarness.Target(id, sim);
        // Two scrapes on 1 March, two on 2 March: devices 300, 330 | 360, 390; calls 100, 200 | 300, 400.
        await h.Scraper.ScrapeAsync(target);
        h.Fake.Advance(TimeSpan.FromHours(12));
        await h.Scraper.ScrapeAsync(target);
        h.Fake.Advance(TimeSpan.FromHours(12));
        await h.Scraper.ScrapeAsync(target);
        h.Fake.Advance(TimeSpan.FromHours(1));
        await h.Scraper.ScrapeAsync(target);

        var series = await h.Store.GetSeriesAsync(id);
        var devices = series.Single(s => s.Name == "iiot_devices_connected");
        var days = await h.Store.ReadRollupsAsync(id, devices.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2));
        Assert.Equal(2, days.Count);
        Assert.Equal(new DailyRollup(new DateOnly(2025, 3, 1), 2, 630, 300, 330, 330, 30,
            CollectorHarness.Start.ToUnixTimeMilliseconds(), CollectorHarness.Start.AddHours(12).ToUnixTimeMilliseconds()), days[0]);
        Assert.Equal(375, days[1].Mean);
        Assert.Equal(390, days[1].Last);

        var calls = series.Single(s => s.Name == "iiot_model_calls_total");
        var callDays = await h.Store.ReadRollupsAsync(id, calls.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2));
        Assert.Equal([100.0, 200.0], callDays.Select(d => d.Increase)); // the 200 → 300 step lands on the day of the 300
    }

    [Fact]
    public async Task Trim_RemovesRawAfterRetentionAndRollupsAfterTheirs()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("trim");
        var target = CollectorHarness.Target(id, sim);
        await h.Scraper.ScrapeAsync(target);
        h.Fake.Advance(TimeSpan.FromDays(36));
        await h.Scraper.ScrapeAsync(target);

        var up = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "up");
        Assert.Equal(2, (await h.Store.ReadSamplesAsync(id, up.Id, 0, long.MaxValue)).Count);
        Assert.True(await h.Store.TrimAsync(id, h.Time.GetUtcNow()) > 0);
        var raw = await h.Store.ReadSamplesAsync(id, up.Id, 0, long.MaxValue);
        Assert.Equal(h.Time.GetUtcNow().ToUnixTimeMilliseconds(), Assert.Single(raw).TimestampMs);
        var all = new DateOnly(2020, 1, 1);
        Assert.Equal(2, (await h.Store.ReadRollupsAsync(id, up.Id, all, new DateOnly(2030, 1, 1))).Count);

        // Two years on, the old rollup goes too.
        await h.Store.TrimAsync(id, h.Time.GetUtcNow().AddDays(731) - TimeSpan.FromDays(35));
        var left = await h.Store.ReadRollupsAsync(id, up.Id, all, new DateOnly(2030, 1, 1));
        Assert.Equal(new DateOnly(2025, 4, 6), Assert.Single(left).Day);
    }

    [Fact]
    public async Task ReplayedBatch_IsNotCountedTwice()
    {
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("replay");
        var series = new SeriesEntry(id, "c_total", SeriesDescriptor.Write("c_total", "counter", []));
        foreach (var (ts, value) in new[] { (1_000L, 10.0), (2_000L, 25.0), (3_000L, 5.0) })
        {
            var batch = new ScrapeBatch(id, ts, up: true, error: null, capacity: 1);
            batch.Samples.Add(new BatchSample(series, value, false, WithDescriptor: true));
            Assert.Equal(1, await h.Store.WriteAsync(batch));
            Assert.Equal(0, await h.Store.WriteAsync(batch)); // a replay after an uncertain failure
        }

        var day = Assert.Single(await h.Store.ReadRollupsAsync(id, "c_total", new DateOnly(1970, 1, 1), new DateOnly(1970, 1, 1)));
        Assert.Equal(3, day.Count);
        Assert.Equal(20, day.Increase); // +15, then a reset counting 5
        Assert.Equal(3, (await h.Store.ReadSamplesAsync(id, "c_total", 0, long.MaxValue)).Count);
    }

    [Fact]
    public async Task CollectorRestart_ResumesWithoutDoubleCountingAndMarksGoneSeriesStale()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, DeviceTypes = 2 });
        await using var after = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, DeviceTypes = 1 });
        var id = CollectorHarness.NewPlatformId("restart");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(CollectorHarness.Start);
        using (var first = new CollectorHarness(redis.Connection, time: clock))
        {
            await first.ScrapeAsync(CollectorHarness.Target(id, sim), 5, Step); // calls 10..50
        }

        // A new collector process: no memory of the previous one, only Redis. The endpoint
        // went on counting (60, 70, 80) and lost its second device type meanwhile.
        using var second = new CollectorHarness(redis.Connection, time: clock);
        using var http = new HttpClient();
        for (var i = 0; i < 5; i++)
        {
            await http.GetStringAsync(after.MetricsUrl); // advance the new endpoint's counter to 50
        }

        var results = await second.ScrapeAsync(CollectorHarness.Target(id, after), 3, Step); // 60, 70, 80
        Assert.Equal(1, results[0].StaleMarkers); // t01 was live before the restart and is gone now

        var calls = await second.VerifyOneAsync(id, "monthly_model_calls", 70);
        Assert.Equal(70, calls.Observed); // 7 deltas of 10 across the restart, none twice
        var series = (await second.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_model_calls_total");
        Assert.Equal(70, Assert.Single(await second.Store.ReadRollupsAsync(id, series.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1))).Increase);
    }

    [Fact]
    public async Task Registry_PersistsRegisteredTargetsAcrossInstances()
    {
        var id = CollectorHarness.NewPlatformId("reg");
        var first = new TargetRegistry(redis.Connection);
        await first.RegisterAsync(new ScrapeTarget
        {
            PlatformId = id,
            Url = new Uri("http://127.0.0.1:9/metrics"),
            Interval = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromSeconds(5),
            BearerToken = "t",
            Labels = new Dictionary<string, string> { ["vendor"] = "v" },
        });

        var second = new TargetRegistry(redis.Connection);
        await second.LoadAsync();
        Assert.True(second.TryGet(id, out var loaded));
        Assert.Equal(TimeSpan.FromSeconds(30), loaded.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), loaded.Timeout);
        Assert.Equal("t", loaded.BearerToken);
        Assert.Equal("v", loaded.Labels["vendor"]);

        Assert.True(await second.UnregisterAsync(id));
        var third = new TargetRegistry(redis.Connection);
        await third.LoadAsync();
        Assert.False(third.TryGet(id, out _));
        await Assert.ThrowsAsync<TargetConfigException>(() => third.RegisterAsync(new ScrapeTarget { PlatformId = "bad id", Url = new Uri("http://127.0.0.1/") }));
    }
}
