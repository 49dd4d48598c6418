using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The `last` hash entry of a series, in every layout written so far (docs/collector-storage.md):
// - compact, the current one: "<ts>,<last>,<count>,<first>" then, only where they differ from what
//   the rest implies, ",s<sum>" ",m<min>" ",x<max>" ",i<increase>" ",l<ts - last_ts>", and ",S" for a
//   staleness marker; `first` is first_ts in ms since the start of the open day, the day of last_ts;
// - full: "<ts> <last finite value or _> <S|V>", then "<day> <count sum min max last increase first_ts
//   last_ts>" once the series has a finite sample (still written when the compact layout cannot
//   hold a state exactly, and without the day for series that have no open day);
// - the first write path's: the first three fields only, the open day in the day hash.
// Only the compact layout has commas, the others only spaces.
internal readonly record struct LastRecord(long TimestampMs, double? Value, bool IsStale, DailyRollup? OpenDay)
{
    public static LastRecord Parse(string text) => text.Contains(',') ? ParseCompact(text) : ParseFull(text);

    private static LastRecord ParseFull(string text)
    {
        var parts = text.Split(' ');
        double? value = parts[1] == "_" ? null : double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        var open = parts.Length >= 12 ? StoredText.ParseRollup(long.Parse(parts[3], CultureInfo.InvariantCulture), parts, 4) : null;
        return new LastRecord(long.Parse(parts[0], CultureInfo.InvariantCulture), value, parts.Length > 2 && parts[2] == "S", open);
    }

    private static LastRecord ParseCompact(string text)
    {
        var rest = text.AsSpan();
        var ts = Long(Next(ref rest));
        var last = Double(Next(ref rest));
        var count = Long(Next(ref rest));
        var first = Long(Next(ref rest));
        double sum = count * last, min = last, max = last, increase = 0;
        long lag = 0;
        var stale = false;
        while (!rest.IsEmpty)
        {
            var field = Next(ref rest);
            switch (field.IsEmpty ? '\0' : field[0])
            {
                case 's': sum = Double(field[1..]); break;
                case 'm': min = Double(field[1..]); break;
                case 'x': max = Double(field[1..]); break;
                case 'i': increase = Double(field[1..]); break;
                case 'l': lag = Long(field[1..]); break;
                case 'S' when field.Length == 1: stale = true; break;
                default: throw new FormatException($"unknown field '{field}' in `last` entry '{text}'");
            }
        }

        var lastMs = ts - lag;
        var day = SeriesRollup.DayOf(lastMs);
        var open = new DailyRollup(
            DateOnly.FromDayNumber(SampleStore.EpochDayNumber + (int)day),
            count,
            sum,
            min,
            max,
            last,
            increase,
            (day * SeriesRollup.MsPerDay) + first,
            lastMs);
        return new LastRecord(ts, last, stale, open);
    }

    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        var comma = rest.IndexOf(',');
        var field = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? default : rest[(comma + 1)..];
        return field;
    }

    private static long Long(ReadOnlySpan<char> s) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static double Double(ReadOnlySpan<char> s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
