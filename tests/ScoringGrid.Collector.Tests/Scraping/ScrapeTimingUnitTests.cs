using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Scraping;

public class ScrapeTimingUnitTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public void Offset_IsDeterministicAndWithinInterval()
    {
        var a = ScrapeTiming.Offset("acme", Interval);
        Assert.Equal(a, ScrapeTiming.Offset("acme", Interval));
        Assert.InRange(a, TimeSpan.Zero, Interval - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Offset_SpreadsManyTargetsOverTheInterval()
    {
        var buckets = new int[15];
        for (var i = 0; i < 1500; i++)
        {
            buckets[(int)ScrapeTiming.Offset($"platform-{i}", Interval).TotalSeconds]++;
        }

        // 100 expected per one-second bucket; a hash that clusters would leave some near empty.
        Assert.All(buckets, count => Assert.InRange(count, 50, 150));
    }

    [Fact]
    public void NextSlot_IsAlignedToOffset()
    {
        var offset = TimeSpan.FromMilliseconds(3_250);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 7, TimeSpan.Zero);
        var slot = ScrapeTiming.NextSlot(now, Interval, offset);
        Assert.True(slot >= now);
        Assert.True(slot - now < Interval);
        Assert.Equal(0, (slot - DateTimeOffset.UnixEpoch - offset).Ticks % Interval.Ticks);
    }

    [Fact]
    public void NextDue_Healthy_IsTheFollowingSlotAndSkipsMissedOnes()
    {
        var offset = TimeSpan.FromSeconds(2);
        var scheduled = ScrapeTiming.NextSlot(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), Interval, offset);
        Assert.Equal(scheduled + Interval, ScrapeTiming.NextDue(scheduled, scheduled + TimeSpan.FromSeconds(1), Interval, offset, 0, TimeSpan.FromMinutes(5)));

        // A scrape that overran two slots resumes at the next future slot, no burst of catch-ups.
        var late = scheduled + TimeSpan.FromSeconds(40);
        Assert.Equal(scheduled + (3 * Interval), ScrapeTiming.NextDue(scheduled, late, Interval, offset, 0, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 120)]
    [InlineData(5, 240)]
    [InlineData(6, 300)]
    [InlineData(60, 300)]
    public void Backoff_DoublesAndIsCapped(int failures, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ScrapeTiming.Backoff(Interval, failures, TimeSpan.FromMinutes(5)));

    [Fact]
    public void NextDue_AfterRepeatedFailures_BacksOffFromNow()
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(now + TimeSpan.FromSeconds(60), ScrapeTiming.NextDue(now, now, Interval, TimeSpan.Zero, 3, TimeSpan.FromMinutes(5)));
    }
}
