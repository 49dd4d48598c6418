using System.Globalization;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

// One call of the write script: samples [Start, Start + Count) of a batch applied to copies of
// their series' stored state (left in `pending`, committed by the caller once Redis confirms),
// and the keys and arguments that store the result (argument layout in StoreScripts.Write).
internal readonly record struct WriteChunk(int Start, int Count, string Expected, AppliedMarker Marker, int Written, RedisKey[] Keys, RedisValue[] Args)
{
    private const int FixedArgs = 9;
    private static readonly RedisValue HealthFlag = "1";
    private static readonly RedisValue Up = "1";
    private static readonly RedisValue Down = "0";

    public static WriteChunk Build(ScrapeBatch batch, int start, int count, int index, string expected, Span<SeriesRollup> pending)
    {
        var ms = batch.TimestampMs;
        var samples = batch.Samples;

        // Pass 1: the arithmetic, and how many of each write the chunk needs (arrays are exact-size).
        int written = 0, closed = 0, descriptors = 0;
        for (var i = 0; i < count; i++)
        {
            var sample = samples[start + i];
            var stored = sample.Series.Stored;
            var state = stored;
            if (state.Apply(ms, sample.Value, sample.IsStale, out _))
            {
                written++;
                closed += ClosesDay(stored, state) ? 1 : 0;
            }

            descriptors += sample.WithDescriptor ? 1 : 0;
            pending[start + i] = state;
        }

        var keys = new RedisKey[4 + written + closed];
        var args = new RedisValue[FixedArgs + written + (2 * closed) + (2 * descriptors) + (2 * written)];
        var p = batch.PlatformId;
        keys[0] = RedisKeys.Last(p);
        keys[1] = RedisKeys.Series(p);
        keys[2] = RedisKeys.Health(p);
        keys[3] = RedisKeys.Errors(p);
        var marker = new AppliedMarker(ms, index);
        args[0] = expected;
        args[1] = marker.ToString();
        args[2] = ms;
        args[3] = index == 0 ? HealthFlag : RedisValue.EmptyString;
        args[4] = batch.Up ? Up : Down;
        args[5] = batch.Error ?? string.Empty;
        args[6] = written;
        args[7] = closed;
        args[8] = descriptors;

        // Pass 2: the strings. Positions: raw keys and members, then day keys and (day, rollup)
        // pairs of closed days, then descriptor pairs, then `last` pairs.
        int raw = 0, day = 0, desc = 0, last = 0;
        Span<byte> msText = stackalloc byte[20];
        ms.TryFormat(msText, out var msLength, default, CultureInfo.InvariantCulture);
        msText = msText[..msLength];
        var memberAt = FixedArgs;
        var closedAt = memberAt + written;
        var descAt = closedAt + (2 * closed);
        var lastAt = descAt + (2 * descriptors);
        for (var i = 0; i < count; i++)
        {
            var sample = samples[start + i];
            var series = sample.Series;
            if (sample.WithDescriptor)
            {
                args[descAt + (2 * desc)] = series.Field;
                args[descAt + (2 * desc) + 1] = series.Descriptor;
                desc++;
            }

            ref readonly var state = ref pending[start + i];
            var stored = series.Stored;
            if (state.NewestMs != ms || stored.NewestMs >= ms)
            {
                continue; // not newer than what Redis holds: skipped, as a replay must be
            }

            keys[4 + raw] = series.RawKey;
            var (member, lastText) = StoredText.Sample(msText, sample.Value, sample.IsStale, state);
            args[memberAt + raw] = member;
            raw++;
            if (ClosesDay(stored, state))
            {
                keys[4 + written + day] = series.DailyKey;
                args[closedAt + (2 * day)] = stored.Day;
                args[closedAt + (2 * day) + 1] = StoredText.Rollup(stored);
                day++;
            }

            args[lastAt + (2 * last)] = series.Field;
            args[lastAt + (2 * last) + 1] = lastText;
            last++;
        }

        return new WriteChunk(start, count, expected, marker, written, keys, args);
    }

    // A finite sample on a later day closes the open day: its final rollup goes to the day hash.
    private static bool ClosesDay(in SeriesRollup before, in SeriesRollup after) =>
        before.Day != long.MinValue && after.Day != before.Day;
}
