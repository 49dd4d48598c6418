namespace ScoringGrid.Load.Capacity;

/// <summary>How a capacity search steps the arrival rate and when a step counts as held.</summary>
public sealed record CapacityOptions
{
    /// <summary>The first rate tried (requests/s).</summary>
    public required double StartRate { get; init; }

    /// <summary>How much each step adds.</summary>
    public required double StepRate { get; init; }

    /// <summary>The highest rate tried.</summary>
    public required double MaxRate { get; init; }

    /// <summary>How long each step is measured.</summary>
    public required TimeSpan StepDuration { get; init; }

    /// <summary>The declared response time: a step whose p95 exceeds it is not held.</summary>
    public required TimeSpan ResponseTimeLimit { get; init; }

    /// <summary>A step with a larger share of failed or dropped starts is not held (rulebook: 1 %).</summary>
    public double MaxErrorRate { get; init; } = 0.01;

    /// <summary>Load before each step's measurement, at the step's rate (lets queues and connections settle).</summary>
    public TimeSpan StepWarmup { get; init; } = TimeSpan.Zero;

    /// <summary>Extra load before the first step's measurement (JIT, connection pools, caches), at the first step's rate.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>The declared rate: when set, a final run at exactly this rate measures <c>response_time_ms</c>.</summary>
    public double? DeclaredRate { get; init; }

    internal void Validate()
    {
        if (StartRate <= 0 || StepRate <= 0 || MaxRate < StartRate)
        {
            throw new ArgumentException("capacity: need start > 0, step > 0 and max ≥ start");
        }

        if (StepDuration <= TimeSpan.Zero || ResponseTimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentException("capacity: the step duration and the declared response time must be positive");
        }

        if ((MaxRate - StartRate) / StepRate > 1_000)
        {
            throw new ArgumentException("capacity: more than 1,000 steps; raise the step");
        }
    }
}
