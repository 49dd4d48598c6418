using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §5: independent tiers, process industries, the 20 % third-party rule, priority.
public class JsIiotPlatform2019UnitTests
{
    private static readonly JsIiotPlatform2019Rulebook Book = new();

    [Fact]
    public void ProcessIndustry_CountsCollectionPoints_NotDevices()
    {
        var process = Book.Minimal("cross-industry", "process");
        Assert.DoesNotContain("connected_devices", process.Figures.Keys);
        Assert.Equal("cross-industry", Shipped.Score(process).Level);

        // A discrete platform that declares itself process industry now needs collection points.
        var switched = Book.Minimal("enterprise", "discrete").Flag("process_industry");
        var result = Shipped.Score(switched);
        Assert.False(result.Criterion("devices", "enterprise").Passed);
        Assert.Contains("collection_points", result.Criterion("devices", "enterprise").Explanation, StringComparison.Ordinal);
        Assert.Equal("", result.Level);

        // And a process platform with many devices but too few points still fails.
        var points = Shipped.Score(Book.Minimal("industry", "process").Figure("connected_devices", 1_000_000).Figure("collection_points", 9_999));
        Assert.False(points.Criterion("devices", "industry").Passed);
    }

    [Theory]
    [InlineData(600, 3_000, true)]
    [InlineData(600, 3_005, false)]
    [InlineData(500, 2_500, true)]
    [InlineData(500, 2_501, false)]
    [InlineData(10_000, 50_000, true)]
    public void CrossIndustry_ThirdPartyDevelopers_AtLeastTwentyPercentOfTotal(double thirdParty, double total, bool passes)
    {
        var app = Book.Minimal("cross-industry", "discrete").Figure("third_party_developers", thirdParty).Figure("total_developers", total);

        var result = Shipped.Score(app);

        var c = result.Criterion("third_party_developers", "cross-industry");
        Assert.Equal(passes, c.Passed);
        Assert.Contains("20 %", c.Explanation, StringComparison.Ordinal);
        Assert.Equal(passes ? "cross-industry" : "industry", result.Level);
    }

    [Fact]
    public void Industry_ThirdPartyDevelopers_HasNoPercentageRule()
    {
        var result = Shipped.Score(Book.Minimal("industry", "discrete").Figure("total_developers", 1_000_000));

        Assert.Equal("industry", result.Level);
    }

    [Fact]
    public void Tiers_AreIndependent_CrossIndustryWithoutEnterpriseOnlyDedicatedTeam()
    {
        // dedicated_team is an enterprise-tier requirement only.
        var result = Shipped.Score(Book.Minimal("cross-industry", "discrete").Flag("dedicated_team", false));

        Assert.Equal("cross-industry", result.Level);
        Assert.False(result.Criterion("operator", "enterprise").Passed);
    }

    [Fact]
    public void Enterprise_DoesNotNeedIaas()
    {
        var result = Shipped.Score(Book.Minimal("enterprise", "discrete").Flag("iaas", false));

        Assert.Equal("enterprise", result.Level);
        Assert.False(result.Criterion("basic_capability", "industry").Passed);
    }

    [Fact]
    public void IdentifierResolutionNode_IsAPriority_NotAGate()
    {
        var with = Shipped.Score(Book.Minimal("industry", "discrete").Flag("identifier_resolution_node"));
        var without = Shipped.Score(Book.Minimal("industry", "discrete"));

        Assert.Equal(["priority.identifier_resolution"], with.Priorities);
        Assert.Empty(without.Priorities);
        Assert.Equal("industry", with.Level);
        Assert.Equal("industry", without.Level);
    }

    [Fact]
    public void Example_IsIndustryTier()
    {
        var result = Shipped.Score(Examples.Load("js-iiot-platform-2019-xcmg-link.json"));

        Assert.Equal("industry", result.Level);
        Assert.Equal("cross-industry", result.NextLevel);
    }
}
