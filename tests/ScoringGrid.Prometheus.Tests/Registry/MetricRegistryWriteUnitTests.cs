using System.Buffers;
using System.Text;

namespace ScoringGrid.Prometheus.Tests.Registry;

public class MetricRegistryWriteUnitTests
{
    internal static string Render(MetricRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriteTo_UnlabelledCounterAndGauge_ExactText()
    {
        var registry = new MetricRegistry();
        var reloads = registry.CreateCounter("sg_reloads_total", "Rule set reloads.");
        var inFlight = registry.CreateGauge("sg_in_flight", "Calls in flight.");
        reloads.Inc();
        reloads.Inc(2);
        inFlight.Set(3);
        inFlight.Dec();

        Assert.Equal(
            """
            # HELP sg_in_flight Calls in flight.
            # TYPE sg_in_flight gauge
            sg_in_flight 2
            # HELP sg_reloads_total Rule set reloads.
            # TYPE sg_reloads_total counter
            sg_reloads_total 3

            """,
            Render(registry));
    }

    [Fact]
    public void WriteTo_LabelledCounter_ChildrenSortedByLabelValues()
    {
        var registry = new MetricRegistry();
        var requests = registry.CreateCounter("sg_requests_total", "Requests.", "method", "code");
        requests.WithLabels("Evaluate", "OK").Inc();
        requests.WithLabels("Evaluate", "INVALID_ARGUMENT").Inc(4);
        requests.WithLabels("Evaluate", "OK").Inc();
        requests.WithLabels("GetRuleSet", "OK").Inc(0.5);

        Assert.Equal(
            """
            # HELP sg_requests_total Requests.
            # TYPE sg_requests_total counter
            sg_requests_total{method="Evaluate",code="INVALID_ARGUMENT"} 4
            sg_requests_total{method="Evaluate",code="OK"} 2
            sg_requests_total{method="GetRuleSet",code="OK"} 0.5

            """,
            Render(registry));
    }

    [Fact]
    public void WriteTo_Histogram_CumulativeBucketsSumCount()
    {
        var registry = new MetricRegistry();
        var latency = registry.CreateHistogram("sg_latency_seconds", "Latency.", [0.125, 1], "method");
        var evaluate = latency.WithLabels("Evaluate");
        evaluate.Observe(0.0625);
        evaluate.Observe(0.125);
        evaluate.Observe(0.5);
        evaluate.Observe(7);

        Assert.Equal(
            """
            # HELP sg_latency_seconds Latency.
            # TYPE sg_latency_seconds histogram
            sg_latency_seconds_bucket{method="Evaluate",le="0.125"} 2
            sg_latency_seconds_bucket{method="Evaluate",le="1"} 3
            sg_latency_seconds_bucket{method="Evaluate",le="+Inf"} 4
            sg_latency_seconds_sum{method="Evaluate"} 7.6875
            sg_latency_seconds_count{method="Evaluate"} 4

            """,
            Render(registry));
    }

    [Fact]
    public void WriteTo_UnlabelledHistogramWithoutBuckets_OnlyInfBucket()
    {
        var registry = new MetricRegistry();
        var sizes = registry.CreateHistogram("sg_sizes_bytes", "Sizes.", []);
        sizes.Observe(double.NaN);

        Assert.Equal(
            """
            # HELP sg_sizes_bytes Sizes.
            # TYPE sg_sizes_bytes histogram
            sg_sizes_bytes_bucket{le="+Inf"} 1
            sg_sizes_bytes_sum NaN
            sg_sizes_bytes_count 1

            """,
            Render(registry));
    }

    [Fact]
    public void WriteTo_EscapesHelpAndLabelValues()
    {
        var registry = new MetricRegistry();
        var gauge = registry.CreateGauge("sg_escape", "Back\\slash and\nnewline \"quoted\".", "path");
        gauge.WithLabels("C:\\dir\n\"x\"").Set(1);

        Assert.Equal(
            """
            # HELP sg_escape Back\\slash and\nnewline "quoted".
            # TYPE sg_escape gauge
            sg_escape{path="C:\\dir\n\"x\""} 1

            """,
            Render(registry));
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(123456789012345678d, "1.2345678901234568E+17")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    public void WriteTo_FormatsFloatsAsPrometheusParsesThem(double value, string expected)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "G.").Set(value);

        Assert.EndsWith($"\ng {expected}\n", Render(registry), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_FamiliesSortedByNameRegardlessOfRegistrationOrder()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("b", "B.").Set(1);
        registry.CreateGauge("a", "A.").Set(1);
        registry.CreateGauge("c", "C.").Set(1);

        var names = registry.Metrics.Select(m => m.Name);
        Assert.Equal(["a", "b", "c"], names);
        var text = Render(registry);
        Assert.True(text.IndexOf("# TYPE a", StringComparison.Ordinal) < text.IndexOf("# TYPE b", StringComparison.Ordinal));
        Assert.True(text.IndexOf("# TYPE b", StringComparison.Ordinal) < text.IndexOf("# TYPE c", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteTo_LabelledFamilyWithoutChildren_IsOmitted()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("sg_unused_total", "Never used.", "method");

        Assert.Equal(string.Empty, Render(registry));
    }

    [Fact]
    public void WriteTo_RunsCollectCallbacksBeforeReadingValues()
    {
        var registry = new MetricRegistry();
        var inFlight = registry.CreateGauge("sg_in_flight", "In flight.");
        var calls = 0;
        registry.AddCollectCallback(() => inFlight.Set(++calls * 10));

        Assert.Contains("sg_in_flight 10\n", Render(registry), StringComparison.Ordinal);
        Assert.Contains("sg_in_flight 20\n", Render(registry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteToStream_SyncAndAsync_SameBytesAsBufferWriter()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("sg_total", "Total.", "k");
        for (var i = 0; i < 2000; i++)
        {
            counter.WithLabels("value-" + i).Inc(i);
        }

        var expected = Render(registry);
        using var sync = new MemoryStream();
        registry.WriteTo(sync);
        using var async = new MemoryStream();
        await registry.WriteToAsync(async);

        Assert.Equal(expected, Encoding.UTF8.GetString(sync.ToArray()));
        Assert.Equal(expected, Encoding.UTF8.GetString(async.ToArray()));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", MetricRegistry.ContentType);
    }
}
