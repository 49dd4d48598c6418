namespace ScoringGrid.Collector.Internal;

// A series' newest stored state, mirrored in collector memory: what its `last` entry holds, the
// open day's rollup (the day of the newest finite sample) included. Apply is the arithmetic the
// write script used to do in Lua, so Redis now only stores the strings computed from it.
internal struct SeriesRollup
{
    public const long MsPerDay = 86_400_000;

    // Newest entry (sample or marker) in ms; long.MinValue when the series has none.
    public long NewestMs;

    // Newest finite value ("_" in `last` when NaN: none yet); the base of the next counter delta.
    public double LastFinite;

    // The rollup: UTC day number, long.MinValue when none.
    public long Day;
    public long Count;
    public double Sum;
    public double Min;
    public double Max;
    public double Last;
    public double Increase;
    public long FirstMs;
    public long LastMs;

    public static SeriesRollup Empty => new() { NewestMs = long.MinValue, LastFinite = double.NaN, Day = long.MinValue };

    // Days since 1970-01-01 (UTC), rounding down as Lua's math.floor did.
    public static long DayOf(long ms) => ms >= 0 ? ms / MsPerDay : ((ms + 1) / MsPerDay) - 1;

    // The state a `last` entry and, for entries without an open day (written before it moved
    // into `last`), the day hash's field of the newest entry's day describe.
    public static SeriesRollup From(LastRecord last, DailyRollup? legacyDay)
    {
        var state = Empty;
        state.NewestMs = last.TimestampMs;
        state.LastFinite = last.Value ?? double.NaN;
        if ((last.OpenDay ?? legacyDay) is { } r)
        {
            state.Day = r.Day.DayNumber - SampleStore.EpochDayNumber;
            (state.Count, state.Sum, state.Min, state.Max, state.Last) = (r.Count, r.Sum, r.Min, r.Max, r.Last);
            (state.Increase, state.FirstMs, state.LastMs) = (r.Increase, r.FirstTimestampMs, r.LastTimestampMs);
        }

        return state;
    }

    // Applies a sample or marker at `ms`. False when it is not newer than the newest entry: writes
    // are idempotent per (series, timestamp). `rolledUp` tells whether the day's rollup changed
    // (finite values only; markers, NaN and ±Inf are stored raw but not rolled up).
    public bool Apply(long ms, double value, bool isStale, out bool rolledUp)
    {
        rolledUp = false;
        if (ms <= NewestMs)
        {
            return false;
        }

        NewestMs = ms;
        if (isStale || !double.IsFinite(value))
        {
            return true;
        }

        // Reset-aware: a drop means the counter restarted from zero, so the new value is the delta.
        var increase = double.IsNaN(LastFinite) ? 0 : value >= LastFinite ? value - LastFinite : value;
        var day = DayOf(ms);
        if (day == Day)
        {
            Count++;
            Sum += value;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
            Increase += increase;
        }
        else
        {
            Day = day;
            Count = 1;
            Sum = value;
            Min = value;
            Max = value;
            Increase = increase;
            FirstMs = ms;
        }

        Last = value;
        LastMs = ms;
        LastFinite = value;
        rolledUp = true;
        return true;
    }
}
