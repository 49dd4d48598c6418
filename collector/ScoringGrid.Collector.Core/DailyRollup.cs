namespace ScoringGrid.Collector;

/// <summary>
/// One UTC day of one series: finite samples only (staleness markers, NaN and infinities are
/// not rolled up). <see cref="Increase"/> is the reset-aware counter increase: the sum over the
/// day's samples of the delta to the series' previous finite sample, a drop counting the new value from zero.
/// </summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Count">The number of samples.</param>
/// <param name="Sum">The sum of values.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Last">The newest value.</param>
/// <param name="Increase">The counter increase within the day.</param>
/// <param name="FirstTimestampMs">The first sample's time.</param>
/// <param name="LastTimestampMs">The newest sample's time.</param>
public sealed record DailyRollup(
    DateOnly Day,
    long Count,
    double Sum,
    double Min,
    double Max,
    double Last,
    double Increase,
    long FirstTimestampMs,
    long LastTimestampMs)
{
    /// <summary>The mean value of the day.</summary>
    public double Mean => Sum / Count;
}
