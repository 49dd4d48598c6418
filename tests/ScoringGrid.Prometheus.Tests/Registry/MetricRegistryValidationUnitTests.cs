namespace ScoringGrid.Prometheus.Tests.Registry;

public class MetricRegistryValidationUnitTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("ünïcode")]
    public void CreateCounter_InvalidMetricName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateCounter(name, "Help."));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("name", ex.ParamName);
    }

    [Theory]
    [InlineData("sg:recorded_rule")]
    [InlineData("_private")]
    [InlineData("A1_b2")]
    public void CreateGauge_ValidMetricNames_Accepted(string name)
    {
        var gauge = new MetricRegistry().CreateGauge(name, "Help.");

        Assert.Equal(name, gauge.Name);
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("with:colon")]
    [InlineData("with-dash")]
    [InlineData("__reserved")]
    [InlineData("")]
    public void CreateCounter_InvalidLabelName_ThrowsNamingIt(string label)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateCounter("sg_total", "Help.", "ok", label));

        Assert.Contains($"'{label}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("labelNames", ex.ParamName);
    }

    [Fact]
    public void CreateCounter_DuplicateLabelName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateCounter("sg_total", "Help.", "a", "a"));

        Assert.Contains("'a' appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHistogram_LeLabel_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateHistogram("h", "Help.", [1], "le"));

        Assert.Contains("'le'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCounter_EmptyHelp_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateCounter("sg_total", ""));

        Assert.Equal("help", ex.ParamName);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { double.NegativeInfinity, 1.0 })]
    [InlineData(new[] { 1.0, double.PositiveInfinity, 2.0 })]
    public void CreateHistogram_InvalidBuckets_Throws(double[] buckets)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry().CreateHistogram("h", "Help.", buckets));

        Assert.Contains("'h'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHistogram_TrailingInfBound_IsImplied()
    {
        var histogram = new MetricRegistry().CreateHistogram("h", "Help.", [1, 2, double.PositiveInfinity]);

        Assert.Equal([1.0, 2.0], histogram.UpperBounds);
    }

    [Fact]
    public void Create_SameDefinitionTwice_ReturnsSameInstance()
    {
        var registry = new MetricRegistry();

        Assert.Same(registry.CreateCounter("c_total", "C.", "a"), registry.CreateCounter("c_total", "C.", "a"));
        Assert.Same(registry.CreateHistogram("h", "H.", [1, 2]), registry.CreateHistogram("h", "H.", [1, 2]));
    }

    [Fact]
    public void Create_SameNameDifferentDefinition_Throws()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("x", "X.", "a");

        Assert.Throws<ArgumentException>(() => registry.CreateGauge("x", "X."));
        Assert.Throws<ArgumentException>(() => registry.CreateCounter("x", "X.", "b"));
        registry.CreateHistogram("h", "H.", [1]);
        Assert.Throws<ArgumentException>(() => registry.CreateHistogram("h", "H.", [2]));
    }

    [Theory]
    [InlineData("h_bucket")]
    [InlineData("h_sum")]
    [InlineData("h_count")]
    public void Create_NameCollidingWithHistogramSeries_Throws(string name)
    {
        var registry = new MetricRegistry();
        registry.CreateHistogram("h", "H.", [1]);

        var ex = Assert.Throws<ArgumentException>(() => registry.CreateGauge(name, "G."));
        Assert.Contains("'h'", ex.Message, StringComparison.Ordinal);

        var reversed = new MetricRegistry();
        reversed.CreateGauge(name, "G.");
        Assert.Throws<ArgumentException>(() => reversed.CreateHistogram("h", "H.", [1]));
    }

    [Fact]
    public void WithLabels_WrongCountOrNull_Throws()
    {
        var counter = new MetricRegistry().CreateCounter("c_total", "C.", "a", "b");

        Assert.Throws<ArgumentException>(() => counter.WithLabels("only-one"));
        Assert.Throws<ArgumentNullException>(() => counter.WithLabels("x", null!));
        Assert.Throws<InvalidOperationException>(() => counter.Inc());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CounterInc_NegativeOrNonFinite_Throws(double amount)
    {
        var counter = new MetricRegistry().CreateCounter("c_total", "C.");

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Inc(amount));
        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void BucketHelpers_ProduceExpectedBounds()
    {
        Assert.Equal([1.0, 3.0, 5.0], HistogramBuckets.Linear(1, 2, 3));
        Assert.Equal([1.0, 10.0, 100.0], HistogramBuckets.Exponential(1, 10, 3));
        Assert.Equal(11, HistogramBuckets.Default.Length);
        Assert.Throws<ArgumentException>(() => HistogramBuckets.Exponential(0, 2, 3));
        Assert.Throws<ArgumentException>(() => HistogramBuckets.Linear(0, 1, 0));
    }
}
