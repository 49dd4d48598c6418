using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The stored strings of the write path (layout in docs/collector-storage.md), formatted straight
// to UTF-8: one exact-size array per value, no intermediate string, and a number that occurs
// twice (the sample in its raw member and in `last`, max = last of a rising counter) formatted once.
internal static class StoredText
{
    // 12 numbers of at most 24 characters (round-trip doubles, longs) and separators.
    private const int MaxLength = 384;

    // The raw sorted-set member "<ts_ms>:<value>" (S for a staleness marker) and the `last` entry
    // "<ts_ms> <newest finite value or _> <S|V>", followed by the open day's rollup
    // "<day> <count sum min max last increase first_ts last_ts>" once the series has a finite sample.
    // `ms` is the batch's timestamp as text; `state` is the series' state after the sample.
    public static (byte[] Member, byte[] Last) Sample(ReadOnlySpan<byte> ms, double value, bool isStale, in SeriesRollup state)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var member = new Line(buffer);
        member.Add(ms);
        member.Add((byte)':');
        var valueAt = member.Length;
        if (isStale)
        {
            member.Add("S"u8);
        }
        else if (double.IsFinite(value))
        {
            member.Add(value);
        }
        else
        {
            member.Add(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "+Inf"u8 : "-Inf"u8);
        }

        var memberBytes = member.ToArray();
        ReadOnlySpan<byte> finiteText = double.IsFinite(value) && !isStale ? memberBytes.AsSpan(valueAt) : default;

        var last = new Line(buffer);
        last.Add(ms);
        last.Add((byte)' ');
        if (double.IsNaN(state.LastFinite))
        {
            last.Add((byte)'_');
        }
        else
        {
            last.Add(state.LastFinite, value, finiteText);
        }

        last.Add(isStale ? " S"u8 : " V"u8);
        if (state.Day != long.MinValue)
        {
            last.Add((byte)' ');
            last.Add(state.Day);
            last.Add((byte)' ');
            AddRollup(ref last, state, value, finiteText, finiteText.IsEmpty ? default : ms);
        }

        return (memberBytes, last.ToArray());
    }

    // A closed day in the series' day hash: "count sum min max last increase first_ts last_ts".
    public static byte[] Rollup(in SeriesRollup r)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var line = new Line(buffer);
        AddRollup(ref line, r, double.NaN, default, default);
        return line.ToArray();
    }

    // A day hash field, or the open day of a `last` entry (its fields from `at` on).
    public static DailyRollup ParseRollup(long day, string text) => ParseRollup(day, text.Split(' '), 0);

    public static DailyRollup ParseRollup(long day, string[] parts, int at)
    {
        static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        return new DailyRollup(
            DateOnly.FromDayNumber(SampleStore.EpochDayNumber + (int)day),
            L(parts[at]),
            D(parts[at + 1]),
            D(parts[at + 2]),
            D(parts[at + 3]),
            D(parts[at + 4]),
            D(parts[at + 5]),
            L(parts[at + 6]),
            L(parts[at + 7]));
    }

    // "count sum min max last increase first_ts last_ts", reusing the text of `value` and, when
    // given, of `ms` (the last_ts of a day this sample just rolled into).
    private static void AddRollup(ref Line line, in SeriesRollup r, double value, ReadOnlySpan<byte> valueText, ReadOnlySpan<byte> ms)
    {
        line.Add(r.Count);
        line.Add((byte)' ');
        line.Add(r.Sum);
        line.Add((byte)' ');
        line.Add(r.Min, value, valueText);
        line.Add((byte)' ');
        line.Add(r.Max, value, valueText);
        line.Add((byte)' ');
        line.Add(r.Last, value, valueText);
        line.Add((byte)' ');
        line.Add(r.Increase);
        line.Add((byte)' ');
        line.Add(r.FirstMs);
        line.Add((byte)' ');
        if (ms.IsEmpty)
        {
            line.Add(r.LastMs);
        }
        else
        {
            line.Add(ms);
        }
    }

    private ref struct Line(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Add(byte c) => _buffer[Length++] = c;

        public void Add(ReadOnlySpan<byte> text)
        {
            text.CopyTo(_buffer[Length..]);
            Length += text.Length;
        }

        public void Add(long n)
        {
            n.TryFormat(_buffer[Length..], out var written, default, CultureInfo.InvariantCulture);
            Length += written;
        }

        public void Add(double d)
        {
            d.TryFormat(_buffer[Length..], out var written, "R", CultureInfo.InvariantCulture);
            Length += written;
        }

        // `d`, copying `knownText` when d is bit for bit the number it spells.
        public void Add(double d, double known, ReadOnlySpan<byte> knownText)
        {
            if (!knownText.IsEmpty && BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(known))
            {
                Add(knownText);
            }
            else
            {
                Add(d);
            }
        }

        public readonly byte[] ToArray() => _buffer[..Length].ToArray();
    }
}
