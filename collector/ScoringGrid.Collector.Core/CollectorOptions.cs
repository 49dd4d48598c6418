namespace ScoringGrid.Collector;

/// <summary>Limits, retention and buffering of a collector. The defaults follow Prometheus and vmagent.</summary>
public sealed record CollectorOptions
{
    /// <summary>The defaults.</summary>
    public static CollectorOptions Default { get; } = new();

    /// <summary>Largest accepted (decompressed) body; larger bodies fail the scrape. Default 16 MiB, as vmagent.</summary>
    public long BodySizeLimitBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most samples a scrape may hold (Prometheus' <c>sample_limit</c>); more fails the scrape.</summary>
    public int SampleLimit { get; init; } = 200_000;

    /// <summary>Most scrapes in flight at once across all targets.</summary>
    public int MaxConcurrentScrapes { get; init; } = 64;

    /// <summary>How long raw samples are kept. Default 35 days: a 30-day window plus slack.</summary>
    public TimeSpan RawRetention { get; init; } = TimeSpan.FromDays(35);

    /// <summary>How long daily rollups are kept. Default two years.</summary>
    public TimeSpan RollupRetention { get; init; } = TimeSpan.FromDays(731);

    /// <summary>Samples buffered per target while Redis is unreachable; further scrapes are dropped and counted.</summary>
    public int BufferCapacitySamples { get; init; } = 500_000;

    /// <summary>The longest wait between attempts at a target that keeps failing.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Samples per Redis script call; larger scrapes are split into pipelined calls.</summary>
    public int WriteChunkSamples { get; init; } = 1_000;

    /// <summary>How often retention trimming runs in the scrape scheduler.</summary>
    public TimeSpan TrimInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BodySizeLimitBytes, 1024, nameof(BodySizeLimitBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BodySizeLimitBytes, Array.MaxLength, nameof(BodySizeLimitBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleLimit, nameof(SampleLimit));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentScrapes, nameof(MaxConcurrentScrapes));
        ArgumentOutOfRangeException.ThrowIfLessThan(RawRetention, TimeSpan.FromHours(1), nameof(RawRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(RollupRetention, RawRetention, nameof(RollupRetention));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BufferCapacitySamples, nameof(BufferCapacitySamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, TimeSpan.FromSeconds(1), nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WriteChunkSamples, nameof(WriteChunkSamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(TrimInterval, TimeSpan.FromSeconds(1), nameof(TrimInterval));
    }
}
