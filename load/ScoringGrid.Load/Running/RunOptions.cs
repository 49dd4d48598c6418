namespace ScoringGrid.Load.Running;

/// <summary>Bounds and settings of one run. Every run is bounded in requests and in time.</summary>
public sealed record RunOptions
{
    /// <summary>Load applied before measuring; its requests are excluded from every figure.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>Open model: the most requests in flight at once; a start that finds them all busy is counted as dropped.</summary>
    public int MaxInFlight { get; init; } = 1_000;

    /// <summary>The most requests started (warm-up included); the run stops issuing when reached.</summary>
    public long MaxRequests { get; init; } = 1_000_000;

    /// <summary>The longest the run may last (warm-up included), whatever the model says.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A request without an answer after this long fails as <c>timeout</c>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Open model: how long before an intended start the dispatcher stops sleeping and yield-spins,
    /// so starts are neither early nor a timer tick late. Zero saves the CPU at the cost of up to
    /// a millisecond of lateness (counted in latency).
    /// </summary>
    public TimeSpan SpinWindow { get; init; } = TimeSpan.FromMilliseconds(1.5);

    /// <summary>How often progress is reported.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Warmup, TimeSpan.Zero, nameof(Warmup));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1, nameof(MaxInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequests, 1, nameof(MaxRequests));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxDuration, TimeSpan.Zero, nameof(MaxDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(SpinWindow, TimeSpan.Zero, nameof(SpinWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
    }
}
