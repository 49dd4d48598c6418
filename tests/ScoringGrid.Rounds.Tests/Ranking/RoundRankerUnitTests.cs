using System.Diagnostics;
using ScoringGrid.Rounds.Internal;

namespace ScoringGrid.Rounds.Tests.Ranking;

public sealed class RoundRankerUnitTests
{
    [Fact]
    public void Ties_GoToTheEarlierSubmission_ThenTheLowerApplicationId()
    {
        RankEntry[] entries =
        [
            new() { Group = 1, Primary = 50, FirstSubmittedMs = 300, ApplicationId = "c", Index = 0 },
            new() { Group = 1, Primary = 50, FirstSubmittedMs = 100, ApplicationId = "z", Index = 1 },
            new() { Group = 1, Primary = 50, FirstSubmittedMs = 300, ApplicationId = "a", Index = 2 },
            new() { Group = 1, Primary = 70, FirstSubmittedMs = 900, ApplicationId = "m", Index = 3 },
            new() { Group = 0, Primary = 99, FirstSubmittedMs = 0, ApplicationId = "x", Index = 4 },
            new() { Group = 1, Primary = double.NegativeInfinity, FirstSubmittedMs = 0, ApplicationId = "n", Index = 5 },
        ];

        RoundRanker.Rank(entries);

        Assert.Equal(["m", "z", "a", "c", "n", "x"], entries.Select(e => e.ApplicationId));
    }

    [Fact]
    public void TheSecondaryKey_OrdersWithinAPrimary()
    {
        RankEntry[] entries =
        [
            new() { Primary = 1, Secondary = 10, ApplicationId = "a" },
            new() { Primary = 2, Secondary = 0, ApplicationId = "b" },
            new() { Primary = 1, Secondary = 20, ApplicationId = "c" },
        ];

        RoundRanker.Rank(entries);

        Assert.Equal(["b", "c", "a"], entries.Select(e => e.ApplicationId));
    }

    [Fact]
    public void TheOrder_DoesNotDependOnTheInputOrder()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(0, 5_000)
            .Select(i => new RankEntry { Group = random.Next(2), Primary = random.Next(20), FirstSubmittedMs = random.Next(50), ApplicationId = $"app-{i}", Index = i })
            .ToArray();
        var shuffled = entries.OrderBy(_ => random.Next()).ToArray();

        RoundRanker.Rank(entries);
        RoundRanker.Rank(shuffled);

        Assert.Equal(entries.Select(e => e.ApplicationId), shuffled.Select(e => e.ApplicationId));
    }

    [Fact]
    public void AHundredThousandApplications_RankInUnderASecond()
    {
        var random = new Random(42);
        var entries = Enumerable.Range(0, 100_000)
            .Select(i => new RankEntry { Group = 1, Primary = Math.Round(random.NextDouble() * 100, 2), FirstSubmittedMs = random.Next(1_000_000), ApplicationId = $"app-{i:000000}", Index = i })
            .ToArray();
        RoundRanker.Rank(entries.Take(1000).ToArray());

        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var copy = (RankEntry[])entries.Clone();
            var clock = Stopwatch.StartNew();
            RoundRanker.Rank(copy);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Assert.True(best < TimeSpan.FromSeconds(1), $"ranking 100,000 took {best.TotalMilliseconds} ms");
    }
}
