namespace ScoringGrid.Collector;

/// <summary>The outcome of one scrape of one target.</summary>
public sealed record ScrapeResult
{
    /// <summary>The platform scraped.</summary>
    public required string PlatformId { get; init; }

    /// <summary>The scrape time, which every sample of the scrape is stored at.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Whether the scrape succeeded (the value of the synthetic <c>up</c> series).</summary>
    public bool Up => Failure == ScrapeFailure.None;

    /// <summary>Why it failed, or <see cref="ScrapeFailure.None"/>.</summary>
    public ScrapeFailure Failure { get; init; }

    /// <summary>The failure reason (also stored in the platform's health), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Fetch and parse time (the synthetic <c>scrape_duration_seconds</c>).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Samples in the body (the synthetic <c>scrape_samples_scraped</c>).</summary>
    public int SamplesScraped { get; init; }

    /// <summary>Staleness markers written for series that disappeared (or all, when the target went down).</summary>
    public int StaleMarkers { get; init; }

    /// <summary>Whether this scrape (and all buffered before it) reached Redis.</summary>
    public bool Stored { get; init; }

    /// <summary>Scrapes of this target waiting in the buffer after this one.</summary>
    public int BufferedScrapes { get; init; }

    /// <summary>Whether the buffer was full and this scrape was dropped (and counted as overflow).</summary>
    public bool Dropped { get; init; }
}
