using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Collector.Tests.Cluster;

// Issue 4: scraping and storage on a three-master Redis Cluster, one platform per master.
[Collection(RedisClusterCollection.Name)]
public class ClusterStorageTests(RedisClusterFixture cluster)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private static readonly DateOnly Day = new(2025, 3, 1);
    private const string Devices = "iiot_devices_connected";
    private const string Calls = "iiot_model_calls_total";

    [Fact]
    public async Task Scrapes_OfPlatformsOnThreeMasters_StoreRawRollupsLastAndHealthOnTheirOwnMaster()
    {
        var ids = Enumerable.Range(0, RedisClusterProcess.NodeCount).Select(n => cluster.PlatformIdOn(n, $"clu{n}")).ToArray();
        var sims = new List<PlatformSimulator.PlatformSimulator>();
        try
        {
            foreach (var _ in ids)
            {
                // Body n: devices 300 + 30(n − 1), model calls 100n.
                sims.Add(await Simulators.StartAsync(SimulatorMode.Growing, o => o with { Devices = 300, DeviceTypes = 1, GrowthPerScrape = 30 }));
            }

            using var h = new CollectorHarness(cluster.Connection);
            var targets = ids.Select((id, i) => CollectorHarness.Target(id, sims[i])).ToArray();
            var t = new long[5];
            for (var round = 0; round < 4; round++)
            {
                // The three platforms at once: pipelined script calls to three masters in parallel.
                t[round] = h.Time.GetUtcNow().ToUnixTimeMilliseconds();
                var results = await Task.WhenAll(targets.Select(target => h.Scraper.ScrapeAsync(target)));
                Assert.All(results, r => Assert.True(r.Up && r.Stored, $"{r.PlatformId}: {r.Failure} {r.Error} stored={r.Stored}"));
                h.Fake.Advance(Step);
            }

            foreach (var id in ids)
            {
                var health = await h.Store.GetHealthAsync(id);
                Assert.NotNull(health);
                Assert.Equal((t[3], true, null), (health.LastScrapeMs, health.Up, health.LastError));
                Assert.Empty(health.RecentErrors);
            }

            // A fifth scrape fails to parse: health, the error list and staleness markers.
            sims.ForEach(static s => s.Mode = SimulatorMode.Garbage);
            t[4] = h.Time.GetUtcNow().ToUnixTimeMilliseconds();
            var failed = await Task.WhenAll(targets.Select(target => h.Scraper.ScrapeAsync(target)));
            Assert.All(failed, r => Assert.Equal(ScrapeFailure.Parse, r.Failure));
            Assert.All(failed, r => Assert.True(r.Stored && r.StaleMarkers > 0));

            var seen = new HashSet<int>();
            for (var node = 0; node < ids.Length; node++)
            {
                var id = ids[node];
                var series = await h.Store.GetSeriesAsync(id);
                var devices = series.Single(s => s.Name == Devices);
                Assert.Equal("iiot_devices_connected{industry=\"ind0\",type=\"t00\"}", devices.Id);
                Assert.Equal((t[4], 390.0, true), (devices.LastTimestampMs, devices.LastValue, devices.LastIsStale)); // `last` keeps the value under the marker
                var up = series.Single(s => s.Name == "up");
                Assert.Equal((t[4], 0.0, false), (up.LastTimestampMs, up.LastValue, up.LastIsStale));

                var raw = await h.Store.ReadSamplesAsync(id, devices.Id, 0, long.MaxValue);
                Assert.Equal(
                    [new(t[0], 300, false), new(t[1], 330, false), new(t[2], 360, false), new(t[3], 390, false)],
                    raw.Take(4));
                Assert.Equal(t[4], raw[4].TimestampMs);
                Assert.True(raw[4].IsStale);
                Assert.Equal(5, raw.Count);

                Assert.Equal(
                    new DailyRollup(Day, 4, 1380, 300, 390, 390, 90, t[0], t[3]),
                    Assert.Single(await h.Store.ReadRollupsAsync(id, devices.Id, Day, Day)));
                var calls = series.Single(s => s.Name == Calls);
                Assert.Equal(
                    new DailyRollup(Day, 4, 1000, 100, 400, 400, 300, t[0], t[3]),
                    Assert.Single(await h.Store.ReadRollupsAsync(id, calls.Id, Day, Day)));

                var health = await h.Store.GetHealthAsync(id);
                Assert.NotNull(health);
                Assert.Equal(t[4], health.LastScrapeMs);
                Assert.False(health.Up);
                Assert.StartsWith("parse error", health.LastError, StringComparison.Ordinal);
                Assert.StartsWith($"{t[4]} parse error", Assert.Single(health.RecentErrors), StringComparison.Ordinal);

                // Every key of the platform (series, last, health, errors, a raw key per series; day
                // keys appear once a UTC day closes, the open day lives in `last`) is in its hash
                // tag's slot, on the master that owns it and no other.
                var (slot, keysPerNode) = cluster.WhereStored(id);
                Assert.Equal(cluster.Connection.HashSlot(RedisKeys.Last(id)), slot);
                Assert.Equal(node, RedisClusterProcess.NodeOfSlot(slot));
                Assert.Equal(node, cluster.RoutedNode(slot));
                Assert.True(keysPerNode[node] >= 4 + series.Count, $"node {node} holds {keysPerNode[node]} keys of {id}, {series.Count} series");
                Assert.Equal(keysPerNode[node], keysPerNode.Sum());
                seen.Add(node);
            }

            Assert.Equal(RedisClusterProcess.NodeCount, seen.Count);
        }
        finally
        {
            foreach (var sim in sims)
            {
                await sim.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Trim_OnEveryMaster_RemovesRawAfterRetentionAndRollupsAfterTheirs()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Honest, o => o with { DeviceTypes = 1 });
        using var h = new CollectorHarness(cluster.Connection);
        var ids = Enumerable.Range(0, RedisClusterProcess.NodeCount).Select(n => cluster.PlatformIdOn(n, $"trim{n}")).ToArray();
        foreach (var id in ids)
        {
            await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));
        }

        h.Fake.Advance(TimeSpan.FromDays(36));
        var second = h.Time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var id in ids)
        {
            await h.Scraper.ScrapeAsync(CollectorHarness.Target(id, sim));
        }

        var all = new DateOnly(2020, 1, 1);
        var end = new DateOnly(2030, 1, 1);
        foreach (var id in ids)
        {
            // Both scrapes had the same series, all finite: the first scrape's raw sample of each goes.
            var series = await h.Store.GetSeriesAsync(id);
            Assert.Equal(series.Count, await h.Store.TrimAsync(id, h.Time.GetUtcNow()));
            foreach (var s in series)
            {
                Assert.Equal(second, Assert.Single(await h.Store.ReadSamplesAsync(id, s.Id, 0, long.MaxValue)).TimestampMs);
                Assert.Equal(2, (await h.Store.ReadRollupsAsync(id, s.Id, all, end)).Count);
            }

            // Two years on, the old rollup goes too, and the second scrape's raw samples.
            Assert.Equal(2 * series.Count, await h.Store.TrimAsync(id, h.Time.GetUtcNow().AddDays(731) - TimeSpan.FromDays(35)));
            var up = series.Single(s => s.Name == "up");
            Assert.Equal(new DateOnly(2025, 4, 6), Assert.Single(await h.Store.ReadRollupsAsync(id, up.Id, all, end)).Day);
            Assert.Empty(await h.Store.ReadSamplesAsync(id, up.Id, 0, long.MaxValue));
        }
    }
}
