using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Cluster;

// Issue 4: verification reads the same figures from a cluster as from a single node.
[Collection(RedisClusterCollection.Name)]
public class ClusterVerificationTests(RedisClusterFixture cluster, RedisServerFixture single)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Verification_OnTheCluster_EqualsTheSingleNodeResult()
    {
        var options = new SimulatorOptions { Mode = SimulatorMode.Honest };
        var declared = new Dictionary<string, double>(PlatformSimulator.PlatformSimulator.DeclaredFigures(options))
        {
            ["industrial_apps"] = 120,      // 90 exposed: a shortfall
            ["monthly_model_calls"] = 300,  // a counter: +100 per scrape after the first
            ["max_concurrency_rps"] = 400,  // from load-test evidence in its own hash
        };

        // The same platform id, scrapes and fake clock on both; the id's slot is on the second master.
        var id = cluster.PlatformIdOn(1, "ver");
        var onCluster = await ScrapeAndVerifyAsync(cluster.Connection, id, options, declared);
        var onSingle = await ScrapeAndVerifyAsync(single.Connection, id, options, declared);

        Assert.Equal(declared.Count, onCluster.Count);
        Assert.Equal(onSingle, onCluster); // records: figure, values, status, tolerance and every evidence field
        var byFigure = onCluster.ToDictionary(r => r.Figure);
        Assert.Equal((VerificationStatus.Verified, 5000.0), (byFigure["connected_devices"].Status, byFigure["connected_devices"].Observed));
        Assert.Equal((VerificationStatus.Shortfall, 90.0), (byFigure["industrial_apps"].Status, byFigure["industrial_apps"].Observed));
        Assert.Equal((VerificationStatus.Verified, 300.0), (byFigure["monthly_model_calls"].Status, byFigure["monthly_model_calls"].Observed));
        Assert.Equal("raw", byFigure["monthly_model_calls"].Evidence.RollupUsed);
        Assert.Equal((VerificationStatus.Verified, 450.0), (byFigure["max_concurrency_rps"].Status, byFigure["max_concurrency_rps"].Observed));
        Assert.All(onCluster.Where(r => r.Figure != "industrial_apps"), r =>
            Assert.True(r.Status == VerificationStatus.Verified, $"{r.Figure}: {r.Status} observed {r.Observed} declared {r.Declared} ({r.Evidence.Description})"));
    }

    private static async Task<IReadOnlyList<FigureVerification>> ScrapeAndVerifyAsync(
        IConnectionMultiplexer redis, string id, SimulatorOptions options, IReadOnlyDictionary<string, double> declared)
    {
        await using var sim = await PlatformSimulator.PlatformSimulator.StartAsync(options);
        using var h = new CollectorHarness(redis);
        await h.ScrapeAsync(CollectorHarness.Target(id, sim), 4, Step);
        await h.Verifier.RecordLoadTestEvidenceAsync(id, "max_concurrency_rps", 450, """{"rps":450,"errors":0}""");
        return await h.Verifier.VerifyAsync(id, declared);
    }
}
