namespace ScoringGrid.Load.Histograms;

/// <summary>
/// A log-linear (HDR-style) histogram of non-negative integer values, e.g. latencies in
/// nanoseconds. Values below 256 are counted exactly; above, each power of two is split into
/// 128 linear sub-buckets, so a value read back (the middle of its bucket) is within
/// <see cref="RelativeErrorBound"/> (1/256, about 0.4 %) of every value recorded in that bucket.
/// Memory is fixed at construction: one <see cref="long"/> per bucket, however many values are
/// recorded. Not thread-safe; callers serialise recording.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The largest relative error of a percentile read back, as a fraction of the true value.</summary>
    public const double RelativeErrorBound = 1.0 / 256;

    private const int SubBucketBits = 7;
    private const int HalfCount = 1 << SubBucketBits;       // 128 sub-buckets per power of two
    private const int LinearLimit = HalfCount << 1;          // values < 256 are exact

    private readonly long[] _counts;

    /// <summary>Creates a histogram that tracks values from 0 to <paramref name="highestTrackableValue"/>.</summary>
    /// <param name="highestTrackableValue">Larger values are counted as this value and in <see cref="SaturatedCount"/>; default one hour in nanoseconds.</param>
    public LatencyHistogram(long highestTrackableValue = 3_600_000_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(highestTrackableValue, LinearLimit, nameof(highestTrackableValue));
        HighestTrackableValue = highestTrackableValue;
        _counts = new long[IndexOf(highestTrackableValue) + 1];
        Reset();
    }

    /// <summary>The largest value tracked without saturating.</summary>
    public long HighestTrackableValue { get; }

    /// <summary>How many values were recorded.</summary>
    public long TotalCount { get; private set; }

    /// <summary>How many recorded values exceeded <see cref="HighestTrackableValue"/> (and were counted as it).</summary>
    public long SaturatedCount { get; private set; }

    /// <summary>The smallest value recorded, exactly; 0 when empty.</summary>
    public long Min => TotalCount == 0 ? 0 : _min;

    /// <summary>The largest value recorded, exactly (before saturation); 0 when empty.</summary>
    public long Max => TotalCount == 0 ? 0 : _max;

    /// <summary>The exact mean of the recorded values; 0 when empty.</summary>
    public double Mean => TotalCount == 0 ? 0 : _sum / TotalCount;

    /// <summary>The number of buckets, fixed at construction.</summary>
    public int BucketCount => _counts.Length;

    private long _min;
    private long _max;
    private double _sum;

    /// <summary>Records one value; negative values count as 0.</summary>
    public void Record(long value) => Record(value, 1);

    /// <summary>Records <paramref name="count"/> occurrences of a value.</summary>
    public void Record(long value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        value = Math.Max(0, value);
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _sum += (double)value * count;
        if (value > HighestTrackableValue)
        {
            SaturatedCount += count;
            value = HighestTrackableValue;
        }

        _counts[IndexOf(value)] += count;
        TotalCount += count;
    }

    /// <summary>
    /// The value at a percentile (0–100]: the smallest recorded value (as its bucket's middle)
    /// such that at least <paramref name="percentile"/> % of all values are at or below it;
    /// 100 gives <see cref="Max"/>. Results are clamped to [<see cref="Min"/>, <see cref="Max"/>].
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100.0);
        if (TotalCount == 0)
        {
            return 0;
        }

        if (percentile >= 100.0)
        {
            return Max;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * TotalCount));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(MiddleOf(i), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>How many recorded values are at or above <paramref name="value"/> (bucket resolution).</summary>
    public long CountAtOrAbove(long value)
    {
        long n = 0;
        for (var i = IndexOf(Math.Clamp(value, 0, HighestTrackableValue)); i < _counts.Length; i++)
        {
            n += _counts[i];
        }

        return n;
    }

    /// <summary>Adds every value of <paramref name="other"/>, which must have the same layout.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._counts.Length != _counts.Length)
        {
            throw new ArgumentException("histograms with different highest trackable values cannot be added", nameof(other));
        }

        if (other.TotalCount == 0)
        {
            return;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
        _sum += other._sum;
        TotalCount += other.TotalCount;
        SaturatedCount += other.SaturatedCount;
    }

    /// <summary>Forgets every value; memory is kept.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _min = long.MaxValue;
        _max = 0;
        _sum = 0;
        TotalCount = 0;
        SaturatedCount = 0;
    }

    /// <summary>The lowest value counted in the same bucket as <paramref name="value"/>.</summary>
    internal static long LowestEquivalent(long value)
    {
        var (lower, _) = BucketRange(IndexOf(value));
        return lower;
    }

    /// <summary>The width of the bucket holding <paramref name="value"/>.</summary>
    internal static long BucketWidth(long value) => BucketRange(IndexOf(value)).Width;

    internal static int IndexOf(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        var shift = (63 - (int)long.LeadingZeroCount(value)) - SubBucketBits; // ≥ 1
        var sub = (int)(value >> shift);                                 // in [128, 256)
        return LinearLimit + ((shift - 1) * HalfCount) + (sub - HalfCount);
    }

    private static (long Lower, long Width) BucketRange(int index)
    {
        if (index < LinearLimit)
        {
            return (index, 1);
        }

        var offset = index - LinearLimit;
        var shift = (offset / HalfCount) + 1;
        var sub = (long)(offset % HalfCount) + HalfCount;
        return (sub << shift, 1L << shift);
    }

    private static long MiddleOf(int index)
    {
        var (lower, width) = BucketRange(index);
        return lower + ((width - 1) / 2);
    }
}
