namespace ScoringGrid.Collector;

/// <summary>A registered platform with its scrape health.</summary>
/// <param name="Target">The scrape target.</param>
/// <param name="Health">The stored health, or <see langword="null"/> if never scraped or Redis is unavailable.</param>
public sealed record PlatformStatus(ScrapeTarget Target, ScrapeHealth? Health);
