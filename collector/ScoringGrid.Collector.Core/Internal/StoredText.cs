using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The stored strings of the write path (layout in docs/collector-storage.md), formatted straight
// to UTF-8: one exact-size array per value, no intermediate string, and a number that occurs
// twice (the sample in its raw member and in `last`, max = last of a rising counter) formatted once.
internal static class StoredText
{
    // 12 numbers of at most 24 characters (round-trip doubles, longs) and separators.
    private const int MaxLength = 384;

    // The raw sorted-set member "<ts_ms>:<value>" (S for a staleness marker) and the `last` entry,
    // compact when it can hold the state exactly, else in the full layout (both in LastRecord).
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
        if (IsCompact(state))
        {
            AddCompact(ref last, ms, isStale, state, value, finiteText);
        }
        else
        {
            AddFull(ref last, ms, isStale, state, value, finiteText);
        }

        return (memberBytes, last.ToArray());
    }

    // Whether the compact layout holds the state exactly: an open day, the newest finite value
    // being that day's last (the compact layout writes it once), timestamps inside the day and not
    // after the newest entry, and finite numbers (it has no spelling for the others). A state
    // loaded from an entry of an older layout may not be all that; it keeps the full layout.
    public static bool IsCompact(in SeriesRollup s) =>
        s.Day != long.MinValue
        && s.Count > 0
        && Same(s.LastFinite, s.Last)
        && double.IsFinite(s.Last) && double.IsFinite(s.Sum) && double.IsFinite(s.Min) && double.IsFinite(s.Max) && double.IsFinite(s.Increase)
        && s.LastMs <= s.NewestMs
        && SeriesRollup.DayOf(s.LastMs) == s.Day
        && SeriesRollup.DayOf(s.FirstMs) == s.Day;

    // "<ts>,<last>,<count>,<first>[,s<sum>][,m<min>][,x<max>][,i<increase>][,l<ts - last_ts>][,S]":
    // each optional field only when it differs from its default (count × last, last, last, 0, 0).
    // Most series are gauges that hold still, whose entry is then the first four fields; the
    // bytes matter because Redis' AOF gets every `last` entry of every scrape.
    private static void AddCompact(ref Line line, ReadOnlySpan<byte> ms, bool isStale, in SeriesRollup s, double value, ReadOnlySpan<byte> valueText)
    {
        line.Add(ms);
        line.Add((byte)',');
        line.Add(s.Last, value, valueText);
        line.Add((byte)',');
        line.Add(s.Count);
        line.Add((byte)',');
        line.Add(s.FirstMs - (s.Day * SeriesRollup.MsPerDay));
        if (!Same(s.Sum, s.Count * s.Last))
        {
            line.Add(",s"u8);
            line.Add(s.Sum);
        }

        if (!Same(s.Min, s.Last))
        {
            line.Add(",m"u8);
            line.Add(s.Min, value, valueText);
        }

        if (!Same(s.Max, s.Last))
        {
            line.Add(",x"u8);
            line.Add(s.Max, value, valueText);
        }

        if (!Same(s.Increase, 0))
        {
            line.Add(",i"u8);
            line.Add(s.Increase);
        }

        if (s.NewestMs != s.LastMs)
        {
            line.Add(",l"u8);
            line.Add(s.NewestMs - s.LastMs);
        }

        if (isStale)
        {
            line.Add(",S"u8);
        }
    }

    // "<ts> <newest finite value or _> <S|V>", followed by the open day's rollup
    // "<day> <count sum min max last increase first_ts last_ts>" once the series has a finite sample.
    private static void AddFull(ref Line line, ReadOnlySpan<byte> ms, bool isStale, in SeriesRollup state, double value, ReadOnlySpan<byte> finiteText)
    {
        line.Add(ms);
        line.Add((byte)' ');
        if (double.IsNaN(state.LastFinite))
        {
            line.Add((byte)'_');
        }
        else
        {
            line.Add(state.LastFinite, value, finiteText);
        }

        line.Add(isStale ? " S"u8 : " V"u8);
        if (state.Day != long.MinValue)
        {
            line.Add((byte)' ');
            line.Add(state.Day);
            line.Add((byte)' ');
            AddRollup(ref line, state, value, finiteText, finiteText.IsEmpty ? default : ms);
        }
    }

    // Bit for bit: -0 and 0 are different numbers to store.
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

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
            if (!knownText.IsEmpty && Same(d, known))
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
