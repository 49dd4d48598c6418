using System.Diagnostics;
using ScoringGrid.Rounds.Tests.Support;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Tests.Registry;

[Collection(RedisCollection.Name)]
public sealed class DisqualificationRegistryTests(RedisServerFixture redis)
{
    [Fact]
    public async Task CurrentAsync_RefreshesWithoutBlocking_AndSeesANewBanAndALift_OnceTheIntervalHasPassed()
    {
        var h = new RoundsHarness(redis);
        var other = new RedisDisqualificationRegistry(redis.Connection, h.Time, h.Prefix, TimeSpan.FromSeconds(5));
        var asOf = new DateOnly(2020, 1, 1);
        Assert.Null((await other.CurrentAsync()).Find("CC-7", asOf));

        await h.Registry.DisqualifyAsync("CC-7", "forged invoices", new DateOnly(2019, 6, 1), "k");
        var beforeRefresh = (await other.CurrentAsync()).Find("CC-7", asOf);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var afterRefresh = await other.CurrentAsync();
        await h.Registry.LiftAsync("CC-7", "overturned", "k");
        var heldSnapshot = afterRefresh.Find("CC-7", asOf);
        h.Time.Advance(TimeSpan.FromSeconds(6));

        Assert.Null(beforeRefresh);
        Assert.Equal("forged invoices", afterRefresh.Find("CC-7", asOf)?.Reason);
        // A snapshot is what scoring read: it does not change under a later lift.
        Assert.Equal("forged invoices", heldSnapshot?.Reason);
        Assert.Null((await other.CurrentAsync()).Find("CC-7", asOf));
        Assert.Null(other.Find("CC-7", asOf));
    }

    [Fact]
    public async Task ABan_KeepsAnApplicantOut_ForThreeYears_ThenExpires()
    {
        var h = new RoundsHarness(redis, withRegistry: true, start: new DateTimeOffset(2018, 9, 1, 8, 0, 0, TimeSpan.Zero));
        await h.Rounds.CreateRoundAsync("hb-1", Applications.Hebei, "key-admin");
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h1", "CC-FRAUD"));
        var ban = await h.Registry.DisqualifyAsync("CC-FRAUD", "虚假材料", new DateOnly(2018, 1, 10), "key-evaluator");
        Assert.Equal(new DateOnly(2021, 1, 9), ban.Until);

        var during = await h.Rounds.EvaluateAsync("hb-1", "h1", "key-admin");
        h.Time.SetUtcNow(new DateTimeOffset(2021, 1, 9, 23, 0, 0, TimeSpan.Zero));
        var lastDay = await h.Rounds.EvaluateAsync("hb-1", "h1", "key-admin");
        h.Time.SetUtcNow(new DateTimeOffset(2021, 1, 10, 0, 0, 1, TimeSpan.Zero));
        var after = await h.Rounds.EvaluateAsync("hb-1", "h1", "key-admin");

        Assert.False(during.Result.Eligible);
        Assert.False(during.Result.Criteria.Single(c => c.Id == "gate.not_banned").Passed);
        Assert.False(lastDay.Result.Eligible);
        Assert.True(after.Result.Eligible);
        Assert.Equal("benchmark", after.Result.Level);
    }

    [Theory]
    [InlineData("2020-02-29")]
    [InlineData("2019-03-01")]
    [InlineData("2021-12-31")]
    public async Task Until_MatchesTheCoreRegistry(string since)
    {
        var h = new RoundsHarness(redis);
        var day = DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture);

        var ours = await h.Registry.DisqualifyAsync("CC-1", "r", day, "k");
        var core = new DisqualificationRegistry().Ban("CC-1", "r", day);

        Assert.Equal(core, ours);
        Assert.Equal(ours, await h.Registry.FindAnyAsync("CC-1"));
    }

    [Fact]
    public async Task AnotherInstance_SeesANewBan_AndALift()
    {
        var h = new RoundsHarness(redis);
        var other = new RedisDisqualificationRegistry(redis.Connection, h.Time, h.Prefix, TimeSpan.FromSeconds(5));
        var asOf = new DateOnly(2020, 1, 1);
        Assert.Null(other.Find("CC-9", asOf));

        await h.Registry.DisqualifyAsync("CC-9", "duplicate application", new DateOnly(2019, 6, 1), "k");
        var beforeRefresh = other.Find("CC-9", asOf);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var afterRefresh = other.Find("CC-9", asOf);
        await other.LiftAsync("CC-9", "overturned", "k");

        Assert.Null(beforeRefresh);
        Assert.Equal("duplicate application", afterRefresh?.Reason);
        Assert.Null(other.Find("CC-9", asOf));
        Assert.Null(h.Registry.Find("CC-9", asOf));
        var log = await h.Registry.GetLogAsync();
        Assert.Equal(2, log.Count);
        Assert.Contains("\"action\":\"lift\"", log[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_IsALocalLookup()
    {
        var h = new RoundsHarness(redis);
        var registry = new RedisDisqualificationRegistry(redis.Connection, h.Time, h.Prefix, TimeSpan.FromSeconds(1));
        await registry.DisqualifyAsync("CC-1", "r", new DateOnly(2020, 1, 1), "k");
        var asOf = new DateOnly(2021, 1, 1);

        var clock = Stopwatch.StartNew();
        var hits = 0;
        for (var i = 0; i < 100_000; i++)
        {
            hits += registry.Find(i % 2 == 0 ? "CC-1" : "CC-2", asOf) is null ? 0 : 1;
        }

        Assert.Equal(50_000, hits);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"100,000 lookups took {clock.ElapsedMilliseconds} ms");
    }
}
