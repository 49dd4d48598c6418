using static ScoringGrid.Prometheus.Tests.Parsing.ExpositionParserUnitTests;

namespace ScoringGrid.Prometheus.Tests.Parsing;

/// Sample values as Go's strconv.ParseFloat (and so Prometheus) reads them.
public class SampleValueUnitTests
{
    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("+infinity", double.PositiveInfinity)]
    [InlineData("1e3", 1000)]
    [InlineData("-1.5E-3", -0.0015)]
    [InlineData("2.5e+2", 250)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1)]
    [InlineData("+3", 3)]
    [InlineData("-0", -0.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("1e400", double.PositiveInfinity)]
    public void Value_AcceptedForms(string text, double expected)
    {
        var result = AssertParses($"m {text}\n");

        Assert.Equal(expected, result.Samples[0].Value);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("+NaN")]
    [InlineData("1,5")]
    [InlineData("∞")]
    [InlineData(".")]
    [InlineData("Infinit")]
    public void Value_RejectedForms(string text)
    {
        var result = Parse($"m {text}\n");

        Assert.False(result.Succeeded);
        Assert.Contains("invalid sample value", result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.Error.Column);
    }
}
