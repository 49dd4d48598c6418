using ScoringGrid.Load.Histograms;

namespace ScoringGrid.Load.Reports;

/// <summary>Percentiles of a latency histogram, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double Min, double Mean, double P50, double P90, double P95, double P99, double P999, double Max)
{
    /// <summary>Reads the summary of a histogram recorded in nanoseconds.</summary>
    public static LatencySummary From(LatencyHistogram h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.TotalCount, Ms(h.Min), h.Mean / 1e6, Ms(h.ValueAtPercentile(50)), Ms(h.ValueAtPercentile(90)), Ms(h.ValueAtPercentile(95)),
            Ms(h.ValueAtPercentile(99)), Ms(h.ValueAtPercentile(99.9)), Ms(h.Max));
    }

    /// <summary>The value of a named percentile: <c>p50</c>, <c>p90</c>, <c>p95</c>, <c>p99</c>, <c>p99.9</c>, <c>max</c>, <c>min</c>, <c>mean</c>.</summary>
    public double? Get(string name) => name switch
    {
        "p50" or "median" => P50,
        "p90" => P90,
        "p95" => P95,
        "p99" => P99,
        "p99.9" or "p999" => P999,
        "max" or "p100" => Max,
        "min" => Min,
        "mean" or "avg" => Mean,
        _ => null,
    };

    private static double Ms(long nanoseconds) => nanoseconds / 1e6;
}
