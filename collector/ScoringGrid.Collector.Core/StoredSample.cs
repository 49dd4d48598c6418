namespace ScoringGrid.Collector;

/// <summary>One stored raw sample.</summary>
/// <param name="TimestampMs">Scrape time, milliseconds since the Unix epoch.</param>
/// <param name="Value">The value; NaN for a staleness marker.</param>
/// <param name="IsStale">Whether this is a staleness marker: the series was absent or its target down at that time.</param>
public readonly record struct StoredSample(long TimestampMs, double Value, bool IsStale);
