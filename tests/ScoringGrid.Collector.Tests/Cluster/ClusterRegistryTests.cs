using System.Diagnostics;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Collector.Tests.Cluster;

// Issue 4: the target registry (one global hash) and the scheduler on a three-master cluster.
[Collection(RedisClusterCollection.Name)]
public class ClusterRegistryTests(RedisClusterFixture cluster)
{
    [Fact]
    public async Task Registry_RegisterListReloadUnregister_WorkOnTheCluster()
    {
        var ids = Enumerable.Range(0, RedisClusterProcess.NodeCount).Select(n => cluster.PlatformIdOn(n, $"reg{n}")).ToArray();
        var first = new TargetRegistry(cluster.Connection);
        try
        {
            foreach (var id in ids)
            {
                await first.RegisterAsync(new ScrapeTarget
                {
                    PlatformId = id,
                    Url = new Uri("http://127.0.0.1:9/metrics"),
                    Interval = TimeSpan.FromSeconds(30),
                    Timeout = TimeSpan.FromSeconds(5),
                    BearerToken = $"token-{id}",
                    Labels = new Dictionary<string, string> { ["vendor"] = id },
                });
            }

            Assert.Equal(ids.Order(StringComparer.Ordinal), first.List().Select(t => t.PlatformId).Where(ids.Contains));

            // sg:targets is one hash on the master that owns its slot, whichever masters the platforms' own keys are on.
            var owner = RedisClusterProcess.NodeOfSlot(cluster.Connection.HashSlot(RedisKeys.Targets));
            Assert.All(ids, id => Assert.Equal("1", cluster.Cluster.Send(owner, "HEXISTS", RedisKeys.Targets, id)));
            var other = (owner + 1) % RedisClusterProcess.NodeCount;
            Assert.Contains("MOVED", Assert.Throws<InvalidOperationException>(() => cluster.Cluster.Send(other, "HEXISTS", RedisKeys.Targets, ids[0])).Message, StringComparison.Ordinal);

            // A restarted collector reads every target back.
            var second = new TargetRegistry(cluster.Connection);
            Assert.True(await second.LoadAsync() >= ids.Length);
            foreach (var id in ids)
            {
                Assert.True(second.TryGet(id, out var loaded));
                Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), $"token-{id}", id), (loaded.Interval, loaded.Timeout, loaded.BearerToken, loaded.Labels["vendor"]));
            }

            Assert.True(await second.UnregisterAsync(ids[1]));
            Assert.False(second.TryGet(ids[1], out _));
            var third = new TargetRegistry(cluster.Connection);
            await third.LoadAsync();
            Assert.True(third.TryGet(ids[0], out _));
            Assert.False(third.TryGet(ids[1], out _));
            Assert.True(third.TryGet(ids[2], out _));
            Assert.False(await third.UnregisterAsync(ids[1]));
        }
        finally
        {
            foreach (var id in ids)
            {
                await first.UnregisterAsync(id);
            }
        }
    }

    [Fact]
    public async Task Scheduler_OverAReloadedRegistry_ScrapesPlatformsOnEveryMaster()
    {
        var ids = Enumerable.Range(0, RedisClusterProcess.NodeCount).Select(n => cluster.PlatformIdOn(n, $"sch{n}")).ToArray();
        var sims = new List<PlatformSimulator.PlatformSimulator>();
        var registry = new TargetRegistry(cluster.Connection);
        try
        {
            var fast = TimeSpan.FromMilliseconds(300);
            foreach (var id in ids)
            {
                var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
                sims.Add(sim);
                await registry.RegisterAsync(CollectorHarness.Target(id, sim) with { Interval = fast, Timeout = fast });
            }

            // What a restarted collector does: load the persisted targets, then schedule them.
            var reloaded = new TargetRegistry(cluster.Connection);
            await reloaded.LoadAsync();
            using var h = new CollectorHarness(cluster.Connection, time: TimeProvider.System);
            await using var scheduler = new ScrapeScheduler(reloaded, h.Scraper, h.Store, h.Time, h.Metrics);
            scheduler.Start();
            await WaitAsync(async () =>
            {
                foreach (var id in ids)
                {
                    var up = await h.Store.ReadSamplesAsync(id, "up", 0, long.MaxValue);
                    if (up.Count(s => s.Value == 1) < 3)
                    {
                        return false;
                    }
                }

                return true;
            });
            await scheduler.StopAsync();

            var seen = new HashSet<int>();
            for (var i = 0; i < ids.Length; i++)
            {
                // Health and the `up` series agree on the newest scrape; no scrape was stored twice.
                var health = await h.Store.GetHealthAsync(ids[i]);
                Assert.NotNull(health);
                var up = await h.Store.ReadSamplesAsync(ids[i], "up", 0, long.MaxValue);
                Assert.InRange(up.Count, 3, (int)sims[i].Requests);
                Assert.Equal((health.LastScrapeMs, health.Up ? 1.0 : 0.0), (up[^1].TimestampMs, up[^1].Value));
                var (_, keysPerNode) = cluster.WhereStored(ids[i]);
                Assert.Single(keysPerNode, k => k > 0);
                seen.Add(Array.FindIndex(keysPerNode, k => k > 0));
            }

            Assert.Equal([0, 1, 2], seen.Order());
        }
        finally
        {
            foreach (var id in ids)
            {
                await registry.UnregisterAsync(id);
            }

            foreach (var sim in sims)
            {
                await sim.DisposeAsync();
            }
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "condition not met within 15 s");
            await Task.Delay(20);
        }
    }
}
