using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Storage;

public class CounterMathUnitTests
{
    private static List<StoredSample> Samples(params double[] values)
    {
        var list = new List<StoredSample>();
        for (var i = 0; i < values.Length; i++)
        {
            list.Add(double.IsNaN(values[i]) ? new StoredSample(i * 15_000, double.NaN, true) : new StoredSample(i * 15_000, values[i], false));
        }

        return list;
    }

    [Fact]
    public void Increase_IsSumOfDeltas() =>
        Assert.Equal(new CounterIncrease(30, 0, 4), CounterMath.Increase(Samples(10, 15, 25, 40)));

    [Fact]
    public void Increase_CountsAResetFromZero()
    {
        // 100 → 130 (+30), reset to 20 (+20, counted from zero), → 50 (+30).
        var result = CounterMath.Increase(Samples(100, 130, 20, 50));
        Assert.Equal(80, result.Total);
        Assert.Equal(1, result.Resets);
    }

    [Fact]
    public void Increase_ResetToZeroThenGrowth()
    {
        var result = CounterMath.Increase(Samples(5, 0, 0, 7, 3));
        Assert.Equal(10, result.Total); // 0 + 0 + 7 + 3 (second reset)
        Assert.Equal(2, result.Resets);
    }

    [Fact]
    public void Increase_SkipsStaleMarkersAndDeltasAcrossThem()
    {
        var result = CounterMath.Increase(Samples(10, double.NaN, 25));
        Assert.Equal(15, result.Total);
        Assert.Equal(2, result.SamplesUsed);
    }

    [Fact]
    public void Increase_OfOneOrNoSampleIsZero()
    {
        Assert.Equal(0, CounterMath.Increase(Samples(42)).Total);
        Assert.Equal(0, CounterMath.Increase(Samples()).Total);
    }
}
