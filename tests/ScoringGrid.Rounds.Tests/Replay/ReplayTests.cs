using ScoringGrid.Rounds.Tests.Support;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Tests.Replay;

[Collection(RedisCollection.Name)]
public sealed class ReplayTests(RedisServerFixture redis)
{
    // Hebei with an earlier first-contract deadline, as a new version of the same programme.
    private static RuleSetCatalog WithStricterHebei()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "hb-benchmark-2018.yaml"));
        var stricter = yaml.Replace("version: \"2018.1\"", "version: \"2018.2\"", StringComparison.Ordinal)
            .Replace("on_or_before: 2018-08-31", "on_or_before: 2018-04-30", StringComparison.Ordinal);
        Assert.NotEqual(yaml, stricter);
        return RuleSetCatalog.Create([.. RoundsHarness.ShippedCatalog.RuleSets, RuleSetCatalog.Compile("hb-benchmark-2018.v2.yaml", stricter)]);
    }

    [Fact]
    public async Task Replay_ListsWhoChangesLevel_AndTheRulesThatMadeTheDifference()
    {
        var h = new RoundsHarness(redis, WithStricterHebei());
        var round = await h.Rounds.CreateRoundAsync("hb-1", "hb-benchmark-2018@2018.1", "key-admin");
        var early = Applications.Hebei2018("h-early", "CC-1");
        early.Dates["first_cloud_contract_signed"] = "2018-03-01";
        await h.SubmitAsync("hb-1", early);
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-may", "CC-2"));
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-dirty", "CC-3", eligible: false));

        var report = await h.Rounds.ReplayAsync("hb-1", "hb-benchmark-2018@2018.2", "key-admin");

        Assert.Equal((round.RuleSet, "hb-benchmark-2018@2018.2", 3), (report.From, report.To, report.Compared));
        var change = Assert.Single(report.Changes);
        Assert.Equal(("h-may", "benchmark", "", true, false), (change.ApplicationId, change.LevelBefore, change.LevelAfter, change.EligibleBefore, change.EligibleAfter));
        var rule = Assert.Single(change.Rules);
        Assert.Equal(("gate.first_contract", (bool?)true, (bool?)false), (rule.Id, rule.PassedBefore, rule.PassedAfter));
        Assert.Empty(report.Failed);
        var trail = await h.Rounds.GetAuditTrailAsync("hb-1", "h-may");
        Assert.Contains(trail, r => r.Kind == AuditKinds.Replay && r.RuleSet == "hb-benchmark-2018@2018.2");
        Assert.Equal(round.RuleSet, (await h.Rounds.GetRoundAsync("hb-1")).RuleSet);
    }

    [Fact]
    public async Task Replay_ReportsScoreChanges_WithTheLinesThatMoved()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "zj-cloud-enterprise-2021.yaml"));
        var heavier = yaml.Replace("version: \"2021.1\"", "version: \"2021.2\"", StringComparison.Ordinal)
            .Replace("{id: investment, title: Cloud share of IT investment (3 years), title_zh: 近三年上云投入占比, line: {weight: 5,",
                "{id: investment, title: Cloud share of IT investment (3 years), title_zh: 近三年上云投入占比, line: {weight: 10,", StringComparison.Ordinal);
        Assert.NotEqual(yaml, heavier);
        var catalog = RuleSetCatalog.Create([.. RoundsHarness.ShippedCatalog.RuleSets, RuleSetCatalog.Compile("zj.v2.yaml", heavier)]);
        var h = new RoundsHarness(redis, catalog);
        await h.Rounds.CreateRoundAsync("zj-1", "zj-cloud-enterprise-2021@2021.1", "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));
        var none = Applications.Zhejiang2021("a0", "ningbo", 0.5);
        none.Figures.Remove("cloud_investment_3y_wan");
        none.Figures.Remove("it_investment_3y_wan");
        await h.SubmitAsync("zj-1", none);

        var report = await h.Rounds.ReplayAsync("zj-1", "zj-cloud-enterprise-2021@2021.2");

        var change = Assert.Single(report.Changes);
        Assert.Equal(("a1", 37.5, 40.0), (change.ApplicationId, change.ScoreBefore, change.ScoreAfter));
        var line = Assert.Single(change.Rules);
        Assert.Equal(("investment", 2.5, 5.0), (line.Id, line.PointsBefore, line.PointsAfter));
    }

    [Fact]
    public async Task Replay_UnderAnotherProgramme_IsRefused()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("hb-1", Applications.Hebei, "key-admin");

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.ReplayAsync("hb-1", RoundsHarness.ShippedKey(Applications.Zhejiang)));

        Assert.Equal(RoundsErrorCodes.InvalidArgument, e.Code);
    }
}
