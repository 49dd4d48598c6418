using ScoringGrid.Load.Models;

namespace ScoringGrid.Load.Tests.Models;

public class ArrivalScheduleUnitTests
{
    [Fact]
    public void ConstantRate_StartsEveryOneOverRate()
    {
        var schedule = new ConstantArrivalRate(100, TimeSpan.FromSeconds(2)).CreateSchedule()!;
        var times = Drain(schedule);
        Assert.Equal(200, times.Count);
        for (var i = 0; i < times.Count; i++)
        {
            Assert.Equal(i / 100.0, times[i], 9);
        }
    }

    [Fact]
    public void Ramp_FollowsTheIntegralOfTheRate()
    {
        // 0 → 100/s over 2 s holds 100 arrivals, 25 of them in the first second (∫0..1 50t dt).
        var schedule = new RampingArrivalRate(0, [new RateStage(100, TimeSpan.FromSeconds(2)), new RateStage(100, TimeSpan.FromSeconds(1)), new RateStage(0, TimeSpan.FromSeconds(1))]).CreateSchedule()!;
        var times = Drain(schedule);
        Assert.InRange(times.Count, 249, 251);   // 100 + 100 + 50
        Assert.Equal(25, times.Count(static t => t < 1.0));
        Assert.InRange(times.Count(static t => t is >= 2.0 and < 3.0), 99, 101);
        Assert.InRange(times.Count(static t => t >= 3.0), 49, 51);
        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(times[i] >= times[i - 1]);
        }

        Assert.True(times[^1] <= 4.0);
    }

    [Fact]
    public void ParseStages_ReadsDurationRatePairs()
    {
        var stages = RateStage.ParseList("10s:100, 500ms:20,2m:0");
        Assert.Equal([new RateStage(100, TimeSpan.FromSeconds(10)), new RateStage(20, TimeSpan.FromMilliseconds(500)), new RateStage(0, TimeSpan.FromMinutes(2))], stages);
        Assert.Throws<FormatException>(() => RateStage.ParseList("10:100"));
        Assert.Throws<FormatException>(() => RateStage.ParseList("10s:-1"));
    }

    private static List<double> Drain(ArrivalSchedule schedule)
    {
        var list = new List<double>();
        while (schedule.TryNext(out var t))
        {
            list.Add(t);
        }

        return list;
    }
}
