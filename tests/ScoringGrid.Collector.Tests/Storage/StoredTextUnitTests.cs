using System.Text;
using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Storage;

// The stored strings are read by other code and people (redis-cli): their layout is fixed.
public class StoredTextUnitTests
{
    private static readonly byte[] Ms = "86400000"u8.ToArray();

    private static (string Member, string Last) Sample(ref SeriesRollup state, double value, bool stale = false)
    {
        Assert.True(state.Apply(86_400_000, value, stale, out _));
        var (member, last) = StoredText.Sample(Ms, value, stale, state);
        return (Encoding.UTF8.GetString(member), Encoding.UTF8.GetString(last));
    }

    [Fact]
    public void Sample_Finite_WritesMemberAndLastWithTheOpenDay()
    {
        var state = SeriesRollup.Empty;
        state.NewestMs = 1;
        state.LastFinite = 0.5;
        Assert.Equal(("86400000:0.1", "86400000 0.1 V 1 1 0.1 0.1 0.1 0.1 0.1 86400000 86400000"), Sample(ref state, 0.1));
    }

    [Fact]
    public void Sample_NaNInfAndMarker_KeepTheValueAndOpenDayUnderTheNewTimestamp()
    {
        var state = SeriesRollup.Empty;
        Assert.Equal(("86400000:NaN", "86400000 _ V"), Sample(ref state, double.NaN));

        var withDay = SeriesRollup.From(LastRecord.Parse("1000 7 V 0 2 9 2 7 7 5 10 1000"), legacyDay: null);
        var copy = withDay;
        Assert.Equal(("86400000:+Inf", "86400000 7 V 0 2 9 2 7 7 5 10 1000"), Sample(ref copy, double.PositiveInfinity));
        copy = withDay;
        Assert.Equal(("86400000:S", "86400000 7 S 0 2 9 2 7 7 5 10 1000"), Sample(ref copy, double.NaN, stale: true));
    }

    [Fact]
    public void Rollup_AndLastRecord_RoundTrip()
    {
        var record = LastRecord.Parse("5000 -3.25 S 0 3 1E+300 -3.25 1E+300 -3.25 12.5 1000 4000");
        Assert.Equal((5000L, -3.25, true), (record.TimestampMs, record.Value, record.IsStale));
        var state = SeriesRollup.From(record, legacyDay: null);
        Assert.Equal("3 1E+300 -3.25 1E+300 -3.25 12.5 1000 4000", Encoding.UTF8.GetString(StoredText.Rollup(state)));
        Assert.Null(LastRecord.Parse("5000 _ V").OpenDay); // a series without a finite sample, or the previous layout
    }
}
