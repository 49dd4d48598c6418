using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// Gap reports: the smallest changes to the next level above the one reached, with exact texts.
public class GapUnitTests
{
    [Fact]
    public void Iiot_Example_NeedsPlus1240ConnectedDevicesForCrossIndustry()
    {
        var result = Shipped.Score(Examples.Load("js-iiot-platform-2019-xcmg-link.json"));

        var gap = Assert.Single(result.Gaps, g => g.Target == "connected_devices");
        Assert.Equal("+1,240 connected_devices", gap.Text);
        Assert.Equal("cross-industry", gap.Level);
        Assert.Equal("figure", gap.Kind);
        Assert.Equal(3_760, gap.Current);
        Assert.Equal(5_000, gap.Needed);
        Assert.Equal("connected_devices 还差 1,240", gap.TextZh);
    }

    [Fact]
    public void Iiot_ThirdPartyGap_IsTheTwentyPercentOfTotalDevelopers()
    {
        var result = Shipped.Score(Examples.Load("js-iiot-platform-2019-xcmg-link.json"));

        var gap = Assert.Single(result.Gaps, g => g.Target == "third_party_developers");
        Assert.Equal(600, gap.Needed); // 20 % of 3,000
        Assert.Equal("+80 third_party_developers", gap.Text);
    }

    [Fact]
    public void JsStar2018_Example_PercentFigureGap_ReadsAsAMove()
    {
        var result = Shipped.Score(Examples.Load("js-star-2018-wuxi-textiles.json"));

        Assert.Equal("4-star", result.Level);
        var gap = Assert.Single(result.Gaps, g => g.Target == "monthly_user_usage_pct");
        Assert.Equal("monthly_user_usage_pct 79 → 80", gap.Text);
        Assert.Equal("5-star", gap.Level);
        Assert.Equal(79, gap.Current);
        Assert.Equal(80, gap.Needed);
        Assert.Contains(result.Gaps, g => g.Text == "declare total_cloud_investment_yuan ≥ 4,000,000");
    }

    [Fact]
    public void JsStar2019_Example_TickOneMoreOfThePooledItems()
    {
        var result = Shipped.Score(Examples.Load("js-star-2019-suzhou-gear.json"));

        Assert.Equal("3-star", result.Level);
        var gap = Assert.Single(result.Gaps);
        Assert.Equal("4-star", gap.Level);
        Assert.Equal("items", gap.Kind);
        Assert.Equal(5, gap.Current);
        Assert.Equal(6, gap.Needed);
        Assert.Equal(
            "tick 1 more of: data.basic, data.design, data.sales, data.service, data.other, device.high_energy, device.general_power, " +
            "device.new_energy, device.other, edge.processing, edge.analytics, devsvc.inspection, devsvc.work_orders, devsvc.maintenance, " +
            "devsvc.realtime, devsvc.reports, devsvc.traceability, devsvc.scada_screens, devsvc.remote_control, devsvc.exec_optimization",
            gap.Text);
    }

    [Fact]
    public void Subclasses_GapListsOnlyUnrealisedSubclasses()
    {
        var app = new JsStar2018Rulebook().Minimal("4-star").Deployment("public").Tick("core.rd.case_library");

        var result = Shipped.Score(app);

        Assert.Equal("4-star", result.Level);
        var gap = Assert.Single(result.Gaps, g => g.Kind == "subclasses" && g.Target.Contains("core", StringComparison.Ordinal));
        Assert.Equal("realise 2 more sub-classes (tick one item of each) of: core.erp; supply (core.supply.procurement, core.supply.logistics); core.crm; core.customer_service; core.ecommerce; core.production_data", gap.Text);
    }

    [Fact]
    public void NoLevel_GapsTargetTheLowestLevel()
    {
        var result = Shipped.Score(new JsStar2019Rulebook().Minimal("3-star").Untick(JsStar2019Rulebook.App[1]));

        Assert.Equal("", result.Level);
        Assert.Equal("3-star", result.NextLevel);
        Assert.NotEmpty(result.Gaps);
        Assert.All(result.Gaps, g => Assert.Equal("3-star", g.Level));
        // The "or" picks the cheaper branch: one more APP item rather than three basic cloud items.
        var gap = Assert.Single(result.Gaps);
        Assert.StartsWith("tick 1 more of: app.design.case_library", gap.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleThresholds.Baselines), MemberType = typeof(RuleThresholds))]
    public void Gaps_TargetTheNextLevelAboveTheOneReached_NoneAtTheTop(string ruleSet, string variant, string level)
    {
        var section = RulebookSection.For(ruleSet);

        var result = Shipped.Score(section.Minimal(level, variant));

        if (result.LevelIndex == section.Levels.Length - 1)
        {
            Assert.Equal("", result.NextLevel);
            Assert.Empty(result.Gaps);
        }
        else
        {
            Assert.Equal(section.Levels[result.LevelIndex + 1], result.NextLevel);
            Assert.NotEmpty(result.Gaps);
            Assert.All(result.Gaps, g => Assert.Equal(result.NextLevel, g.Level));
        }
    }

    [Fact]
    public void ClosingEveryFigureGap_ReachesTheNextLevel()
    {
        // The iiot example: applying each gap's Needed (and the flags) must reach cross-industry.
        var app = Examples.Load("js-iiot-platform-2019-xcmg-link.json");
        var result = Shipped.Score(app);
        foreach (var gap in result.Gaps)
        {
            if (gap.Kind == "figure")
            {
                app.Figures[gap.Target] = gap.Needed;
            }
            else if (gap.Kind == "flag")
            {
                app.Flags[gap.Target] = true;
            }
        }

        Assert.Equal("cross-industry", Shipped.Score(app).Level);
    }
}

/// Shared theory data (every rule set, variant and level).
public static class RuleThresholds
{
    public static TheoryData<string, string, string> Baselines => RuleSets.RulebookThresholdUnitTests.Baselines;
}
