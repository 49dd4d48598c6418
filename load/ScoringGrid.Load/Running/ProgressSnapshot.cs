namespace ScoringGrid.Load.Running;

/// <summary>A live view of a run, reported about once a second.</summary>
/// <param name="Elapsed">Time since the run started (warm-up included).</param>
/// <param name="Total">The run's planned length (warm-up included).</param>
/// <param name="WarmingUp">Whether the warm-up is still going.</param>
/// <param name="Issued">Requests started so far.</param>
/// <param name="Succeeded">Measured successes.</param>
/// <param name="Failed">Measured failures.</param>
/// <param name="Dropped">Measured starts that could not be issued on time.</param>
/// <param name="InFlight">Requests awaiting an answer.</param>
/// <param name="RecentRps">Completions per second over the last interval.</param>
/// <param name="P95Milliseconds">p95 latency of the measured part so far.</param>
public sealed record ProgressSnapshot(
    TimeSpan Elapsed, TimeSpan Total, bool WarmingUp, long Issued, long Succeeded, long Failed, long Dropped, int InFlight, double RecentRps, double P95Milliseconds);
