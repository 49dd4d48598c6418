using System.Text;
using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Storage;

// The stored strings are read by other code and people (redis-cli): their layouts are fixed, and
// every layout ever written must stay readable (LastRecord).
public class StoredTextUnitTests
{
    private const long Day = SeriesRollup.MsPerDay;
    private static readonly byte[] Ms = "86400000"u8.ToArray();

    private static (string Member, string Last) Sample(ref SeriesRollup state, double value, bool stale = false)
    {
        Assert.True(state.Apply(86_400_000, value, stale, out _));
        var (member, last) = StoredText.Sample(Ms, value, stale, state);
        return (Encoding.UTF8.GetString(member), Encoding.UTF8.GetString(last));
    }

    // The `last` entry of a state after a sample at its NewestMs, read back.
    private static (string Text, LastRecord Record) WriteAndRead(in SeriesRollup state, double value, bool stale)
    {
        var ms = Encoding.UTF8.GetBytes(state.NewestMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = Encoding.UTF8.GetString(StoredText.Sample(ms, value, stale, state).Last);
        return (text, LastRecord.Parse(text));
    }

    private static void AssertSameState(in SeriesRollup expected, in SeriesRollup actual)
    {
        static long B(double d) => BitConverter.DoubleToInt64Bits(d);
        Assert.Equal(
            (expected.NewestMs, B(expected.LastFinite), expected.Day, expected.Count, B(expected.Sum), B(expected.Min), B(expected.Max)),
            (actual.NewestMs, B(actual.LastFinite), actual.Day, actual.Count, B(actual.Sum), B(actual.Min), B(actual.Max)));
        Assert.Equal(
            (B(expected.Last), B(expected.Increase), expected.FirstMs, expected.LastMs),
            (B(actual.Last), B(actual.Increase), actual.FirstMs, actual.LastMs));
    }

    [Fact]
    public void Sample_Finite_WritesMemberAndCompactLast()
    {
        var state = SeriesRollup.Empty;
        state.NewestMs = 1;
        state.LastFinite = 0.5;
        Assert.Equal(("86400000:0.1", "86400000,0.1,1,0,i0.1"), Sample(ref state, 0.1)); // a drop from 0.5: a reset
    }

    [Fact]
    public void Sample_NaNInfAndMarker_KeepTheValueAndOpenDayUnderTheNewTimestamp()
    {
        var state = SeriesRollup.Empty;
        Assert.Equal(("86400000:NaN", "86400000 _ V"), Sample(ref state, double.NaN));

        var withDay = SeriesRollup.From(LastRecord.Parse("1000 7 V 0 2 9 2 7 7 5 10 1000"), legacyDay: null);
        var copy = withDay;
        Assert.Equal(("86400000:+Inf", "86400000,7,2,10,s9,m2,i5,l86399000"), Sample(ref copy, double.PositiveInfinity));
        copy = withDay;
        Assert.Equal(("86400000:S", "86400000,7,2,10,s9,m2,i5,l86399000,S"), Sample(ref copy, double.NaN, stale: true));
    }

    [Fact]
    public void CompactLast_OfAGaugeThatHoldsStill_IsFourShortFields()
    {
        var state = SeriesRollup.Empty;
        var t0 = (20_400 * Day) + 3_000;
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(state.Apply(t0 + (i * 5_000), 52_631, false, out _));
        }

        var (text, record) = WriteAndRead(state, 52_631, stale: false);
        Assert.Equal("1762564998000,52631,1000,3000", text); // the full layout: 86 bytes
        AssertSameState(state, SeriesRollup.From(record, legacyDay: null));
    }

    public static TheoryData<double[]> Histories => new()
    {
        { [1, 2, 3, 4] },                               // a counter
        { [10, 11, 3, 5] },                             // a counter that reset
        { [0.1, 0.2, 0.30000000000000004, -0.0] },      // sums that are not count × last
        { [-0.0, -0.0] },                               // -0 is not 0
        { [1e300, -1e-300, 5e-324, -1e300] },
        { [double.Epsilon, 0.3] },
        { [7, double.NaN] },                            // newest entry NaN: last_ts before ts
        { [7, double.PositiveInfinity, 8, double.NegativeInfinity] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void CompactLast_RoundTripsTheStateBitForBit_AndTheMarkerFlag(double[] values)
    {
        var state = SeriesRollup.Empty;
        var t = (20_400 * Day) + 1;
        foreach (var v in values)
        {
            Assert.True(state.Apply(t += 15_000, v, false, out _));
            foreach (var stale in new[] { false, true })
            {
                var (text, record) = WriteAndRead(state, v, stale);
                Assert.Contains(",", text, StringComparison.Ordinal);
                Assert.Equal((state.NewestMs, stale), (record.TimestampMs, record.IsStale));
                AssertSameState(state, SeriesRollup.From(record, legacyDay: null));
            }
        }
    }

    public static TheoryData<string> NotCompact => new() { "sum", "lastFinite", "first", "day" };

    // States the compact layout cannot spell (a sum that overflowed, a state loaded from an older
    // entry that disagrees with itself) keep the full layout, which is as exact.
    [Theory]
    [MemberData(nameof(NotCompact))]
    public void Last_ThatTheCompactLayoutCannotHoldExactly_FallsBackToTheFullLayout(string what)
    {
        var state = SeriesRollup.Empty;
        var t = (20_400 * Day) + 60_000;
        Assert.True(state.Apply(t, 1e308, false, out _));
        Assert.True(state.Apply(t + 1, 1e308, false, out _));
        switch (what)
        {
            case "sum": Assert.Equal(double.PositiveInfinity, state.Sum); break;
            case "lastFinite": state.Sum = 4; state.LastFinite = 3; break;
            case "first": state.Sum = 4; state.FirstMs = t - Day; break;
            case "day": state.Sum = 4; state.Day++; break;
        }

        var (text, record) = WriteAndRead(state, 1e308, stale: false);
        Assert.DoesNotContain(",", text, StringComparison.Ordinal);
        Assert.Equal(12, text.Split(' ').Length);
        AssertSameState(state, SeriesRollup.From(record, legacyDay: null));
    }

    [Fact]
    public void LastEntries_OfEveryOlderLayout_AreRead()
    {
        // Full layout, as written before the compact one.
        var full = LastRecord.Parse("5000 -3.25 S 0 3 1E+300 -3.25 1E+300 -3.25 12.5 1000 4000");
        Assert.Equal((5000L, -3.25, true), (full.TimestampMs, full.Value, full.IsStale));
        Assert.Equal(new DailyRollup(new DateOnly(1970, 1, 1), 3, 1e300, -3.25, 1e300, -3.25, 12.5, 1000, 4000), full.OpenDay);
        var state = SeriesRollup.From(full, legacyDay: null);
        Assert.Equal("3 1E+300 -3.25 1E+300 -3.25 12.5 1000 4000", Encoding.UTF8.GetString(StoredText.Rollup(state)));

        // Full layout of a real day, and of a series with no finite sample yet.
        var live = LastRecord.Parse("1762566000000 52631 V 20400 1000 52631000 52631 52631 52631 0 1762560003000 1762566000000");
        Assert.Equal((1762566000000L, 52631.0, false), (live.TimestampMs, live.Value, live.IsStale));
        Assert.Equal(new DailyRollup(new DateOnly(2025, 11, 8), 1000, 52631000, 52631, 52631, 52631, 0, 1762560003000, 1762566000000), live.OpenDay);
        var none = LastRecord.Parse("5000 _ V");
        Assert.Equal((5000L, (double?)null, false, (DailyRollup?)null), (none.TimestampMs, none.Value, none.IsStale, none.OpenDay));

        // The first write path's three fields, the open day in the day hash.
        var first = LastRecord.Parse("1762566000000 0.5 S");
        Assert.Equal((1762566000000L, 0.5, true, (DailyRollup?)null), (first.TimestampMs, first.Value, first.IsStale, first.OpenDay));
    }

    [Fact]
    public void CompactLast_Defaults_AreWhatTheRestImplies()
    {
        var r = LastRecord.Parse("1762566000000,2.5,4,3000,l5000,S");
        Assert.Equal((1762566000000L, 2.5, true), (r.TimestampMs, r.Value, r.IsStale));
        Assert.Equal(new DailyRollup(new DateOnly(2025, 11, 8), 4, 10, 2.5, 2.5, 2.5, 0, 1762560003000, 1762565995000), r.OpenDay);
        Assert.Throws<FormatException>(() => LastRecord.Parse("1762566000000,2.5,4,3000,q1"));
    }
}
