using System.Text;
using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>Batches written straight to a <see cref="SampleStore"/>, what Redis then holds, and rollups computed independently.</summary>
internal static class StoreBatches
{
    public const long Day = 86_400_000;

    // A series as a fresh collector process knows it: nothing loaded from Redis yet.
    public static SeriesEntry Series(string platformId, string id) => new(platformId, id, SeriesDescriptor.Write(id, "gauge", []));

    public static ScrapeBatch Batch(string platformId, long ms, params (SeriesEntry Series, double Value, bool Stale)[] samples)
    {
        var batch = new ScrapeBatch(platformId, ms, up: true, error: null, samples.Length);
        foreach (var (series, value, stale) in samples)
        {
            batch.Samples.Add(new BatchSample(series, value, stale, WithDescriptor: !series.DescriptorStored));
        }

        return batch;
    }

    /// <summary>Every stored value of the platform's keys for these series, in a stable order.</summary>
    public static async Task<string> DumpAsync(IDatabase db, string platformId, IEnumerable<string> seriesIds)
    {
        var text = new StringBuilder();
        void Hash(string name, HashEntry[] entries)
        {
            foreach (var e in entries.OrderBy(e => (string)e.Name!, StringComparer.Ordinal))
            {
                text.Append(name).Append(' ').Append(e.Name).Append('=').Append(e.Value).Append('\n');
            }
        }

        Hash("health", await db.HashGetAllAsync(RedisKeys.Health(platformId)));
        Hash("last", await db.HashGetAllAsync(RedisKeys.Last(platformId)));
        Hash("series", await db.HashGetAllAsync(RedisKeys.Series(platformId)));
        foreach (var id in seriesIds.Order(StringComparer.Ordinal))
        {
            foreach (var e in await db.SortedSetRangeByRankWithScoresAsync(RedisKeys.Raw(platformId, id)))
            {
                text.Append("raw ").Append(id).Append(' ').Append(e.Score).Append(' ').Append(e.Element).Append('\n');
            }

            Hash($"day {id}", await db.HashGetAllAsync(RedisKeys.Daily(platformId, id)));
        }

        text.Append("errors ").AppendJoin(',', (await db.ListRangeAsync(RedisKeys.Errors(platformId))).Select(v => (string)v!));
        return text.ToString();
    }

    /// <summary>
    /// Daily rollups recomputed from raw samples, oldest first, the way docs/collector-storage.md
    /// defines them: finite values only; the increase is the delta to the previous finite sample
    /// (of any day), a drop counting the new value from zero.
    /// </summary>
    public static List<DailyRollup> ExpectedRollups(IEnumerable<StoredSample> raw)
    {
        var days = new List<DailyRollup>();
        double? previous = null;
        foreach (var s in raw.OrderBy(s => s.TimestampMs))
        {
            if (s.IsStale || !double.IsFinite(s.Value))
            {
                continue;
            }

            var v = s.Value;
            var increase = previous is not { } p ? 0 : v >= p ? v - p : v;
            previous = v;
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs).UtcDateTime);
            if (days.Count > 0 && days[^1].Day == day)
            {
                var d = days[^1];
                days[^1] = d with
                {
                    Count = d.Count + 1,
                    Sum = d.Sum + v,
                    Min = Math.Min(d.Min, v),
                    Max = Math.Max(d.Max, v),
                    Last = v,
                    Increase = d.Increase + increase,
                    LastTimestampMs = s.TimestampMs,
                };
            }
            else
            {
                days.Add(new DailyRollup(day, 1, v, v, v, v, increase, s.TimestampMs, s.TimestampMs));
            }
        }

        return days;
    }
}
