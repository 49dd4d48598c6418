using ScoringGrid.Load.Thresholds;

namespace ScoringGrid.Load.Tests.Thresholds;

public class ThresholdUnitTests
{
    [Theory]
    [InlineData("p95<200ms", "p95", "<", 200)]
    [InlineData("p99.9 <= 1s", "p99.9", "<=", 1000)]
    [InlineData("max<2s", "max", "<", 2000)]
    [InlineData("errors<1%", "errors", "<", 0.01)]
    [InlineData("errors<=0.05", "errors", "<=", 0.05)]
    [InlineData("rps>=100", "rps", ">=", 100)]
    [InlineData("dropped<=0", "dropped", "<=", 0)]
    public void Parse_ReadsMetricOperatorAndLimit(string text, string metric, string op, double limit)
    {
        var t = Threshold.Parse(text);
        Assert.Equal(metric, t.Metric);
        Assert.Equal(op, t.Operator);
        Assert.Equal(limit, t.Limit, 9);
    }

    [Theory]
    [InlineData("p97<1s")]
    [InlineData("p95<fast")]
    [InlineData("errors<lots")]
    [InlineData("p95")]
    public void Parse_RejectsWithAMessageNamingTheThreshold(string text)
    {
        var e = Assert.Throws<FormatException>(() => Threshold.Parse(text));
        Assert.Contains(text.Split('<')[0], e.Message, StringComparison.Ordinal);
    }
}
