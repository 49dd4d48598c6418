namespace ScoringGrid.Collector;

/// <summary>A series stored for a platform, with its newest state.</summary>
/// <param name="Id">The identity: metric name and labels sorted by name, e.g. <c>up</c> or <c>x{a="1",b="2"}</c>.</param>
/// <param name="Name">The sample name.</param>
/// <param name="Type">The family type keyword as exposed (<c>counter</c>, <c>gauge</c>, …).</param>
/// <param name="Labels">The labels.</param>
/// <param name="LastTimestampMs">Time of the newest sample or marker; <see langword="null"/> if none is stored.</param>
/// <param name="LastValue">The newest finite value, if any.</param>
/// <param name="LastIsStale">Whether the newest entry is a staleness marker.</param>
public sealed record StoredSeries(
    string Id,
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Labels,
    long? LastTimestampMs,
    double? LastValue,
    bool LastIsStale);
