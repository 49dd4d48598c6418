using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Verification;

[Collection(RedisCollection.Name)]
public class FigureVerifierTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Honest_EveryDeclaredGaugeFigureIsVerified()
    {
        var options = new SimulatorOptions { Mode = SimulatorMode.Honest };
        await using var sim = await PlatformSimulator.PlatformSimulator.StartAsync(options);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("honest");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 4, Step);

        var declared = PlatformSimulator.PlatformSimulator.DeclaredFigures(options);
        var results = await h.Verifier.VerifyAsync(id, declared);

        Assert.Equal(declared.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Status == VerificationStatus.Verified, $"{r.Figure}: {r.Status} observed {r.Observed} declared {r.Declared} ({r.Evidence.Description})"));
        var devices = results.Single(r => r.Figure == "connected_devices");
        Assert.Equal(5000, devices.Observed);
        Assert.Equal(30, results.Single(r => r.Figure == "host_cpu_utilization_pct").Observed!.Value, 9);
    }

    [Fact]
    public async Task Lying_IsShortfallWithTheObservedValue()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Lying, o => o with { LieRatio = 0.5 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("liar");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 3, Step);

        var results = await h.Verifier.VerifyAsync(id, new Dictionary<string, double>
        {
            ["connected_devices"] = 5000,
            ["industrial_apps"] = 90,
            ["sdk_developers"] = 1200,
        });

        Assert.All(results, r => Assert.Equal(VerificationStatus.Shortfall, r.Status));
        Assert.Equal(2500, results.Single(r => r.Figure == "connected_devices").Observed);
        Assert.Equal(45, results.Single(r => r.Figure == "industrial_apps").Observed);
    }

    [Fact]
    public async Task Tolerance_PerFigureTurnsASmallShortfallIntoVerified()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { Devices = 4_950 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("tol");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 2, Step);

        Assert.Equal(VerificationStatus.Shortfall, (await h.VerifyOneAsync(id, "connected_devices", 5000)).Status);
        var lenient = new FigureVerifier(h.Store, h.Time, VerificationOptions.Default with
        {
            TolerancePercent = new Dictionary<string, double> { ["connected_devices"] = 1 },
        });
        var result = Assert.Single(await lenient.VerifyAsync(id, new Dictionary<string, double> { ["connected_devices"] = 5000 }));
        Assert.Equal(VerificationStatus.Verified, result.Status);
        Assert.Equal(1, result.TolerancePercent);
    }

    [Fact]
    public async Task CounterReset_MonthlyIncreaseIsExact()
    {
        // Values per scrape: 100, 200, 300, 100, 200, 300, 100, 200, 300, 100 — three resets.
        await using var sim = await Simulators.StartAsync(SimulatorMode.CounterReset, o => o with { ModelCallsPerScrape = 100, ResetEvery = 3 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("reset");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 10, Step);

        var result = await h.VerifyOneAsync(id, "monthly_model_calls", 900);
        Assert.Equal(900, result.Observed); // 9 steps of +100; a naive last − first would say 0
        Assert.Equal(VerificationStatus.Verified, result.Status);
        Assert.Equal("raw", result.Evidence.RollupUsed);
        Assert.Equal(10, result.Evidence.SampleCount);
        Assert.Contains("3 reset(s)", result.Evidence.Description, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Shortfall, (await h.VerifyOneAsync(id, "monthly_model_calls", 901)).Status);

        // The daily rollup agrees with the raw arithmetic.
        var series = (await h.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_model_calls_total");
        var day = Assert.Single(await h.Store.ReadRollupsAsync(id, series.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)));
        Assert.Equal(900, day.Increase);
    }

    [Fact]
    public async Task MonthlyIncrease_OverThirtyOneDays_CountsOnlyTheLastThirty()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { ModelCallsPerScrape = 10, RwOpsPerScrape = 1000 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("month");
        // One scrape every 6 hours for 31 days (125 scrapes), counter +10 each.
        var target = CollectorHarness.Target(id, sim);
        await h.Scraper.ScrapeAsync(target);
        for (var i = 1; i < 125; i++)
        {
            h.Fake.Advance(TimeSpan.FromHours(6));
            await h.Scraper.ScrapeAsync(target); // the last one is "now"
        }

        var results = await h.Verifier.VerifyAsync(id, new Dictionary<string, double>
        {
            ["monthly_model_calls"] = 1200,
            ["daily_data_rw_ops"] = 4000,
            ["connected_devices"] = 5000,
        });

        // The last 30 days hold 121 samples (both ends inclusive): 120 deltas of 10.
        var calls = results.Single(r => r.Figure == "monthly_model_calls");
        Assert.Equal(1200, calls.Observed);
        Assert.Equal(121, calls.Evidence.SampleCount);
        Assert.Equal(h.Time.GetUtcNow() - TimeSpan.FromDays(30), calls.Evidence.FirstSample);
        // 120 deltas of 1000 over the 30-day window = 4000 a day.
        Assert.Equal(4000, results.Single(r => r.Figure == "daily_data_rw_ops").Observed);
        var devices = results.Single(r => r.Figure == "connected_devices");
        Assert.Equal("daily", devices.Evidence.RollupUsed);
        Assert.Equal(VerificationStatus.Verified, devices.Status);
    }

    [Fact]
    public async Task Evidence_HasWindowSamplesAndTimes()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Growing, o => o with { Devices = 1000, GrowthPerScrape = 100 });
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("grow");
        var first = h.Time.GetUtcNow();
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 5, Step); // 1000, 1100, …, 1400
        var now = h.Time.GetUtcNow();

        var result = await h.VerifyOneAsync(id, "connected_devices", 1200);
        Assert.Equal(1200, result.Observed); // mean of the day
        Assert.Equal(VerificationStatus.Verified, result.Status);
        var e = result.Evidence;
        Assert.Equal(now - TimeSpan.FromDays(30), e.WindowStart);
        Assert.Equal(now, e.WindowEnd);
        Assert.Equal("iiot_devices_connected", e.Metric);
        Assert.Equal(30, e.SeriesCount);
        Assert.Equal(150, e.SampleCount);
        Assert.Equal(first, e.FirstSample);
        Assert.Equal(now - Step, e.LastSample);
        Assert.Equal("daily", e.RollupUsed);
        Assert.Contains("2025-03-01", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldSamples_AreStale()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("old");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 1, TimeSpan.FromMinutes(10));

        var result = await h.VerifyOneAsync(id, "connected_devices", 5000);
        Assert.Equal(VerificationStatus.Stale, result.Status);
        Assert.Contains("older than the staleness bound", result.Evidence.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unverifiable_WithoutSourceOrMetric()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest);
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("unv");
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 1, Step);

        var results = await h.Verifier.VerifyAsync(id, new Dictionary<string, double>
        {
            ["dev_languages"] = 3,          // no live source in §7
            ["max_concurrency_rps"] = 1000, // load test not run yet
            ["annual_cloud_investment_yuan"] = 10_000,
        });
        Assert.All(results, r => Assert.Equal(VerificationStatus.Unverifiable, r.Status));
        Assert.All(results, r => Assert.Null(r.Observed));

        var unknown = await h.VerifyOneAsync(CollectorHarness.NewPlatformId("none"), "connected_devices", 1);
        Assert.Equal(VerificationStatus.Unverifiable, unknown.Status);
        Assert.Contains("never observed", unknown.Evidence.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadTestEvidence_IsReported()
    {
        using var h = new CollectorHarness(redis.Connection);
        var id = CollectorHarness.NewPlatformId("load");
        await h.Verifier.RecordLoadTestEvidenceAsync(id, "max_concurrency_rps", 1500, """{"runner":"k","p95_ms":180}""");
        await h.Verifier.RecordLoadTestEvidenceAsync(id, "response_time_ms", 180, """{"rate":1000}""");

        var results = await h.Verifier.VerifyAsync(id, new Dictionary<string, double>
        {
            ["max_concurrency_rps"] = 2000,
            ["response_time_ms"] = 200,
        });
        var rps = results.Single(r => r.Figure == "max_concurrency_rps");
        Assert.Equal(VerificationStatus.Shortfall, rps.Status);
        Assert.Equal(1500, rps.Observed);
        Assert.Equal("load_test", rps.Evidence.RollupUsed);
        Assert.Contains("\"p95_ms\":180", rps.Evidence.LoadTestJson, StringComparison.Ordinal);
        var latency = results.Single(r => r.Figure == "response_time_ms");
        Assert.Equal(VerificationStatus.Verified, latency.Status); // 180 ms is within the declared 200 ms

        h.Fake.Advance(TimeSpan.FromDays(31));
        Assert.Equal(VerificationStatus.Stale, (await h.VerifyOneAsync(id, "max_concurrency_rps", 1000)).Status);
    }
}
