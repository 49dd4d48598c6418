using System.Buffers;
using ScoringGrid.Prometheus.Tests.Registry;

namespace ScoringGrid.Prometheus.Tests;

/// The writer's output read back by the parser: what one side escapes the other unescapes.
public class RoundTripUnitTests
{
    public static TheoryData<string> TrickyLabelValues =>
    [
        "",
        "plain",
        "back\\slash",
        "\\",
        "\\\\n",
        "quote\"inside\"",
        "line\nfeed",
        "\n\n",
        "trailing backslash\\",
        "tab\tand spaces  ",
        "{braces},commas=equals",
        "# not a comment",
        "中文标签",
        "emoji 🚀",
        "\\\"\n mixed \"\\",
    ];

    [Theory]
    [MemberData(nameof(TrickyLabelValues))]
    public void LabelValue_SurvivesWriteThenParse(string value)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("sg_value", "Value.", "v", "w").WithLabels(value, "x").Set(42.5);

        var sample = ParseRegistry(registry).Samples.Single();

        Assert.Equal([new Label("v", value), new Label("w", "x")], sample.Labels.ToArray());
        Assert.Equal(42.5, sample.Value);
    }

    [Fact]
    public void HelpText_SurvivesWriteThenParse()
    {
        const string Help = "Multi\nline \\ help with \"quotes\" and 中文";
        var registry = new MetricRegistry();
        registry.CreateCounter("sg_total", Help).Inc();

        Assert.Equal(Help, ParseRegistry(registry).Families.Single().Help);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-double.MaxValue)]
    [InlineData(0.1 + 0.2)]
    [InlineData(1e-300)]
    [InlineData(123456789.123456789)]
    public void FloatValues_RoundTripExactly(double value)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "G.").Set(value);

        var parsed = ParseRegistry(registry).Samples.Single().Value;

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
    }

    [Fact]
    public void FullRegistry_SeriesAndFamiliesMatch()
    {
        var registry = new MetricRegistry();
        var requests = registry.CreateCounter("sg_requests_total", "Requests.", "method", "code");
        var latency = registry.CreateHistogram("sg_request_duration_seconds", "Latency.", HistogramBuckets.Default, "method");
        var inFlight = registry.CreateGauge("sg_in_flight_calls", "In flight.");
        requests.WithLabels("Evaluate", "OK").Inc(10);
        requests.WithLabels("GetRuleSet", "NOT_FOUND").Inc();
        latency.WithLabels("Evaluate").Observe(0.003);
        latency.WithLabels("Evaluate").Observe(0.7);
        inFlight.Set(2);

        var result = ParseRegistry(registry);

        Assert.Equal(
            [("sg_in_flight_calls", MetricType.Gauge), ("sg_request_duration_seconds", MetricType.Histogram), ("sg_requests_total", MetricType.Counter)],
            result.Families.Select(f => (f.Name, f.Type)));
        Assert.Equal(1 + (12 + 2) + 2, result.Samples.Count);
        Assert.All(result.Families, f => Assert.False(string.IsNullOrEmpty(f.Help)));
        var count = result.Samples.Single(s => s.Name == "sg_request_duration_seconds_count");
        Assert.Equal(2, count.Value);
        var infBucket = result.Samples.Single(s => s.Name == "sg_request_duration_seconds_bucket" && s.Labels.Span[^1].Value == "+Inf");
        Assert.Equal(2, infBucket.Value);
        Assert.Equal(10, result.Samples.Single(s => s.TryGetLabel("code", out var c) && c == "OK").Value);
    }

    private static ParseResult ParseRegistry(MetricRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.WriteTo(buffer);
        var result = new ExpositionParser().Parse(buffer.WrittenSpan);
        Assert.True(result.Succeeded, result.Error?.Message + "\n" + MetricRegistryWriteUnitTests.Render(registry));
        return result;
    }
}
