using ScoringGrid.Rounds.Internal;

namespace ScoringGrid.Rounds.Tests.Ranking;

public sealed class HorizontalTiersUnitTests
{
    private static readonly double[] Tiers = [0.1, 0.3, 0.6];

    [Fact]
    public void EqualValues_ShareTheBestPosition_AndItsTier()
    {
        double[] values = [5, 9, 9, 1, double.NaN, 7];
        var positions = new int[values.Length];
        var tiers = new int[values.Length];

        var n = HorizontalTiers.Assign(values, Tiers, positions, tiers);

        Assert.Equal(5, n);
        Assert.Equal([4, 1, 1, 5, 0, 3], positions);
        // n = 5: bounds ⌈0.5⌉ = 1, ⌈1.5⌉ = 2, ⌈3⌉ = 3.
        Assert.Equal([4, 1, 1, 4, 0, 3], tiers);
    }

    [Fact]
    public void AHundredValues_SplitTenTwentyThirtyForty()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var positions = new int[100];
        var tiers = new int[100];

        HorizontalTiers.Assign(values, Tiers, positions, tiers);

        Assert.Equal([10, 20, 30, 40], tiers.GroupBy(t => t).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(1, tiers[99]);
        Assert.Equal(4, tiers[0]);
    }
}
