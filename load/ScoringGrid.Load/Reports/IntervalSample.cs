namespace ScoringGrid.Load.Reports;

/// <summary>One second of the measured run (by completion time), for latency-over-time charts.</summary>
/// <param name="Second">Seconds since the end of the warm-up.</param>
/// <param name="Succeeded">Successful completions.</param>
/// <param name="Failed">Failed completions.</param>
/// <param name="Dropped">Starts dropped in this second.</param>
/// <param name="P50">Median latency (ms) of this second's successes.</param>
/// <param name="P95">p95 latency (ms).</param>
/// <param name="P99">p99 latency (ms).</param>
/// <param name="Max">Largest latency (ms).</param>
public sealed record IntervalSample(int Second, long Succeeded, long Failed, long Dropped, double P50, double P95, double P99, double Max);
