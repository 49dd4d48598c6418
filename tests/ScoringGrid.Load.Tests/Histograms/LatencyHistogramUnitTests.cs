using ScoringGrid.Load.Histograms;

namespace ScoringGrid.Load.Tests.Histograms;

public class LatencyHistogramUnitTests
{
    [Fact]
    public void EveryValue_ReadsBackWithinTheRelativeErrorBound()
    {
        var random = new Random(5);
        for (var i = 0; i < 200_000; i++)
        {
            // log-uniform from 1 ns to 1 h
            var v = (long)Math.Exp(random.NextDouble() * Math.Log(3.6e12));
            var h = new LatencyHistogram();
            h.Record(v);
            h.Record(LatencyHistogram.LowestEquivalent(v)); // the bucket's other end, so the middle is read back, not min/max
            h.Record(LatencyHistogram.LowestEquivalent(v) + LatencyHistogram.BucketWidth(v) - 1);
            var read = h.ValueAtPercentile(50);
            Assert.True(Math.Abs(read - v) <= v * LatencyHistogram.RelativeErrorBound + 1e-9, $"{v} read back as {read}");
        }

        Assert.True(LatencyHistogram.RelativeErrorBound <= 0.01);
    }

    [Fact]
    public void BucketBoundaries_AreContiguousAndWithinBound()
    {
        for (long v = 0; v < 50_000_000; v = v < 4096 ? v + 1 : v + (v / 97))
        {
            var lower = LatencyHistogram.LowestEquivalent(v);
            var width = LatencyHistogram.BucketWidth(v);
            Assert.InRange(v, lower, lower + width - 1);
            Assert.True(lower == 0 || (double)(width - 1) / 2 / lower <= LatencyHistogram.RelativeErrorBound, $"bucket at {lower} width {width}");
        }
    }

    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(95)]
    [InlineData(99)]
    [InlineData(99.9)]
    public void Percentiles_MatchExactNearestRankWithinOnePercent(double percentile)
    {
        var random = new Random(42);
        var values = new long[100_000];
        var h = new LatencyHistogram();
        for (var i = 0; i < values.Length; i++)
        {
            // a latency-like mix: most near 20 ms, a tail out to seconds
            values[i] = random.NextDouble() < 0.97
                ? (long)(20e6 + (random.NextDouble() * 5e6))
                : (long)Math.Exp(random.NextDouble() * Math.Log(3e9));
            h.Record(values[i]);
        }

        Array.Sort(values);
        var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
        var read = h.ValueAtPercentile(percentile);
        Assert.True(Math.Abs(read - exact) <= exact * 0.01, $"p{percentile}: exact {exact}, histogram {read}");
        Assert.True(Math.Abs(read - exact) <= exact * LatencyHistogram.RelativeErrorBound + 1);
    }

    [Fact]
    public void MinMaxMean_AreExact()
    {
        var h = new LatencyHistogram();
        foreach (var v in new long[] { 1_234_567, 20_000_001, 987_654_321 })
        {
            h.Record(v);
        }

        Assert.Equal(1_234_567, h.Min);
        Assert.Equal(987_654_321, h.Max);
        Assert.Equal(987_654_321, h.ValueAtPercentile(100));
        Assert.Equal((1_234_567 + 20_000_001 + 987_654_321) / 3.0, h.Mean, 3);
    }

    [Fact]
    public void Memory_IsFixedHoweverManyValuesAreRecorded()
    {
        var h = new LatencyHistogram();
        var buckets = h.BucketCount;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (long i = 0; i < 2_000_000; i++)
        {
            h.Record((i * 7919) % 5_000_000_000);
        }

        Assert.Equal(buckets, h.BucketCount);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000, "recording allocated");
        Assert.True(buckets * sizeof(long) < 64 * 1024, $"{buckets} buckets");
        Assert.Equal(2_000_000, h.TotalCount);
    }

    [Fact]
    public void ValuesAboveTheRange_SaturateAndAreCounted()
    {
        var h = new LatencyHistogram(highestTrackableValue: 1_000_000);
        h.Record(5_000_000);
        Assert.Equal(1, h.SaturatedCount);
        Assert.Equal(5_000_000, h.Max);
    }

    [Fact]
    public void Add_EqualsRecordingEverythingInOne()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        var all = new LatencyHistogram();
        for (var i = 1; i < 10_000; i++)
        {
            (i % 2 == 0 ? a : b).Record(i * 1_000L);
            all.Record(i * 1_000L);
        }

        a.Add(b);
        Assert.Equal(all.TotalCount, a.TotalCount);
        foreach (var p in new[] { 1.0, 50, 99, 99.99 })
        {
            Assert.Equal(all.ValueAtPercentile(p), a.ValueAtPercentile(p));
        }
    }
}
