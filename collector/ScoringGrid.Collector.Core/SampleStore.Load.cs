using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Loading the write state of series the collector does not hold in memory: after a start, after
// a write whose outcome is unknown, and for series first seen by this process.
public sealed partial class SampleStore
{
    private static readonly RedisValue AppliedField = "applied";

    // Reads, for the batch's series not synced with `platform`, their `last` entries (one HMGET;
    // they carry the open day), plus the platform's applied marker if unknown. The marker is read
    // first, so a write slipping in between these reads changes it and the write script then
    // refuses the chunk instead of storing a stale computation.
    private static async Task LoadStateAsync(IDatabase db, ScrapeBatch batch, PlatformWriteState platform)
    {
        List<SeriesEntry>? unknown = null;
        foreach (var sample in batch.Samples)
        {
            if (!ReferenceEquals(sample.Series.Synced, platform))
            {
                (unknown ??= []).Add(sample.Series);
            }
        }

        if (unknown is null && platform.MarkerLoaded)
        {
            return;
        }

        var p = batch.PlatformId;
        var markerTask = platform.MarkerLoaded ? null : db.HashGetAsync(RedisKeys.Health(p), AppliedField);
        Task<RedisValue[]>? lastTask = null;
        if (unknown is not null)
        {
            var fields = new RedisValue[unknown.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = unknown[i].Field;
            }

            lastTask = db.HashGetAsync(RedisKeys.Last(p), fields);
        }

        var marker = markerTask is null ? (RedisValue?)null : await markerTask.Within(db.Multiplexer).ConfigureAwait(false);
        if (lastTask is not null)
        {
            var last = await lastTask.Within(db.Multiplexer).ConfigureAwait(false);
            var records = new LastRecord?[unknown!.Count];
            var legacy = new Task<RedisValue>?[unknown.Count];
            for (var i = 0; i < records.Length; i++)
            {
                if (last[i].IsNull)
                {
                    continue;
                }

                var record = LastRecord.Parse(last[i]!);
                records[i] = record;
                if (record.OpenDay is null)
                {
                    // Written before the open day moved into `last`: it is in the day hash, and only
                    // the newest entry's day can still grow.
                    legacy[i] = db.HashGetAsync(unknown[i].DailyKey, SeriesRollup.DayOf(record.TimestampMs));
                }
            }

            for (var i = 0; i < records.Length; i++)
            {
                var state = SeriesRollup.Empty;
                if (records[i] is { } record)
                {
                    var day = legacy[i] is { } dayTask ? await dayTask.Within(db.Multiplexer).ConfigureAwait(false) : RedisValue.Null;
                    state = SeriesRollup.From(record, day.IsNull ? null : StoredText.ParseRollup(SeriesRollup.DayOf(record.TimestampMs), day!));
                }

                unknown[i].Stored = state;
                unknown[i].Synced = platform;
            }
        }

        if (marker is { } m)
        {
            platform.Set(m.IsNull ? string.Empty : (string)m!);
        }
    }
}
