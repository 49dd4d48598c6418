namespace ScoringGrid.Collector.Internal;

// An observed value with the facts behind it, before it is judged against the declaration.
internal sealed record Observation(
    double? Value,
    DateTimeOffset WindowStart,
    int SeriesCount,
    long SampleCount,
    long? FirstMs,
    long? LastMs,
    string RollupUsed,
    string Description);
