using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// Every bad input is an error that names the field (or rule), never silently ignored.
public class BadInputUnitTests
{
    private static AppBuilder Valid() => new JsStar2019Rulebook().Minimal("3-star");

    [Fact]
    public void UnknownRuleSet_IsNotFound_ListingWhatIsLoaded()
    {
        var error = Shipped.Reject(Valid().RuleSet("js-star-2020"));

        Assert.Equal(ScoringErrorCodes.NotFound, error.Code);
        Assert.Equal("ruleset", error.Field);
        Assert.Contains("js-star-2020", error.Message, StringComparison.Ordinal);
        Assert.Contains("js-star-2019@2019.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVersion_IsNotFound_ListingTheLoadedVersions()
    {
        var error = Shipped.Reject(Valid().RuleSet("js-star-2019@9.9"));

        Assert.Equal(ScoringErrorCodes.NotFound, error.Code);
        Assert.Equal("ruleset", error.Field);
        Assert.Contains("9.9", error.Message, StringComparison.Ordinal);
        Assert.Contains("2019.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRuleSet_IsInvalidArgument()
    {
        var error = Shipped.Reject(Valid().RuleSet(""));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("ruleset", error.Field);
    }

    [Fact]
    public void PinnedVersion_Scores()
    {
        var result = Shipped.Score(Valid().RuleSet("js-star-2019@2019.1"));

        Assert.Equal("3-star", result.Level);
        Assert.Equal("2019.1", result.Version);
    }

    [Fact]
    public void UnknownItem_NamesItsIndex()
    {
        var app = Valid().Tick("base.compute", "base.storage").Build();
        app.Items.Insert(3, "app.design.teleportation");

        var error = Shipped.Reject(app);

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("items[3]", error.Field);
        Assert.Contains("app.design.teleportation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemOfAnotherRuleSet_IsUnknownHere()
    {
        var error = Shipped.Reject(Valid().Tick("infra.security.content"));

        Assert.Equal("items[2]", error.Field);
    }

    [Fact]
    public void UnknownFigure_NamesIt() =>
        Assert.Equal("figures.x", Shipped.Reject(Valid().Figure("x", 1)).Field);

    [Fact]
    public void UnknownFlag_NamesIt() =>
        Assert.Equal("flags.is_awesome", Shipped.Reject(Valid().Flag("is_awesome")).Field);

    [Fact]
    public void UnknownDate_NamesIt() =>
        Assert.Equal("dates.founded", Shipped.Reject(Valid().Date("founded", "2000-01-01")).Field);

    [Fact]
    public void UnknownExpertLine_NamesIt()
    {
        var error = Shipped.Reject(new AppBuilder("zj-cloud-enterprise-2021", "zhejiang").Expert("expert.charisma", 3));

        Assert.Equal("expert_scores.expert.charisma", error.Field);
    }

    [Fact]
    public void ExpertScores_ForAProgrammeWithoutExperts_AreUnknown() =>
        Assert.Equal("expert_scores.expert.xinchuang", Shipped.Reject(Valid().Expert("expert.xinchuang", 1)).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NegativeOrNonFiniteFigure_IsAnError(double value)
    {
        var error = Shipped.Reject(Valid().Figure("annual_cloud_investment_yuan", value));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("figures.annual_cloud_investment_yuan", error.Field);
    }

    [Fact]
    public void ZeroFigure_IsFine() =>
        Assert.Equal("", Shipped.Score(Valid().Figure("annual_cloud_investment_yuan", 0)).Level);

    [Theory]
    [InlineData("2018-8-31")]
    [InlineData("2018/08/31")]
    [InlineData("2018-02-30")]
    [InlineData("31.08.2018")]
    [InlineData("")]
    [InlineData("2018-08-31T00:00:00Z")]
    public void MalformedDate_IsAnError(string value)
    {
        var error = Shipped.Reject(new HbBenchmark2018Rulebook().Minimal("benchmark").Date("first_cloud_contract_signed", value));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("dates.first_cloud_contract_signed", error.Field);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("Public")]
    [InlineData("on-premises")]
    public void BadDeployment_IsAnError(string value)
    {
        var error = Shipped.Reject(Valid().Deployment(value));

        Assert.Equal("deployment", error.Field);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredFigure_FailsTheRule_WithoutAnError()
    {
        var result = Shipped.Score(Valid().NoFigure("annual_cloud_investment_yuan"));

        var c = result.Criterion("investment", "3-star");
        Assert.False(c.Passed);
        Assert.Null(c.Observed);
        Assert.Contains("not declared", c.Explanation, StringComparison.Ordinal);
    }
}
