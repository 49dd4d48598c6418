using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §2: sub-classes, IT-service items, the 5-star total investment.
public class JsStar2018UnitTests
{
    private static readonly JsStar2018Rulebook Book = new();

    [Fact]
    public void ThreeItemsOfOneSubclass_CountAsOneSubclass()
    {
        // The 4-star baseline realises rd, scheduling and mes; replace scheduling and mes by more rd items.
        var app = Book.Minimal("4-star").Deployment("public").Untick("core.scheduling").Untick("core.mes").Tick("core.rd.case_library", "core.rd.collaboration");

        var result = Shipped.Score(app);

        var core = result.Criterion("core.subclasses", "4-star");
        Assert.False(core.Passed);
        Assert.Equal(1, core.Observed);
        Assert.Equal("3-star", result.Level);
    }

    [Fact]
    public void BothSupplyItems_CountAsOneSubclass_AndSingleItemsAreTheirOwnSubclass()
    {
        var app = Book.Minimal("3-star").Untick("core.rd.app").Tick("core.supply.procurement", "core.supply.logistics", "core.erp");

        Assert.Equal(2, Shipped.Score(app).Criterion("core.subclasses", "3-star").Observed);
    }

    [Fact]
    public void DeepInnovationItems_AreOneSubclass()
    {
        var app = Book.Minimal("5-star").Untick("deep.market_analysis").Tick("deep.innovation.networked", "deep.innovation.service");

        var result = Shipped.Score(app);

        Assert.Equal(1, result.Criterion("deep.subclasses", "5-star").Observed);
        Assert.False(result.Criterion("deep.subclasses", "5-star").Passed);
        Assert.NotEqual("5-star", result.Level);
    }

    [Fact]
    public void ItServiceItems_TickedByOtherEnterprises_AreIgnoredWithANote_AndNeverCountAsCoreSubclasses()
    {
        // 3 core sub-classes are needed at 4-star; two real ones plus IT items must not make three.
        var app = Book.Minimal("4-star").Untick("core.mes").Tick(JsStar2018Rulebook.ItServices).Flag("it_service_enterprise", false);

        var result = Shipped.Score(app);

        Assert.Equal(2, result.Criterion("core.subclasses", "4-star").Observed);
        Assert.False(result.Criterion("core.subclasses", "4-star").Passed);
        Assert.NotEqual("4-star", result.Level);
        foreach (var item in JsStar2018Rulebook.ItServices)
        {
            Assert.Contains(result.Notes, n => n.Contains(item, StringComparison.Ordinal) && n.Contains("ignored", StringComparison.Ordinal));
        }

        var it = result.Criterion("it.items", "4-star");
        Assert.True(it.Passed);
        Assert.Contains("not applicable", it.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ItServiceItems_WhenUndeclaredFlag_AreIgnoredToo()
    {
        var result = Shipped.Score(Book.Minimal("3-star").Tick("core.it.dev"));

        Assert.Contains(result.Notes, n => n.Contains("core.it.dev ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void ItServiceEnterprise_WithoutItItems_FailsEveryLevel()
    {
        var app = Book.Minimal("3-star", "it").Untick("core.it.dev");

        var result = Shipped.Score(app);

        Assert.False(result.Criterion("it.items", "3-star").Passed);
        Assert.Equal("", result.Level);
    }

    [Fact]
    public void ItItems_DoNotApplyToOtherEnterprises()
    {
        var result = Shipped.Score(Book.Minimal("5-star"));

        Assert.Equal("5-star", result.Level);
        Assert.Null(result.Criterion("it.items", "5-star").Observed);
    }

    [Fact]
    public void FiveStar_NeedsTotalInvestment_NotAnnual()
    {
        var annualOnly = Book.Minimal("5-star").NoFigure("total_cloud_investment_yuan").Figure("annual_cloud_investment_yuan", 100_000_000);
        var result = Shipped.Score(annualOnly);
        Assert.NotEqual("5-star", result.Level);
        Assert.False(result.Criterion("cloud_investment", "5-star").Passed);
        Assert.Contains("total_cloud_investment_yuan", result.Criterion("cloud_investment", "5-star").Explanation, StringComparison.Ordinal);

        // The 5-star baseline declares no annual investment at all.
        Assert.DoesNotContain("annual_cloud_investment_yuan", Book.Minimal("5-star").Figures.Keys);
        Assert.Equal("5-star", Shipped.Score(Book.Minimal("5-star")).Level);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("hybrid")]
    [InlineData("dedicated")]
    public void ThreeStar_IsPublicCloudOnly_HigherLevelsAnyDeployment(string deployment)
    {
        Assert.Equal("", Shipped.Score(Book.Minimal("3-star").Deployment(deployment)).Level);
        Assert.Equal("4-star", Shipped.Score(Book.Minimal("4-star").Deployment(deployment)).Level);
        Assert.Equal("5-star", Shipped.Score(Book.Minimal("5-star").Deployment(deployment)).Level);
    }

    [Fact]
    public void Example_IsFourStar()
    {
        var result = Shipped.Score(Examples.Load("js-star-2018-wuxi-textiles.json"));

        Assert.Equal("4-star", result.Level);
    }
}
