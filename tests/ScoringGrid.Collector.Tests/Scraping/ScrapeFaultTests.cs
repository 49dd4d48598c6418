using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Scraping;

[Collection(RedisCollection.Name)]
public class ScrapeFaultTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Honest_ScrapeStoresSamplesAndSyntheticSeries()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("honest");
        var result = await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));

        Assert.True(result.Up);
        Assert.True(result.Stored);
        Assert.True(result.SamplesScraped > 30);
        var series = await h.Store.GetSeriesAsync(id);
        Assert.Equal(1.0, series.Single(s => s.Name == "up").LastValue);
        Assert.Equal(result.SamplesScraped, series.Single(s => s.Name == "scrape_samples_scraped").LastValue);
        Assert.Contains(series, s => s.Name == "scrape_duration_seconds");
        Assert.Equal("counter", series.Single(s => s.Name == "iiot_model_calls_total").Type);
        Assert.Equal(30, series.Count(s => s.Name == "iiot_devices_connected"));
        Assert.Equal(result.SamplesScraped + 3, series.Count);
    }

    [Fact]
    public async Task Garbage_IsAFailedScrapeWithTheReasonRecorded()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Garbage);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("garbage");
        var result = await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));

        Assert.False(result.Up);
        Assert.Equal(ScrapeFailure.Parse, result.Failure);
        Assert.StartsWith("parse error: line 1", result.Error, StringComparison.Ordinal);
        var health = await h.Store.GetHealthAsync(id);
        Assert.NotNull(health);
        Assert.False(health.Up);
        Assert.Equal(result.Error, health.LastError);
        Assert.Single(health.RecentErrors);
        var series = await h.Store.GetSeriesAsync(id);
        Assert.Equal(0.0, series.Single(s => s.Name == "up").LastValue);
    }

    [Fact]
    public async Task Huge_BodyOverTheLimitFailsWithoutReadingItAll()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Huge, o => o with { HugeBytes = 64L * 1024 * 1024 });
        using var h = new CollectorHarness(redis.Connection, CollectorOptions.Default with { BodySizeLimitBytes = 1024 * 1024 });
        var id = CollectorHarness.NewPlatformId("huge");
        var result = await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));

        Assert.Equal(ScrapeFailure.BodyTooLarge, result.Failure);
        Assert.Contains("1048576", result.Error, StringComparison.Ordinal);
        Assert.Equal("body exceeds the limit of 1048576 bytes", (await h.Store.GetHealthAsync(id))!.LastError);
    }

    [Fact]
    public async Task Slow_BeyondTheTimeoutFails()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Slow, o => o with { Delay = TimeSpan.FromSeconds(5) });
        using var h = new CollectorHarness(redis.Connection, time: TimeProvider.System);
        var id = CollectorHarness.NewPlatformId("slow");
        var target = CollectorHarness.Target(id, sim) with { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMilliseconds(300) };
        var started = DateTime.UtcNow;
        var result = await h.Scraper.ScrapeAsync(target);

        Assert.Equal(ScrapeFailure.Timeout, result.Failure);
        Assert.Equal("timeout after 0.3s", result.Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Flapping_WritesStaleMarkersWhenDownAndVerificationSaysStale()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Flapping);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("flap");
        var target = CollectorHarness.Target(id, sim);
        var up = await h.Scraper.ScrapeAsync(target);
        h.Fake.Advance(Step);
        var down = await h.Scraper.ScrapeAsync(target);

        Assert.True(up.Up);
        Assert.Equal(ScrapeFailure.HttpStatus, down.Failure);
        Assert.Equal(up.SamplesScraped, down.StaleMarkers);
        var devices = (await h.Store.GetSeriesAsync(id)).First(s => s.Name == "iiot_devices_connected");
        Assert.True(devices.LastIsStale);
        var samples = await h.Store.ReadSamplesAsync(id, devices.Id, 0, long.MaxValue);
        Assert.Equal([false, true], samples.Select(s => s.IsStale));

        var verification = await h.VerifyOneAsync(id, "device_types", 30);
        Assert.Equal(VerificationStatus.Stale, verification.Status);
        Assert.Null(verification.Observed);
        Assert.Contains("staleness marker", verification.Evidence.Description, StringComparison.Ordinal);

        // Back up: fresh again and verified.
        h.Fake.Advance(Step);
        Assert.True((await h.Scraper.ScrapeAsync(target)).Up);
        Assert.Equal(VerificationStatus.Verified, (await h.VerifyOneAsync(id, "device_types", 30)).Status);
    }

    [Fact]
    public async Task SeriesThatDisappears_GetsAStaleMarkerAndLeavesTypeCounts()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 4 });
        await using var fewer = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 3 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("gone");
        await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));
        h.Fake.Advance(Step);
        var second = await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, fewer));

        // t03 vanished; every other series is still exposed (values change but names do not).
        Assert.Equal(1, second.StaleMarkers);
        var t03 = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_devices_connected" && s.Labels["type"] == "t03");
        Assert.True(t03.LastIsStale);
        var types = await h.VerifyOneAsync(id, "industries_covered", 3);
        Assert.Equal(3, types.Observed);
    }

    [Fact]
    public async Task UnreachableTarget_IsAConnectionFailure()
    {
        using var h = new CollectorHarness(redis.Connection);
        var target = new ScrapeTarget { PlatformId = CollectorHarness.NewPlatformId("nobody"), Url = new Uri("http://127.0.0.1:1/metrics") };
        var result = await h.Scraper.ScrapeAsync(target);
        Assert.Equal(ScrapeFailure.Connection, result.Failure);
        Assert.Equal(1, h.Scraper.ConsecutiveFailures(target.PlatformId));
    }

    [Fact]
    public async Task BearerToken_IsSent()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { BearerToken = "s3cret", DeviceTypes = 1 });
        using var h = new CollectorHarness(redis.Connection);
        var target = CollectorHarness.Target(CollectorHarness.NewPlatformId("auth"), sim);

        Assert.Equal(ScrapeFailure.HttpStatus, (await h.Scraper.ScrapeAsync(target)).Failure);
        h.Fake.Advance(Step);
        Assert.True((await h.Scraper.ScrapeAsync(target with { BearerToken = "s3cret" })).Up);
    }
}
