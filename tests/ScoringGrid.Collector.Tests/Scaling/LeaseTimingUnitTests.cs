using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Scaling;

public class LeaseTimingUnitTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Offset = TimeSpan.FromSeconds(3);
    private static readonly DateTimeOffset Slot = ScrapeTiming.NextSlot(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), Interval, Offset);

    [Fact]
    public void NextPoint_WalksEarlyLateHandoverAroundEachSlot()
    {
        var points = new List<(DateTimeOffset, LeasePoint, DateTimeOffset)>();
        var after = Slot - Interval + (Interval / 4); // the previous slot's Handover
        for (var i = 0; i < 6; i++)
        {
            var next = LeaseTiming.NextPoint(after, Interval, Offset);
            points.Add(next);
            after = next.At;
        }

        Assert.Equal(
        [
            (Slot - TimeSpan.FromSeconds(4), LeasePoint.Early, Slot),
            (Slot - TimeSpan.FromSeconds(1), LeasePoint.Late, Slot),
            (Slot + TimeSpan.FromSeconds(2), LeasePoint.Handover, Slot),
            (Slot + TimeSpan.FromSeconds(4), LeasePoint.Early, Slot + Interval),
            (Slot + TimeSpan.FromSeconds(7), LeasePoint.Late, Slot + Interval),
            (Slot + TimeSpan.FromSeconds(10), LeasePoint.Handover, Slot + Interval),
        ], points);
    }

    [Theory]
    [InlineData(-4000)] // Early: a full 1.25 intervals
    [InlineData(-1000)] // Late
    [InlineData(-7000)] // just after the previous slot: up to 1.75 intervals, same end
    public void Ttl_EndsThreeQuartersOfAnIntervalAfterTheCoveredSlot(int msBeforeSlot)
    {
        var now = Slot + TimeSpan.FromMilliseconds(msBeforeSlot);

        Assert.Equal(Slot, LeaseTiming.CoveredSlot(now, Interval, Offset));
        Assert.Equal(Slot + TimeSpan.FromSeconds(6), now + LeaseTiming.Ttl(now, Interval, Offset));
    }

    [Fact]
    public void RenewalAtEarly_ComesAQuarterIntervalBeforeTheLeaseEnds()
    {
        var renewedAt = Slot - (Interval / 2);
        var end = renewedAt + LeaseTiming.Ttl(renewedAt, Interval, Offset);
        var nextEarly = LeaseTiming.NextPoint(Slot, Interval, Offset);

        Assert.Equal(LeasePoint.Handover, nextEarly.Point);
        var early = LeaseTiming.NextPoint(nextEarly.At, Interval, Offset);
        Assert.Equal(LeasePoint.Early, early.Point);
        Assert.Equal(Interval / 4, end - early.At);
        // An owner starts a scrape of its slot only with the margin left, which the Early renewal leaves.
        Assert.True(end - Slot > LeaseTiming.ScrapeMargin(Interval));
    }

    // The takeover bound of the docs: whenever the owner crashes after its last Early renewal, the
    // lease ends before the next Late point after it, and the survivor that takes it there scrapes
    // that point's slot at most 1.5 intervals after the crash.
    [Fact]
    public void CrashAnywhereInTheInterval_IsTakenOverWithinOneAndAHalfIntervals()
    {
        var renewedAt = Slot - (Interval / 2);
        var end = renewedAt + LeaseTiming.Ttl(renewedAt, Interval, Offset);
        for (var crashMs = 0; crashMs < Interval.TotalMilliseconds; crashMs += 50)
        {
            var crash = renewedAt + TimeSpan.FromMilliseconds(crashMs);
            var point = LeaseTiming.NextPoint(end, Interval, Offset);
            while (point.Point != LeasePoint.Late)
            {
                point = LeaseTiming.NextPoint(point.At, Interval, Offset);
            }

            Assert.True(point.At > end);
            Assert.True(point.Slot - crash <= Interval * 1.5, $"crash at +{crashMs} ms: first scrape {point.Slot - crash} later");
        }
    }
}
