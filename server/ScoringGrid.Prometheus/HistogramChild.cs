namespace ScoringGrid.Prometheus;

/// <summary>
/// One series of a <see cref="Histogram"/>. Thread-safe and lock-free; observations allocate nothing.
/// </summary>
public sealed class HistogramChild
{
    private readonly double[] _upperBounds;

    // Per-bucket (not cumulative) counts, the last one being +Inf; the scrape accumulates.
    // _count is not stored separately so _count always equals the +Inf bucket on /metrics.
    private readonly long[] _bucketCounts;
    private double _sum;

    internal HistogramChild(string[] labelValues, double[] upperBounds, byte[] encodedLabels, byte[] bucketLabelPrefix)
    {
        LabelValues = Array.AsReadOnly(labelValues);
        _upperBounds = upperBounds;
        _bucketCounts = new long[upperBounds.Length + 1];
        EncodedLabels = encodedLabels;
        BucketLabelPrefix = bucketLabelPrefix;
    }

    /// <summary>The label values this series was created for.</summary>
    public IReadOnlyList<string> LabelValues { get; }

    /// <summary>The number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _bucketCounts.Length; i++)
            {
                total += Interlocked.Read(ref _bucketCounts[i]);
            }

            return total;
        }
    }

    /// <summary>The sum of all observations.</summary>
    public double Sum => Volatile.Read(ref _sum);

    // Pre-encoded `{name="value",…}` for `_sum` and `_count` (empty when unlabelled).
    internal byte[] EncodedLabels { get; }

    // Pre-encoded `{name="value",` (or `{`) to which the family appends `le="…"}`.
    internal byte[] BucketLabelPrefix { get; }

    /// <summary>Records one observation.</summary>
    /// <param name="value">The observed value; NaN lands in the <c>+Inf</c> bucket and makes the sum NaN.</param>
    public void Observe(double value)
    {
        Interlocked.Increment(ref _bucketCounts[BucketIndex(value)]);
        Internal.AtomicDouble.Add(ref _sum, value);
    }

    // Reads one bucket's own (non-cumulative) count.
    internal long ReadBucket(int index) => Interlocked.Read(ref _bucketCounts[index]);

    private int BucketIndex(double value)
    {
        // NaN compares below everything in a binary search; Prometheus counts it in +Inf only.
        if (double.IsNaN(value))
        {
            return _upperBounds.Length;
        }

        // An exact match is the bucket itself (`le` is inclusive); otherwise the complement is
        // the first bound above the value, or the +Inf bucket past the end.
        var index = _upperBounds.AsSpan().BinarySearch(value);
        return index >= 0 ? index : ~index;
    }
}
