namespace ScoringGrid.Collector.Internal;

// Running totals over daily rollups for the evidence of a verification.
internal sealed class RollupTally
{
    public long Count { get; private set; }

    public double Sum { get; private set; }

    public int Days { get; private set; }

    public long? First { get; private set; }

    public long? Last { get; private set; }

    public void Add(DailyRollup rollup)
    {
        Count += rollup.Count;
        Sum += rollup.Sum;
        Days++;
        First = Math.Min(First ?? long.MaxValue, rollup.FirstTimestampMs);
        Last = Math.Max(Last ?? long.MinValue, rollup.LastTimestampMs);
    }
}
