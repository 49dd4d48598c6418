using ScoringGrid.Load.Reports;

namespace ScoringGrid.Load.Capacity;

/// <summary>The outcome of a capacity search, with every step as evidence.</summary>
public sealed record CapacityResult
{
    /// <summary>What was loaded.</summary>
    public required string Target { get; init; }

    /// <summary>When the search started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The declared response time (ms) each step's p95 was held to.</summary>
    public required double ResponseTimeLimitMs { get; init; }

    /// <summary>The largest error share a step may have.</summary>
    public required double MaxErrorRate { get; init; }

    /// <summary>Seconds each step was measured.</summary>
    public required double StepSeconds { get; init; }

    /// <summary>The highest rate held (requests/s); 0 when even the first step failed.</summary>
    public required double HighestRateHeld { get; init; }

    /// <summary>p95 (ms) at the highest rate held, or <see langword="null"/> when none was.</summary>
    public double? P95AtHighestRateMs { get; init; }

    /// <summary>Why the search stopped: <c>limit exceeded at R/s</c> or <c>max rate reached</c>.</summary>
    public required string StopReason { get; init; }

    /// <summary>Every step, in order.</summary>
    public required IReadOnlyList<CapacityStep> Steps { get; init; }

    /// <summary>The declared rate, when one was given.</summary>
    public double? DeclaredRate { get; init; }

    /// <summary>The run at the declared rate (measures <c>response_time_ms</c>), when one was given.</summary>
    public LoadResult? DeclaredRateRun { get; init; }

    /// <summary>The <c>response_time_ms</c> figure: p95 at the declared rate, else at the highest rate held.</summary>
    public double? ResponseTimeMs => DeclaredRateRun is { Latency.Count: > 0 } run ? run.Latency.P95 : P95AtHighestRateMs;

    /// <summary>
    /// The verdict on the declared figures: the declared rate was held (when given) and the
    /// response time measured there is within the declared one.
    /// </summary>
    public bool Passed =>
        (DeclaredRate is not { } declared || (HighestRateHeld >= declared
            && DeclaredRateRun is { } run && run.Latency.Count > 0 && run.Latency.P95 <= ResponseTimeLimitMs && run.ErrorRate <= MaxErrorRate))
        && HighestRateHeld > 0;
}
