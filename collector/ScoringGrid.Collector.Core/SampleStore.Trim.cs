using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Retention, load-test evidence and the restart path.
public sealed partial class SampleStore
{
    private const int TrimChunkSeries = 200;

    /// <summary>
    /// Removes a platform's raw samples older than <see cref="CollectorOptions.RawRetention"/> and
    /// rollup days older than <see cref="CollectorOptions.RollupRetention"/>, measured back from <paramref name="now"/>.
    /// </summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="now">The current time (from the collector's <see cref="TimeProvider"/>).</param>
    /// <returns>The number of raw samples and rollup days removed.</returns>
    public async Task<long> TrimAsync(string platformId, DateTimeOffset now)
    {
        var db = _redis.GetDatabase();
        var ids = await db.HashKeysAsync(RedisKeys.Series(platformId)).Within(_redis).ConfigureAwait(false);
        var rawCut = (now - _options.RawRetention).ToUnixTimeMilliseconds();
        var dayCut = DateOnly.FromDateTime((now - _options.RollupRetention).UtcDateTime).DayNumber - EpochDayNumber;
        long removed = 0;
        for (var start = 0; start < ids.Length; start += TrimChunkSeries)
        {
            var count = Math.Min(TrimChunkSeries, ids.Length - start);
            var keys = new RedisKey[1 + (2 * count)];
            var args = new RedisValue[2 + count];
            keys[0] = RedisKeys.Last(platformId);
            args[0] = rawCut;
            args[1] = dayCut;
            for (var i = 0; i < count; i++)
            {
                var id = (string)ids[start + i]!;
                keys[1 + (2 * i)] = RedisKeys.Raw(platformId, id);
                keys[2 + (2 * i)] = RedisKeys.Daily(platformId, id);
                args[2 + i] = id;
            }

            removed += (long)await db.ScriptEvaluateAsync(StoreScripts.Trim, keys, args).Within(_redis).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>
    /// Stores the result of a verification load test for a figure measured that way
    /// (<c>max_concurrency_rps</c>, <c>response_time_ms</c>); verification then reports it.
    /// </summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="figure">The figure id.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="evidenceJson">The load runner's evidence (a JSON document, stored verbatim).</param>
    /// <param name="recordedAt">When the test ran.</param>
    public Task RecordLoadTestEvidenceAsync(string platformId, string figure, double value, string evidenceJson, DateTimeOffset recordedAt)
    {
        var record = LoadTestRecord.Write(value, recordedAt.ToUnixTimeMilliseconds(), evidenceJson);
        return _redis.GetDatabase().HashSetAsync(RedisKeys.LoadTests(platformId), figure, record).Within(_redis);
    }

    internal async Task<LoadTestRecord?> ReadLoadTestEvidenceAsync(string platformId, string figure)
    {
        var value = await _redis.GetDatabase().HashGetAsync(RedisKeys.LoadTests(platformId), figure).Within(_redis).ConfigureAwait(false);
        return value.IsNull ? null : LoadTestRecord.Read(value!);
    }

    // After a restart: the series whose newest entry is a live sample, i.e. those the next
    // scrape must mark stale if they are gone.
    internal async Task<List<string>> ReadLiveSeriesIdsAsync(string platformId)
    {
        var last = await _redis.GetDatabase().HashGetAllAsync(RedisKeys.Last(platformId)).Within(_redis).ConfigureAwait(false);
        var live = new List<string>(last.Length);
        foreach (var entry in last)
        {
            if (!LastRecord.Parse(entry.Value!).IsStale)
            {
                live.Add(entry.Name!);
            }
        }

        return live;
    }
}
