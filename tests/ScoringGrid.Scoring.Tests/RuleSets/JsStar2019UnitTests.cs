using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §1, beyond the generic threshold table: the 3-star "or", deployment, level selection.
public class JsStar2019UnitTests
{
    private static readonly JsStar2019Rulebook Book = new();

    [Fact]
    public void ThreeStar_ThreeBasicCloudItemsAndNoApp_Passes()
    {
        var app = Book.Minimal("3-star").Untick(JsStar2019Rulebook.App[0]).Untick(JsStar2019Rulebook.App[1]).Tick(JsStar2019Rulebook.Base.Take(3));

        var result = Shipped.Score(app);

        Assert.Equal("3-star", result.Level);
        Assert.True(result.Criterion("app_or_base", "3-star").Passed);
    }

    [Fact]
    public void ThreeStar_TwoBasicCloudItemsAndOneApp_Fails()
    {
        var app = Book.Minimal("3-star").Untick(JsStar2019Rulebook.App[1]).Tick(JsStar2019Rulebook.Base.Take(2));

        var result = Shipped.Score(app);

        Assert.Equal("", result.Level);
        Assert.False(result.Criterion("app_or_base", "3-star").Passed);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("hybrid")]
    [InlineData("dedicated")]
    [InlineData("")]
    public void ThreeStar_NotPublicCloud_Fails(string deployment)
    {
        var result = Shipped.Score(Book.Minimal("3-star").Deployment(deployment));

        Assert.Equal("", result.Level);
        Assert.False(result.Criterion("deployment", "3-star").Passed);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("private")]
    [InlineData("hybrid")]
    [InlineData("dedicated")]
    public void FourAndFiveStar_AnyDeployment_Pass(string deployment)
    {
        Assert.Equal("4-star", Shipped.Score(Book.Minimal("4-star").Deployment(deployment)).Level);
        Assert.Equal("5-star", Shipped.Score(Book.Minimal("5-star").Deployment(deployment)).Level);
    }

    [Fact]
    public void LevelSelection_HighestLevelWhoseRulesAllPass_EvenWhenALowerLevelFails()
    {
        // Private cloud fails 3-star's public-only rule, yet 5-star's own rules all pass.
        var result = Shipped.Score(Book.Minimal("5-star").Deployment("private"));

        Assert.Equal("5-star", result.Level);
        Assert.Equal(2, result.LevelIndex);
        Assert.False(result.Criterion("deployment", "3-star").Passed);
        Assert.Equal("", result.NextLevel);
    }

    [Fact]
    public void LevelSelection_FiveStarMinusInnovation_IsFourStar()
    {
        var result = Shipped.Score(Book.Minimal("5-star").Deployment("public").Untick(JsStar2019Rulebook.Innovation[0]));

        Assert.Equal("4-star", result.Level);
        Assert.Equal("5-star", result.NextLevel);
    }

    [Fact]
    public void PooledItems_CountAcrossDataDeviceEdgeAndDeviceServiceGroups()
    {
        var app = Book.Minimal("4-star");
        foreach (var item in JsStar2019Rulebook.Pooled.Take(6))
        {
            app.Untick(item);
        }

        app.Tick("devsvc.ledger", "devsvc.inspection", "devsvc.work_orders", "devsvc.maintenance", "devsvc.realtime", "devsvc.reports");
        Assert.Equal("4-star", Shipped.Score(app).Level);

        var oneGroupEach = Book.Minimal("4-star");
        Assert.Equal(6, Shipped.Score(oneGroupEach).Criterion("pooled.items", "4-star").Observed);
    }

    [Fact]
    public void Result_SaysTheTableWasReconstructed()
    {
        var result = Shipped.Score(Book.Minimal("3-star"));

        Assert.Contains(result.Notes, n => n.Contains("reconstruct", StringComparison.OrdinalIgnoreCase));
    }
}
