using static ScoringGrid.Prometheus.Tests.Parsing.ExpositionParserErrorUnitTests;
using static ScoringGrid.Prometheus.Tests.Parsing.ExpositionParserUnitTests;

namespace ScoringGrid.Prometheus.Tests.Parsing;

/// Limits turn oversized bodies into failures with the limit named, like Prometheus' scrape limits.
public class ParserLimitsUnitTests
{
    [Fact]
    public void SampleLimit_Fails()
    {
        var options = new ParserOptions { MaxSamples = 2 };

        Assert.True(Parse("a 1\nb 2\n", options: options).Succeeded);
        AssertFails("a 1\nb 2\nc 3\n", 3, "more than 2 samples (sample limit exceeded)", options: options);
    }

    [Fact]
    public void LabelLimit_Fails()
    {
        var options = new ParserOptions { MaxLabelsPerSample = 2 };

        Assert.True(Parse("a{x=\"1\",y=\"2\"} 1\n", options: options).Succeeded);
        AssertFails("a{x=\"1\",y=\"2\",z=\"3\"} 1\n", 1, "more than 2 labels (label limit exceeded)", options: options);
    }

    [Fact]
    public void LineLengthLimit_Fails()
    {
        var options = new ParserOptions { MaxLineLength = 16 };

        Assert.True(Parse("a_sixteen_byte 1\n", options: options).Succeeded);
        var error = AssertFails("ok 1\na_seventeen_byte 1\n", 2, "line longer than 16 bytes", options: options);
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void InvalidLimits_RejectedAtConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpositionParser(new ParserOptions { MaxSamples = 0 }));
    }
}
