using System.Globalization;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using static ScoringGrid.Collector.Tests.Support.StoreBatches;

namespace ScoringGrid.Collector.Tests.Storage;

// The write path computes rollups in collector memory; these check it resumes from, and never
// double counts against, what Redis holds.
[Collection(RedisCollection.Name)]
public class WritePathTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private static readonly DateOnly March1 = new(2025, 3, 1);

    [Fact]
    public async Task RestartMidDay_NewScraperAndStore_ResumeTodaysRollupFromRedis()
    {
        await using var sim = await Simulators.StartAsync(SimulatorMode.Growing, o => o with { Devices = 300, DeviceTypes = 1, GrowthPerScrape = 30 });
        var id = CollectorHarness.NewPlatformId("resume");
        var target = CollectorHarness.Target(id, sim);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(CollectorHarness.Start.AddHours(9));
        using (var first = new CollectorHarness(redis.Connection, time: clock))
        {
            await first.ScrapeAsync(target, 3, Step);
        }

        // A new process: new Scraper and SampleStore, nothing in memory but what Redis holds.
        using var second = new CollectorHarness(redis.Connection, time: clock);
        await second.ScrapeAsync(target, 4, Step);

        foreach (var series in await second.Store.GetSeriesAsync(id))
        {
            var raw = await second.Store.ReadSamplesAsync(id, series.Id, 0, long.MaxValue);
            Assert.Equal(7, raw.Count);
            Assert.Equal(ExpectedRollups(raw), await second.Store.ReadRollupsAsync(id, series.Id, March1, March1));
        }

        var devices = (await second.Store.GetSeriesAsync(id)).Single(s => s.Name == "iiot_devices_connected");
        var day = Assert.Single(await second.Store.ReadRollupsAsync(id, devices.Id, March1, March1));
        Assert.Equal((7, 300.0, 480.0, 180.0), (day.Count, day.Min, day.Max, day.Increase)); // 300, 330, … 480: one day, counted once
    }

    [Fact]
    public async Task ReplayedBatch_InMemoryAfterFailureOrInANewStore_ChangesNothing()
    {
        var id = CollectorHarness.NewPlatformId("same");
        var options = CollectorOptions.Default with { WriteChunkSamples = 2 }; // three chunks a batch
        var store = new SampleStore(redis.Connection, options);
        var series = Enumerable.Range(0, 5).Select(i => Series(id, $"s{i}_total")).ToArray();
        ScrapeBatch At(long ms, double v) =>
            Batch(id, ms, series.Select((s, i) => (s, i == 4 ? double.NaN : v * (i + 1), i == 3 && v > 2)).ToArray());

        Assert.Equal(5, await store.WriteAsync(At(1_000, 1)));
        var batch = At(2_000, 3);
        Assert.Equal(5, await store.WriteAsync(batch));
        var ids = series.Select(s => s.Id).ToArray();
        var before = await DumpAsync(redis.Connection.GetDatabase(), id, ids);

        Assert.Equal(0, await store.WriteAsync(batch)); // memory says it is stored: nothing sent
        store.Invalidate(id);
        Assert.Equal(0, await store.WriteAsync(batch)); // as after a failure: reloaded, then skipped
        var fresh = new SampleStore(redis.Connection, options);
        var again = Batch(id, 2_000, batch.Samples.Select(s => (Series(id, s.Series.Id), s.Value, s.IsStale)).ToArray());
        Assert.Equal(0, await fresh.WriteAsync(again)); // a restarted collector replaying it

        Assert.Equal(before, await DumpAsync(redis.Connection.GetDatabase(), id, ids));
        Assert.Equal(5, await fresh.WriteAsync(At(3_000, 4))); // and the next scrape continues
        var s0 = Assert.Single(await fresh.ReadRollupsAsync(id, "s0_total", new DateOnly(1970, 1, 1), new DateOnly(1970, 1, 1)));
        Assert.Equal((3L, 8.0, 3.0), (s0.Count, s0.Sum, s0.Increase));
    }

    [Fact]
    public async Task UtcDayRollover_StartsTheNewDaysRollup_InOneProcessAndAcrossARestart()
    {
        var id = CollectorHarness.NewPlatformId("midnight");
        var day = 20_000 * Day;
        var store = new SampleStore(redis.Connection);
        var c = Series(id, "c_total");
        await store.WriteAsync(Batch(id, day - 30_000, (c, 100, false)));
        await store.WriteAsync(Batch(id, day - 1, (c, 110, false)));
        await store.WriteAsync(Batch(id, day, (c, 125, false))); // midnight belongs to the new day
        await store.WriteAsync(Batch(id, day + Day - 1, (c, double.NaN, true)));

        var restarted = new SampleStore(redis.Connection);
        var c2 = Series(id, "c_total");
        await restarted.WriteAsync(Batch(id, day + Day + 5, (c2, 130, false))); // next day, after a marker

        var rollups = await restarted.ReadRollupsAsync(id, "c_total", DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));
        Assert.Equal(
            [
                new DailyRollup(DateOnly.FromDayNumber(SampleStore.EpochDayNumber + 19_999), 2, 210, 100, 110, 110, 10, day - 30_000, day - 1),
                new DailyRollup(DateOnly.FromDayNumber(SampleStore.EpochDayNumber + 20_000), 1, 125, 125, 125, 125, 15, day, day),
                new DailyRollup(DateOnly.FromDayNumber(SampleStore.EpochDayNumber + 20_001), 1, 130, 130, 130, 130, 5, day + Day + 5, day + Day + 5),
            ],
            rollups);
    }

    [Fact]
    public async Task CounterResetAcrossARestart_CountsTheNewValueFromZero()
    {
        var id = CollectorHarness.NewPlatformId("reset");
        var store = new SampleStore(redis.Connection);
        var c = Series(id, "c_total");
        foreach (var (ms, v) in new[] { (1_000L, 10.0), (2_000L, 20.0), (3_000L, 50.0) })
        {
            await store.WriteAsync(Batch(id, ms, (c, v, false)));
        }

        // The collector restarts and so did the endpoint: its counter starts again from zero.
        var restarted = new SampleStore(redis.Connection);
        var c2 = Series(id, "c_total");
        foreach (var (ms, v) in new[] { (4_000L, 5.0), (5_000L, 12.0) })
        {
            await restarted.WriteAsync(Batch(id, ms, (c2, v, false)));
        }

        var day = Assert.Single(await restarted.ReadRollupsAsync(id, "c_total", new DateOnly(1970, 1, 1), new DateOnly(1970, 1, 1)));
        Assert.Equal(new DailyRollup(new DateOnly(1970, 1, 1), 5, 97, 5, 50, 12, 40 + 5 + 7, 1_000, 5_000), day);
    }

    [Fact]
    public async Task AnotherWriterInBetween_StaleMemoryIsReloadedNotWrittenOver()
    {
        // Two collectors writing one platform in turn (a lease handover): each one's memory goes
        // stale when the other writes, and the applied marker makes it reload instead.
        var id = CollectorHarness.NewPlatformId("handover");
        var a = new SampleStore(redis.Connection);
        var b = new SampleStore(redis.Connection);
        var ca = Series(id, "c_total");
        var cb = Series(id, "c_total");
        var ms = 0L;
        foreach (var (writer, series, v) in new[] { (a, ca, 10.0), (a, ca, 20.0), (b, cb, 30.0), (a, ca, 45.0), (b, cb, 3.0), (b, cb, 9.0), (a, ca, 10.0) })
        {
            Assert.Equal(1, await writer.WriteAsync(Batch(id, ms += 1_000, (series, v, false))));
        }

        var raw = await a.ReadSamplesAsync(id, "c_total", 0, long.MaxValue);
        var day = Assert.Single(await a.ReadRollupsAsync(id, "c_total", new DateOnly(1970, 1, 1), new DateOnly(1970, 1, 1)));
        Assert.Equal(Assert.Single(ExpectedRollups(raw)), day);
        Assert.Equal((7L, 35.0 + 3 + 6 + 1), (day.Count, day.Increase));
    }

    [Fact]
    public async Task Trim_OfASeriesThatStopped_RemovesItsOpenDayFromLastButKeepsItsNewestValue()
    {
        var id = CollectorHarness.NewPlatformId("stopped");
        var store = new SampleStore(redis.Connection);
        var (a, b) = (Series(id, "a"), Series(id, "b"));
        var now = 20_000 * Day;
        await store.WriteAsync(Batch(id, now - (2 * Day), (a, 1, false), (b, 1, false)));
        await store.WriteAsync(Batch(id, now, (a, 2, false))); // b stopped two days ago
        var all = (DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));

        var cut = DateTimeOffset.FromUnixTimeMilliseconds(now - Day) + store.Options.RollupRetention; // b's day is past retention, a's today is not
        Assert.Equal(1 + 3 + 1, await store.TrimAsync(id, cut)); // a's first day, the three raw samples, b's open day
        Assert.Empty(await store.ReadRollupsAsync(id, "b", all.Item1, all.Item2));
        Assert.Equal(new DateOnly(2024, 10, 4), Assert.Single(await store.ReadRollupsAsync(id, "a", all.Item1, all.Item2)).Day);
        var stopped = (await store.GetSeriesAsync(id)).Single(s => s.Id == "b");
        Assert.Equal((now - (2 * Day), 1.0, false), (stopped.LastTimestampMs, stopped.LastValue, stopped.LastIsStale));
    }

    [Fact]
    public async Task DataWrittenByThePreviousScript_IsReadAndContinuedExactly()
    {
        var id = CollectorHarness.NewPlatformId("legacy");
        var db = redis.Connection.GetDatabase();
        var day = 20_100 * Day;
        await LegacyStoreScript.WriteAsync(db, id, day + 1_000, ("c_total", 0.1, false), ("g", 7.25, false));
        await LegacyStoreScript.WriteAsync(db, id, day + 2_000, ("c_total", 0.30000000000000004, false), ("g", double.PositiveInfinity, false));
        await LegacyStoreScript.WriteAsync(db, id, day + 3_000, ("c_total", 0.2, false), ("g", double.NaN, true));

        var store = new SampleStore(redis.Connection);
        var (c, g) = (Series(id, "c_total"), Series(id, "g"));
        await store.WriteAsync(Batch(id, day + 4_000, (c, 1.7, false), (g, -3.5, false)));
        await store.WriteAsync(Batch(id, day + Day + 1, (c, 2.9, false), (g, 1e300, false)));

        var all = (DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));
        foreach (var sid in new[] { "c_total", "g" })
        {
            var raw = await store.ReadSamplesAsync(id, sid, 0, long.MaxValue);
            Assert.Equal(5, raw.Count);
            Assert.Equal(ExpectedRollups(raw), await store.ReadRollupsAsync(id, sid, all.Item1, all.Item2));
        }

        var g2 = (await store.GetSeriesAsync(id)).Single(s => s.Id == "g");
        Assert.Equal((day + Day + 1, 1e300, false), (g2.LastTimestampMs, g2.LastValue, g2.LastIsStale));
    }

    [Fact]
    public async Task LastEntriesInTheFullLayout_AreContinuedExactly_AndTrimmed()
    {
        // What the collector wrote before the compact `last` layout: raw members, descriptors and
        // `last` entries in the full layout, the open day inside.
        var id = CollectorHarness.NewPlatformId("full");
        var db = redis.Connection.GetDatabase();
        var day = 20_100 * Day;
        static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        async Task PreviousAsync(string sid, bool staleAtEnd, params (long Ms, double Value)[] samples)
        {
            foreach (var (ms, v) in samples)
            {
                await db.SortedSetAddAsync(RedisKeys.Raw(id, sid), $"{ms}:{ValueText.Format(v)}", ms);
            }

            var r = ExpectedRollups(samples.Select(s => new StoredSample(s.Ms, s.Value, IsStale: false)))[^1];
            var ts = samples[^1].Ms + (staleAtEnd ? 1_000 : 0);
            if (staleAtEnd)
            {
                await db.SortedSetAddAsync(RedisKeys.Raw(id, sid), $"{ts}:S", ts);
            }

            var dayNumber = r.Day.DayNumber - SampleStore.EpochDayNumber;
            await db.HashSetAsync(RedisKeys.Last(id), sid, string.Join(' ',
                ts, R(r.Last), staleAtEnd ? "S" : "V", dayNumber, r.Count, R(r.Sum), R(r.Min), R(r.Max), R(r.Last), R(r.Increase), r.FirstTimestampMs, r.LastTimestampMs));
            await db.HashSetAsync(RedisKeys.Series(id), sid, SeriesDescriptor.Write(sid, "gauge", []));
        }

        await PreviousAsync("c_total", false, (day + 1_000, 0.1), (day + 2_000, 0.30000000000000004), (day + 3_000, 0.2));
        await PreviousAsync("g", false, (day + 1_000, 7.25), (day + 2_000, -3.5));
        await PreviousAsync("s", true, (day + 1_000, 5), (day + 2_000, 5));
        Assert.DoesNotContain(",", (string?)await db.HashGetAsync(RedisKeys.Last(id), "c_total"), StringComparison.Ordinal);

        var store = new SampleStore(redis.Connection);
        var c = Series(id, "c_total");
        Assert.Equal(1, await store.WriteAsync(Batch(id, day + 4_000, (c, 1.7, false))));
        Assert.Equal(1, await store.WriteAsync(Batch(id, day + Day + 1, (c, 2.9, false))));
        Assert.Contains(",", (string?)await db.HashGetAsync(RedisKeys.Last(id), "c_total"), StringComparison.Ordinal);

        var all = (DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));
        var raw = await store.ReadSamplesAsync(id, "c_total", 0, long.MaxValue);
        Assert.Equal(5, raw.Count);
        Assert.Equal(ExpectedRollups(raw), await store.ReadRollupsAsync(id, "c_total", all.Item1, all.Item2));
        Assert.Equal(2, (await store.ReadRollupsAsync(id, "c_total", all.Item1, all.Item2)).Count);
        Assert.Equal(ExpectedRollups(await store.ReadSamplesAsync(id, "g", 0, long.MaxValue)), await store.ReadRollupsAsync(id, "g", all.Item1, all.Item2));

        // The stopped series' open days (full layout) and c_total's closed day go; c_total's open day (compact) stays.
        var cut = DateTimeOffset.FromUnixTimeMilliseconds(day + Day) + store.Options.RollupRetention;
        Assert.Equal(3, await store.TrimAsync(id, cut) - 10); // the 10 raw samples are past their retention too
        Assert.Empty(await store.ReadRollupsAsync(id, "g", all.Item1, all.Item2));
        Assert.Empty(await store.ReadRollupsAsync(id, "s", all.Item1, all.Item2));
        Assert.Equal(ExpectedRollups(raw)[^1], Assert.Single(await store.ReadRollupsAsync(id, "c_total", all.Item1, all.Item2)));
        var series = (await store.GetSeriesAsync(id)).ToDictionary(s => s.Id);
        Assert.Equal((day + 2_000, -3.5, false), (series["g"].LastTimestampMs, series["g"].LastValue, series["g"].LastIsStale));
        Assert.Equal((day + 3_000, 5.0, true), (series["s"].LastTimestampMs, series["s"].LastValue, series["s"].LastIsStale));
    }

    [Fact]
    public async Task Trim_OfCompactEntries_CutsOnlyOpenDaysPastRetention_KeepingTimestampValueAndFlag()
    {
        var id = CollectorHarness.NewPlatformId("trimc");
        var store = new SampleStore(redis.Connection);
        var (a, b, m) = (Series(id, "a"), Series(id, "b"), Series(id, "m"));
        var now = 20_000 * Day;
        await store.WriteAsync(Batch(id, now - (2 * Day), (a, 1, false), (b, 1, false), (m, 4, false)));
        await store.WriteAsync(Batch(id, now - (2 * Day) + 5, (a, 2, false), (b, double.NaN, false), (m, double.NaN, true)));
        await store.WriteAsync(Batch(id, now, (a, 3, false)));
        var db = redis.Connection.GetDatabase();
        Assert.Equal("1727827200005,1,1,0,l5", (string?)await db.HashGetAsync(RedisKeys.Last(id), "b")); // last_ts before ts

        var cut = DateTimeOffset.FromUnixTimeMilliseconds(now - Day) + store.Options.RollupRetention;
        Assert.Equal(1 + 2, await store.TrimAsync(id, cut) - 7); // a's closed day, b's and m's open days; 7 raw samples
        Assert.Equal("1727827200005 1 V", (string?)await db.HashGetAsync(RedisKeys.Last(id), "b"));
        Assert.Equal("1727827200005 4 S", (string?)await db.HashGetAsync(RedisKeys.Last(id), "m"));
        var all = (DateOnly.FromDayNumber(SampleStore.EpochDayNumber), new DateOnly(2100, 1, 1));
        Assert.Equal(3.0, Assert.Single(await store.ReadRollupsAsync(id, "a", all.Item1, all.Item2)).Last);
        Assert.Empty(await store.ReadRollupsAsync(id, "b", all.Item1, all.Item2));

        // Both trimmed series go on from their kept value, in a new process (this one's memory still
        // has the open days it wrote).
        store = new SampleStore(redis.Connection);
        await store.WriteAsync(Batch(id, now + 1, (b, 0.5, false), (m, 6, false)));
        Assert.Equal(0.5, Assert.Single(await store.ReadRollupsAsync(id, "b", all.Item1, all.Item2)).Increase); // a reset from 1
        Assert.Equal(2.0, Assert.Single(await store.ReadRollupsAsync(id, "m", all.Item1, all.Item2)).Increase);
    }
}
