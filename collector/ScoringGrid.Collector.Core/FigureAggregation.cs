namespace ScoringGrid.Collector;

/// <summary>How an observed figure is computed from stored samples (rulebook §7).</summary>
public enum FigureAggregation
{
    /// <summary>Per UTC day, the mean of each series summed over series; the largest such day in the window.</summary>
    MaxDailyMean = 0,

    /// <summary>The newest value of each live series, summed.</summary>
    Latest,

    /// <summary>Counter increase over the 30 days ending now: the exact sum of reset-aware deltas between consecutive stored samples.</summary>
    Increase30Days,

    /// <summary>Counter increase over the window divided by the window's length in days.</summary>
    DailyIncreaseMean,

    /// <summary>The mean of all samples in the window.</summary>
    Mean,

    /// <summary>The number of distinct values of a label among live series with a positive value.</summary>
    DistinctLabelValues,

    /// <summary>Newest values summed per value of a label; the smallest of those sums.</summary>
    MinLatestPerLabelValue,

    /// <summary>A verification load test's stored result, not a scraped metric.</summary>
    LoadTest,
}
