using System.Buffers;
using System.Collections.Concurrent;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>
/// Raw samples, daily rollups and scrape health of every platform in Redis (layout in
/// <c>docs/collector-storage.md</c>). Rollups are computed in memory and written with a script
/// that applies a chunk only if Redis is still in the state the computation started from, so a
/// batch replayed after a connection loss or a collector restart is never counted twice.
/// Thread-safe; the writes of one platform must not overlap (<see cref="Scraper"/> serialises them).
/// </summary>
public sealed partial class SampleStore
{
    // A chunk refused because Redis moved under the collector is recomputed from a reload; more
    // refusals in a row mean another writer is active, and the batch waits in the buffer instead.
    private const int WriteAttempts = 3;

    private readonly IConnectionMultiplexer _redis;
    private readonly CollectorOptions _options;
    private readonly ConcurrentDictionary<string, PlatformWriteState> _platforms = new(StringComparer.Ordinal);

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

    // Sends the batch as pipelined script calls of at most WriteChunkSamples samples each and
    // returns how many samples were stored. Throws (RedisException, TimeoutException) if the
    // outcome of a chunk is unknown, WriteConflictException if Redis keeps moving under it. The
    // caller keeps the batch and replays it, which is safe: the failure dropped the platform's
    // in-memory state, the replay reloads it from Redis and skips the chunks Redis holds.
    internal async Task<int> WriteAsync(ScrapeBatch batch)
    {
        var written = 0;
        for (var attempt = 1; ; attempt++)
        {
            var platform = _platforms.GetOrAdd(batch.PlatformId, static _ => new PlatformWriteState());
            var (stored, conflict) = await TryWriteAsync(batch, platform).ConfigureAwait(false);
            written += stored;
            if (!conflict)
            {
                return written;
            }

            if (attempt == WriteAttempts)
            {
                throw new WriteConflictException(batch.PlatformId);
            }
        }
    }

    // Drops the in-memory state of a platform: the next write reloads it from Redis.
    internal void Invalidate(string platformId) => _platforms.TryRemove(platformId, out _);

    private async Task<(int Written, bool Conflict)> TryWriteAsync(ScrapeBatch batch, PlatformWriteState platform)
    {
        var db = _redis.GetDatabase();
        await LoadStateAsync(db, batch, platform).ConfigureAwait(false);

        var samples = batch.Samples;
        var size = _options.WriteChunkSamples;
        var pending = ArrayPool<SeriesRollup>.Shared.Rent(Math.Max(samples.Count, 1));
        try
        {
            var chunks = new List<WriteChunk>((samples.Count / size) + 1);
            var calls = new List<Task<RedisResult>>(chunks.Capacity);
            var expected = platform.MarkerText;
            var start = 0;
            var index = 0;
            do
            {
                var count = Math.Min(size, samples.Count - start);
                if (new AppliedMarker(batch.TimestampMs, index).CompareTo(platform.Marker) > 0)
                {
                    // Chunks at or below the marker are in Redis already (this is a replay).
                    var chunk = WriteChunk.Build(batch, start, count, index, expected, pending);
                    chunks.Add(chunk);
                    calls.Add(db.ScriptEvaluateAsync(StoreScripts.Write, chunk.Keys, chunk.Args));
                    expected = (string)chunk.Args[1]!;
                }

                start += count;
                index++;
            }
            while (start < samples.Count);

            try
            {
                await Task.WhenAll(calls).Within(_redis).ConfigureAwait(false);
            }
            catch
            {
                // Applied or not, nobody knows: memory may no longer match Redis.
                Invalidate(batch.PlatformId);
                throw;
            }

            return Confirm(batch, platform, chunks, calls, pending);
        }
        finally
        {
            ArrayPool<SeriesRollup>.Shared.Return(pending);
        }
    }

    // Commits the state of every chunk Redis applied. A refused chunk means Redis is not where
    // memory thought: if Redis is at or past that chunk it holds it already (nothing to do but
    // reload before the next write); if it is behind, the chunk is retried after a reload.
    private (int Written, bool Conflict) Confirm(
        ScrapeBatch batch, PlatformWriteState platform, List<WriteChunk> chunks, List<Task<RedisResult>> calls, SeriesRollup[] pending)
    {
        var written = 0;
        var diverged = false;
        var conflict = false;
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var found = (string?)calls[c].Result ?? string.Empty;
            if (found == chunk.Expected)
            {
                written += chunk.Written;
                if (!diverged)
                {
                    Commit(batch, chunk, pending);
                    platform.Set((string)chunk.Args[1]!);
                }

                continue;
            }

            if (!diverged)
            {
                diverged = true;
                Invalidate(batch.PlatformId);
            }

            conflict |= AppliedMarker.Parse(found).CompareTo(chunk.Marker) < 0;
        }

        return (written, conflict);
    }

    private static void Commit(ScrapeBatch batch, WriteChunk chunk, SeriesRollup[] pending)
    {
        for (var i = chunk.Start; i < chunk.Start + chunk.Count; i++)
        {
            var sample = batch.Samples[i];
            sample.Series.Stored = pending[i];
            if (sample.WithDescriptor)
            {
                sample.Series.DescriptorStored = true;
            }
        }
    }
}
