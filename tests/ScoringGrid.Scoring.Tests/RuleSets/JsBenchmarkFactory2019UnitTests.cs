using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §6: the investment sum and window, reported full-flow items, priority.5g.
public class JsBenchmarkFactory2019UnitTests
{
    private static readonly JsBenchmarkFactory2019Rulebook Book = new();

    [Theory]
    [InlineData(5_000_000, 5_000_000, 5_000_000, 5_000_000, true)]
    [InlineData(5_000_000, 5_000_000, 5_000_000, 4_999_999, false)]
    [InlineData(0, 0, 0, 20_000_000, true)]
    [InlineData(0, 19_999_999, 0, 0, false)]
    public void Investment_SumOfFourFigures_AtLeast20Million(double platform, double devices, double testing, double wages, bool passes)
    {
        var app = Book.Minimal("benchmark").Figure("platform_dev_yuan", platform).Figure("smart_device_yuan", devices)
            .Figure("testing_consulting_yuan", testing).Figure("staff_wages_yuan", wages);

        var result = Shipped.Score(app);

        Assert.Equal(passes, result.Criterion("gate.investment", "benchmark").Passed);
        Assert.Equal(passes ? "benchmark" : "", result.Level);
    }

    [Theory]
    [InlineData("2017-01-01", true)]
    [InlineData("2016-12-31", false)]
    [InlineData("2018-06-30", true)]
    public void InvestmentWindow_StartsOnOrAfter20170101(string start, bool passes)
    {
        var result = Shipped.Score(Book.Minimal("benchmark").Date("investment_window_start", start));

        Assert.Equal(passes, result.Criterion("gate.investment", "benchmark").Passed);
    }

    [Fact]
    public void FullFlowItems_AreReported_NotGating()
    {
        var without = Shipped.Score(Book.Minimal("benchmark"));
        Assert.Equal("benchmark", without.Level);
        Assert.Equal(0, without.Criterion("flow.items").Observed);

        var with = Shipped.Score(Book.Minimal("benchmark").Tick("flow.fault_prediction", "flow.design_simulation"));
        var report = with.Criterion("flow.items");
        Assert.Equal("report", report.Kind);
        Assert.Equal(2, report.Observed);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Uses5g_GivesPriority_WithoutGating()
    {
        Assert.Equal(["priority.5g"], Shipped.Score(Book.Minimal("benchmark").Flag("uses_5g")).Priorities);
        Assert.Empty(Shipped.Score(Book.Minimal("benchmark").Flag("uses_5g", false)).Priorities);
        Assert.Equal("benchmark", Shipped.Score(Book.Minimal("benchmark").Flag("uses_5g", false)).Level);
    }

    [Fact]
    public void Example_IsBenchmarkWith5gPriority()
    {
        var result = Shipped.Score(Examples.Load("js-benchmark-factory-2019-changzhou-motors.json"));

        Assert.Equal("benchmark", result.Level);
        Assert.Equal(["priority.5g"], result.Priorities);
        Assert.Empty(result.Gaps);
    }
}
