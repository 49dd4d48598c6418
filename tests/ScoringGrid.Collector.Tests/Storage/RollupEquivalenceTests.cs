using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using static ScoringGrid.Collector.Tests.Support.StoreBatches;

namespace ScoringGrid.Collector.Tests.Storage;

[Collection(RedisCollection.Name)]
public class RollupEquivalenceTests(RedisServerFixture redis)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomHistory_RollupsAndLastEqualAnIndependentComputationFromTheRawSamples(int seed)
    {
        // Counters with resets, gauges with NaN and ±Inf, a series that comes and goes (staleness
        // markers), gaps across UTC days; written in multi-chunk batches with replays, lost
        // in-memory state, collector restarts and a second writer taking turns.
        var random = new Random(seed);
        var id = CollectorHarness.NewPlatformId($"rand{seed}");
        var options = CollectorOptions.Default with { WriteChunkSamples = 2 };
        var names = new[] { "c_total", "g", "flaky_total", "n" };
        var writers = new[] { new Writer(new SampleStore(redis.Connection, options), id, names), new Writer(new SampleStore(redis.Connection, options), id, names) };
        var expected = names.ToDictionary(n => n, _ => new List<StoredSample>());
        var counter = 0.0;
        var flakyLive = false;
        var ms = (20_000 * Day) + random.NextInt64(Day);
        ScrapeBatch? previous = null;
        for (var step = 0; step < 400; step++)
        {
            ms += random.Next(10) switch
            {
                0 => random.NextInt64(Day / 2), // hours
                1 when random.Next(4) == 0 => (2 * Day) + random.NextInt64(Day), // days
                _ => 15_000,
            };
            counter = random.Next(12) == 0 ? Math.Round(random.NextDouble() * 20, 1) : counter + Math.Round(random.NextDouble() * 100, 2);
            var samples = new List<(string Name, double Value, bool Stale)>
            {
                ("c_total", random.Next(20) == 0 ? double.NaN : counter, false),
                ("g", random.Next(10) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity, _ => Math.Round((random.NextDouble() - 0.3) * 1e4, 3) }, false),
                ("n", random.Next(3) == 0 ? double.NaN : random.NextDouble(), false),
            };
            if (random.Next(3) > 0)
            {
                samples.Add(("flaky_total", counter / 3, false));
                flakyLive = true;
            }
            else if (flakyLive)
            {
                samples.Add(("flaky_total", double.NaN, true));
                flakyLive = false;
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(samples));
            var writer = writers[random.Next(8) == 0 ? 1 : 0];
            switch (random.Next(12))
            {
                case 0:
                    writer.Restart(); // a new process: new store, new series entries
                    break;
                case 1:
                    writer.Store.Invalidate(id); // as after a write with an unknown outcome
                    break;
                case 2 when previous is not null:
                    Assert.Equal(0, await writer.Store.WriteAsync(writer.Rebatch(previous))); // a replay
                    break;
            }

            var batch = writer.Batch(ms, samples);
            Assert.Equal(samples.Count, await writer.Store.WriteAsync(batch));
            foreach (var (name, value, stale) in samples)
            {
                expected[name].Add(new StoredSample(ms, stale ? double.NaN : value, stale));
            }

            previous = batch;
        }

        var reader = new SampleStore(redis.Connection);
        var stored = (await reader.GetSeriesAsync(id)).ToDictionary(s => s.Id);
        var all = (DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));
        foreach (var name in names)
        {
            var raw = await reader.ReadSamplesAsync(id, name, 0, long.MaxValue);
            Assert.Equal(expected[name], raw);
            Assert.Equal(ExpectedRollups(raw), await reader.ReadRollupsAsync(id, name, all.Item1, all.Item2));

            var newest = raw[^1];
            var finite = raw.Where(s => !s.IsStale && double.IsFinite(s.Value)).Select(s => (double?)s.Value).LastOrDefault();
            Assert.Equal((newest.TimestampMs, finite, newest.IsStale), (stored[name].LastTimestampMs, stored[name].LastValue, stored[name].LastIsStale));
        }
    }

    // One collector process: its store and the series entries its scraper would hold.
    private sealed class Writer(SampleStore store, string platformId, string[] names)
    {
        private Dictionary<string, SeriesEntry> _series = names.ToDictionary(n => n, n => Series(platformId, n));

        public SampleStore Store { get; private set; } = store;

        public void Restart()
        {
            Store = new SampleStore(Store.Database.Multiplexer, Store.Options);
            _series = names.ToDictionary(n => n, n => Series(platformId, n));
        }

        public ScrapeBatch Batch(long ms, List<(string Name, double Value, bool Stale)> samples) =>
            StoreBatches.Batch(platformId, ms, samples.Select(s => (_series[s.Name], s.Value, s.Stale)).ToArray());

        public ScrapeBatch Rebatch(ScrapeBatch batch) =>
            StoreBatches.Batch(platformId, batch.TimestampMs, batch.Samples.Select(s => (_series[s.Series.Id], s.Value, s.IsStale)).ToArray());
    }
}
