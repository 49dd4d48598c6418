namespace ScoringGrid.Prometheus.Tests.Registry;

public class MetricChildUnitTests
{
    [Fact]
    public void WithLabels_SameValues_ReturnsCachedChild()
    {
        var counter = new MetricRegistry().CreateCounter("c_total", "C.", "method", "code");

        var first = counter.WithLabels("Evaluate", "OK");

        Assert.Same(first, counter.WithLabels("Evaluate", "OK"));
        Assert.NotSame(first, counter.WithLabels("Evaluate", "NOT_FOUND"));
        Assert.Equal(["Evaluate", "OK"], first.LabelValues);
    }

    [Fact]
    public void Counter_ConcurrentIncrements_NoneLost()
    {
        var child = new MetricRegistry().CreateCounter("c_total", "C.", "k").WithLabels("v");
        const int Threads = 4;
        const int PerThread = 250_000;

        Parallel.For(0, Threads, _ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                child.Inc();
                child.Inc(0.5);
            }
        });

        Assert.Equal(Threads * PerThread * 1.5, child.Value);
    }

    [Fact]
    public void Gauge_ConcurrentIncDec_BalancesToZero()
    {
        var gauge = new MetricRegistry().CreateGauge("g", "G.");

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                gauge.Inc();
                gauge.Dec();
            }
        });

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Histogram_ConcurrentObservations_CountEqualsInfBucket()
    {
        var histogram = new MetricRegistry().CreateHistogram("h", "H.", [1, 2, 4]);

        Parallel.For(0, 4, t =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                histogram.Observe(i % 5);
            }
        });

        Assert.Equal(400_000, histogram.Count);
        Assert.Equal(4 * 20_000 * (0 + 1 + 2 + 3 + 4), histogram.Sum);
    }

    [Fact]
    public void Histogram_ValueOnBound_CountsInThatBucket()
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("h", "H.", [1, 2]);
        histogram.Observe(1);
        histogram.Observe(2);
        histogram.Observe(2.0000001);

        var text = MetricRegistryWriteUnitTests.Render(registry);

        Assert.Contains("h_bucket{le=\"1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("h_bucket{le=\"2\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("h_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HotPaths_AfterChildExists_AllocateNothing()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "C.", "method", "code").WithLabels("Evaluate", "OK");
        var gauge = registry.CreateGauge("g", "G.", "k").WithLabels("v");
        var histogram = registry.CreateHistogram("h", "H.", HistogramBuckets.Default, "k").WithLabels("v");
        Exercise();

        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        void Exercise()
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Inc();
                counter.Inc(0.25);
                gauge.Set(i);
                gauge.Inc();
                histogram.Observe(i * 0.001);
            }
        }
    }

    [Fact]
    public void WithLabels_ExistingChild_AllocatesNothing()
    {
        var counter = new MetricRegistry().CreateCounter("c_total", "C.", "method", "code");
        counter.WithLabels("Evaluate", "OK");
        counter.WithLabels("Evaluate", "OK");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counter.WithLabels("Evaluate", "OK").Inc();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WriteTo_WarmPooledWriter_AllocatesNothing()
    {
        var registry = new MetricRegistry();
        var requests = registry.CreateCounter("c_total", "C.", "method", "code");
        var latency = registry.CreateHistogram("h_seconds", "H.", HistogramBuckets.Default, "method");
        for (var i = 0; i < 50; i++)
        {
            requests.WithLabels("m" + i, "OK").Inc(i);
            latency.WithLabels("m" + i).Observe(i / 100.0);
        }

        var sink = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        registry.WriteTo(sink);
        sink.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        registry.WriteTo(sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
