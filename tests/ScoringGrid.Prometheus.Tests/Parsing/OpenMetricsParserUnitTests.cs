using static ScoringGrid.Prometheus.Tests.Parsing.ExpositionParserUnitTests;

namespace ScoringGrid.Prometheus.Tests.Parsing;

public class OpenMetricsParserUnitTests
{
    private const ExpositionFormat OpenMetrics = ExpositionFormat.OpenMetrics;

    [Fact]
    public void Example_ParsesFamiliesUnitsAndSuffixes()
    {
        var result = AssertParses(ParserTestBodies.OpenMetricsExample, OpenMetrics);

        Assert.Equal(
            ["acme_http_router_request_seconds", "go_goroutines", "process_cpu_seconds", "foo", "build"],
            result.Families.Select(f => f.Name));
        Assert.Equal(
            [MetricType.Summary, MetricType.Gauge, MetricType.Counter, MetricType.Histogram, MetricType.Info],
            result.Families.Select(f => f.Type));
        Assert.Equal("seconds", result.Families[0].Unit);
        Assert.Equal("Latency though all of ACME's HTTP request router.", result.Families[0].Help);
        Assert.Equal(3, result.Families[0].SampleCount);
        Assert.Equal(5, result.Families[3].SampleCount);

        var cpu = result.Samples.Single(s => s.Name == "process_cpu_seconds_total");
        Assert.Equal("process_cpu_seconds", cpu.Family.Name);
        Assert.Equal(4.20072246e+06, cpu.Value);
        Assert.Equal(1520879607789, cpu.TimestampMs);
    }

    [Fact]
    public void Exemplars_AreValidatedAndDropped()
    {
        var result = AssertParses(ParserTestBodies.OpenMetricsExample, OpenMetrics);

        var bucket = result.Samples.Single(s => s.Name == "foo_bucket" && s.Labels.Span[0].Value == "1.0");
        Assert.Equal(5, bucket.Value);
        Assert.Single(bucket.Labels.ToArray());
        Assert.Null(bucket.TimestampMs);
    }

    [Theory]
    [InlineData("# TYPE f histogram\nf_bucket{le=\"1\"} 1 # {a=\"b\"\n# EOF\n", "unexpected end of line inside label set")]
    [InlineData("# TYPE f histogram\nf_bucket{le=\"1\"} 1 # trace\n# EOF\n", "invalid exemplar")]
    [InlineData("# TYPE f histogram\nf_bucket{le=\"1\"} 1 # {a=\"b\"} x\n# EOF\n", "invalid exemplar value 'x'")]
    public void MalformedExemplar_Fails(string body, string reason)
    {
        var result = Parse(body, OpenMetrics);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Error.Line);
    }

    [Fact]
    public void MissingEof_FailsAsTruncated()
    {
        var result = Parse("# TYPE g gauge\ng 1\n", OpenMetrics);

        Assert.False(result.Succeeded);
        Assert.Contains("missing # EOF", result.Error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("g 1\n# EOF\ng 2\n", "unexpected content after # EOF")]
    [InlineData("g 1\n# EOF\n\n", "unexpected content after # EOF")]
    [InlineData("g 1\n# EOF trailing\n", "unexpected text after # EOF")]
    public void ContentAfterEof_Fails(string body, string reason)
    {
        var result = Parse(body, OpenMetrics);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EofWithoutFinalLineFeed_Succeeds()
    {
        Assert.Single(AssertParses("g 1\n# EOF", OpenMetrics).Samples);
    }

    [Fact]
    public void InterleavedFamilies_Fail()
    {
        var result = Parse("# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"y\"} 2\n# EOF\n", OpenMetrics);

        Assert.False(result.Succeeded);
        Assert.Equal(5, result.Error.Line);
        Assert.Contains("samples of a are not grouped together", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TextFormat_AllowsInterleavingAsPrometheusDoes()
    {
        Assert.Equal(3, AssertParses("a 1\nb 1\na{x=\"y\"} 2\n").Samples.Count);
    }

    [Fact]
    public void UnknownAndGaugeHistogramTypes_Accepted()
    {
        var result = AssertParses(
            "# TYPE u unknown\nu 1\n# TYPE gh gaugehistogram\ngh_bucket{le=\"+Inf\"} 3\ngh_gcount 3\ngh_gsum 1.5\n# EOF\n",
            OpenMetrics);

        Assert.Equal(MetricType.Untyped, result.Families[0].Type);
        Assert.Equal(MetricType.GaugeHistogram, result.Families[1].Type);
        Assert.Equal(3, result.Families[1].SampleCount);
    }

    [Fact]
    public void OpenMetricsHelp_UnescapesQuotes()
    {
        var result = AssertParses("# HELP g Say \\\"hi\\\" \\\\ there\\n.\ng 1\n# EOF\n", OpenMetrics);

        Assert.Equal("Say \"hi\" \\ there\n.", result.Families[0].Help);
    }

    [Fact]
    public void TextTimestampSyntax_RejectedWhereSecondsExpected()
    {
        var result = Parse("g 1 abc\n# EOF\n", OpenMetrics);

        Assert.False(result.Succeeded);
        Assert.Contains("expected float seconds", result.Error.Reason, StringComparison.Ordinal);
    }
}
