using ScoringGrid.Prometheus.Internal;

namespace ScoringGrid.Prometheus;

/// <summary>Bucket upper bounds for <see cref="MetricRegistry.CreateHistogram"/>.</summary>
public static class HistogramBuckets
{
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// Prometheus' default latency buckets in seconds, 5 ms to 10 s. The <c>+Inf</c> bucket is
    /// always added by the histogram and need not be listed.
    /// </summary>
    public static ReadOnlySpan<double> Default => DefaultBounds;

    /// <summary>Returns <paramref name="count"/> bounds: start, start+width, start+2·width, ….</summary>
    /// <param name="start">The first upper bound.</param>
    /// <param name="width">The distance between bounds; must be positive.</param>
    /// <param name="count">The number of bounds; must be positive.</param>
    /// <exception cref="ArgumentException">A parameter is out of range.</exception>
    public static double[] Linear(double start, double width, int count)
    {
        if (count < 1)
        {
            throw ExceptionFactory.InvalidBucketParameters("count must be at least 1", nameof(count));
        }

        if (!(width > 0) || !double.IsFinite(width) || !double.IsFinite(start))
        {
            throw ExceptionFactory.InvalidBucketParameters("start must be finite and width finite and positive", nameof(width));
        }

        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = start + (i * width);
        }

        return bounds;
    }

    /// <summary>Returns <paramref name="count"/> bounds: start, start·factor, start·factor², ….</summary>
    /// <param name="start">The first upper bound; must be positive.</param>
    /// <param name="factor">The ratio between bounds; must be greater than one.</param>
    /// <param name="count">The number of bounds; must be positive.</param>
    /// <exception cref="ArgumentException">A parameter is out of range.</exception>
    public static double[] Exponential(double start, double factor, int count)
    {
        if (count < 1)
        {
            throw ExceptionFactory.InvalidBucketParameters("count must be at least 1", nameof(count));
        }

        if (!(start > 0) || !double.IsFinite(start) || !(factor > 1) || !double.IsFinite(factor))
        {
            throw ExceptionFactory.InvalidBucketParameters("start must be positive and factor greater than 1", nameof(factor));
        }

        var bounds = new double[count];
        var bound = start;
        for (var i = 0; i < count; i++)
        {
            bounds[i] = bound;
            bound *= factor;
        }

        return bounds;
    }
}
