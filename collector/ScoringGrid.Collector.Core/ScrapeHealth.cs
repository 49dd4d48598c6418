namespace ScoringGrid.Collector;

/// <summary>A platform's scrape health as stored in Redis.</summary>
/// <param name="LastScrapeMs">Time of the newest stored scrape.</param>
/// <param name="Up">Whether that scrape succeeded.</param>
/// <param name="LastError">Its failure reason, or <see langword="null"/>.</param>
/// <param name="RecentErrors">Up to 100 recent failures, newest first, as <c>"&lt;ms&gt; &lt;reason&gt;"</c>.</param>
public sealed record ScrapeHealth(long LastScrapeMs, bool Up, string? LastError, IReadOnlyList<string> RecentErrors);
