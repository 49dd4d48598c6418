namespace ScoringGrid.Collector;

/// <summary>What an observed value rests on, so a reviewer can re-check it sample by sample.</summary>
public sealed record VerificationEvidence
{
    /// <summary>Start of the range the value was computed over.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>End of that range (the verification time).</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>The metric read, or <see langword="null"/> (load test, no source).</summary>
    public string? Metric { get; init; }

    /// <summary>How many series of the metric contributed.</summary>
    public int SeriesCount { get; init; }

    /// <summary>How many samples (or rolled-up samples) contributed.</summary>
    public long SampleCount { get; init; }

    /// <summary>The oldest contributing sample's time.</summary>
    public DateTimeOffset? FirstSample { get; init; }

    /// <summary>The newest contributing sample's (or marker's) time.</summary>
    public DateTimeOffset? LastSample { get; init; }

    /// <summary>The data used: <c>raw</c>, <c>daily</c> (rollups), <c>latest</c> or <c>load_test</c>.</summary>
    public string? RollupUsed { get; init; }

    /// <summary>A sentence saying how the value was obtained, e.g. the day of the maximum or the number of counter resets.</summary>
    public required string Description { get; init; }

    /// <summary>The load runner's evidence document, for load-test figures.</summary>
    public string? LoadTestJson { get; init; }
}
