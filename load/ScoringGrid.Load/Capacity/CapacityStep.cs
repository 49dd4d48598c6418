using ScoringGrid.Load.Reports;

namespace ScoringGrid.Load.Capacity;

/// <summary>One step of a capacity search, as evidence.</summary>
/// <param name="Rate">The offered arrival rate (requests/s).</param>
/// <param name="Held">Whether p95 and errors stayed within the limits.</param>
/// <param name="Reason">Why it was or was not held.</param>
/// <param name="ThroughputRps">Successes per second achieved.</param>
/// <param name="Issued">Requests issued.</param>
/// <param name="Failed">Requests failed.</param>
/// <param name="Dropped">Starts dropped.</param>
/// <param name="ErrorRate">(failed + dropped) / due.</param>
/// <param name="ErrorsByKind">Failures by kind.</param>
/// <param name="Latency">Latency from the intended start (ms).</param>
public sealed record CapacityStep(
    double Rate, bool Held, string Reason, double ThroughputRps, long Issued, long Failed, long Dropped, double ErrorRate,
    IReadOnlyDictionary<string, long> ErrorsByKind, LatencySummary Latency);
