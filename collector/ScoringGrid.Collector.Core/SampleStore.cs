using System.Globalization;
using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>
/// Raw samples, daily rollups and scrape health of every platform in Redis (layout in
/// <c>docs/collector-storage.md</c>). Writes go through an idempotent Lua script, so a batch
/// replayed after a connection loss or a collector restart is never counted twice.
/// Thread-safe.
/// </summary>
public sealed partial class SampleStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly CollectorOptions _options;

    /// <summary>Creates a store over a connection.</summary>
    /// <param name="redis">The connection (e.g. from <see cref="CollectorRedis.Connect"/>).</param>
    /// <param name="options">Retention and chunking; <see cref="CollectorOptions.Default"/> when null.</param>
    public SampleStore(IConnectionMultiplexer redis, CollectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _options = options ?? CollectorOptions.Default;
        _options.Validate();
    }

    /// <summary>The options in force.</summary>
    public CollectorOptions Options => _options;

    internal IDatabase Database => _redis.GetDatabase();

    // Sends the batch as pipelined script calls of at most WriteChunkSamples samples each.
    // Throws (RedisException, TimeoutException) if any chunk fails; the caller keeps the batch
    // and replays it, which the script makes safe.
    internal async Task<int> WriteAsync(ScrapeBatch batch)
    {
        var db = _redis.GetDatabase();
        var chunk = _options.WriteChunkSamples;
        var samples = batch.Samples;
        var calls = new List<Task<RedisResult>>((samples.Count / chunk) + 1);
        var start = 0;
        do
        {
            var count = Math.Min(chunk, samples.Count - start);
            var (keys, args) = BuildChunk(batch, start, count, first: start == 0);
            calls.Add(db.ScriptEvaluateAsync(StoreScripts.Write, keys, args));
            start += count;
        }
        while (start < samples.Count);

        var written = 0;
        foreach (var call in calls)
        {
            written += (int)await call.ConfigureAwait(false);
        }

        foreach (var sample in samples)
        {
            if (sample.WithDescriptor)
            {
                sample.Series.DescriptorStored = true;
            }
        }

        return written;
    }

    private static (RedisKey[] Keys, RedisValue[] Args) BuildChunk(ScrapeBatch batch, int start, int count, bool first)
    {
        var p = batch.PlatformId;
        var keys = new RedisKey[4 + (2 * count)];
        keys[0] = RedisKeys.Last(p);
        keys[1] = RedisKeys.Series(p);
        keys[2] = RedisKeys.Health(p);
        keys[3] = RedisKeys.Errors(p);
        var args = new RedisValue[4 + (4 * count)];
        args[0] = count;
        args[1] = first ? batch.TimestampMs.ToString(CultureInfo.InvariantCulture) : string.Empty;
        args[2] = batch.Up ? "1" : "0";
        args[3] = batch.Error ?? string.Empty;
        var ts = batch.TimestampMs.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var sample = batch.Samples[start + i];
            keys[4 + (2 * i)] = sample.Series.RawKey;
            keys[5 + (2 * i)] = sample.Series.DailyKey;
            var a = 4 + (4 * i);
            args[a] = sample.Series.Id;
            args[a + 1] = ts;
            args[a + 2] = sample.IsStale ? "S" : ValueText.Format(sample.Value);
            args[a + 3] = sample.WithDescriptor ? sample.Series.Descriptor : string.Empty;
        }

        return (keys, args);
    }
}
