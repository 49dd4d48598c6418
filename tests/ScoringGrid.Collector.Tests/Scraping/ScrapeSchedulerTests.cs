using System.Diagnostics;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Scraping;

[Collection(RedisCollection.Name)]
public class ScrapeSchedulerTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task FakeClock_ScrapesAtTheJitterOffsetThenEveryInterval()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("sched");
        var registry = new TargetRegistry(redis.Connection);
        registry.AddConfigured([CollectorHarness.Target(id, sim)]);
        await using var scheduler = new ScrapeScheduler(registry, h.Scraper, h.Store, h.Time, h.Metrics);
        var offset = ScrapeTiming.Offset(id, Interval);
        scheduler.Start();

        await WaitAsync(() => scheduler.ArmedWaits == 1);
        h.Fake.Advance(offset);
        await WaitAsync(() => sim.Requests == 1);
        await WaitForStoredAsync(h, id, CollectorHarness.Start + offset);

        await WaitAsync(() => scheduler.ArmedWaits == 2);
        h.Fake.Advance(Interval);
        await WaitAsync(() => sim.Requests == 2);
        await WaitForStoredAsync(h, id, CollectorHarness.Start + offset + Interval);
        Assert.Equal([id], scheduler.ScheduledPlatforms);
    }

    [Fact]
    public async Task FakeClock_FailingTargetBacksOff()
    {
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("backoff");
        var registry = new TargetRegistry(redis.Connection);
        registry.AddConfigured([new ScrapeTarget { PlatformId = id, Url = new Uri("http://127.0.0.1:1/metrics") }]);
        await using var scheduler = new ScrapeScheduler(registry, h.Scraper, h.Store, h.Time, h.Metrics);
        var failures = h.Metrics.Scrapes.WithLabels(id, "connection");
        scheduler.Start();

        // Each advance waits until the loop has armed its next wait, so time never moves before the timer exists.
        await WaitAsync(() => scheduler.ArmedWaits == 1);
        h.Fake.Advance(ScrapeTiming.Offset(id, Interval));
        await WaitAsync(() => failures.Value == 1);
        await WaitAsync(() => scheduler.ArmedWaits == 2);
        h.Fake.Advance(Interval);                      // first failure: next slot as usual
        await WaitAsync(() => failures.Value == 2);
        await WaitAsync(() => scheduler.ArmedWaits == 3);
        h.Fake.Advance(Interval);                      // second failure: 30 s back-off
        await Task.Delay(300);
        Assert.Equal(2, failures.Value);
        h.Fake.Advance(Interval);
        await WaitAsync(() => failures.Value == 3);
        await WaitAsync(() => scheduler.ArmedWaits == 4);
        h.Fake.Advance(TimeSpan.FromSeconds(59));      // third: 60 s
        await Task.Delay(300);
        Assert.Equal(3, failures.Value);
        h.Fake.Advance(TimeSpan.FromSeconds(1));
        await WaitAsync(() => failures.Value == 4);
    }

    [Fact]
    public async Task RealClock_ScrapesEveryTargetAndFollowsRegistryChanges()
    {
        await using var a = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
        await using var b = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
        using var h = new CollectorHarness(redis.Connection, time: TimeProvider.System);
        var registry = new TargetRegistry(redis.Connection);
        var idA = CollectorHarness.NewPlatformId("rta");
        var idB = CollectorHarness.NewPlatformId("rtb");
        var fast = TimeSpan.FromMilliseconds(200);
        await registry.RegisterAsync(CollectorHarness.Target(idA, a) with { Interval = fast, Timeout = fast });
        await using var scheduler = new ScrapeScheduler(registry, h.Scraper, h.Store, h.Time, h.Metrics);
        scheduler.Start();
        await registry.RegisterAsync(CollectorHarness.Target(idB, b) with { Interval = fast, Timeout = fast });

        await WaitAsync(() => a.Requests >= 3 && b.Requests >= 3);
        await registry.UnregisterAsync(idB);
        await WaitAsync(() => scheduler.ScheduledPlatforms.Count == 1);
        var stoppedAt = b.Requests;
        await Task.Delay(600);
        Assert.InRange(b.Requests, stoppedAt, stoppedAt + 1);
        Assert.True(a.Requests > 3);
        Assert.Equal(1, h.Metrics.Targets.Value);

        await scheduler.StopAsync();
        var written = new System.IO.MemoryStream();
        h.Metrics.Registry.WriteTo(written);
        var text = System.Text.Encoding.UTF8.GetString(written.ToArray());
        Assert.Contains($"sg_collector_scrapes_total{{platform=\"{idA}\",result=\"success\"}}", text, StringComparison.Ordinal);
        Assert.Contains("sg_collector_scrape_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("sg_collector_buffered_samples 0", text, StringComparison.Ordinal);
    }

    // The scrape stored in Redis carries exactly the slot time of the fake clock.
    private static async Task WaitForStoredAsync(CollectorHarness h, string id, DateTimeOffset expected)
    {
        var clock = Stopwatch.StartNew();
        long? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            last = (await h.Store.GetHealthAsync(id))?.LastScrapeMs;
            if (last == expected.ToUnixTimeMilliseconds())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Equal(expected.ToUnixTimeMilliseconds(), last);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(20);
        }

        // Let the loop finish storing the scrape it just served.
        await Task.Delay(100);
    }
}
