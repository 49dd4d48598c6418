namespace ScoringGrid.Load.Reports;

/// <summary>A point of the percentile distribution: <paramref name="Percentile"/> % of successes took at most <paramref name="Milliseconds"/>.</summary>
public sealed record PercentilePoint(double Percentile, double Milliseconds);
