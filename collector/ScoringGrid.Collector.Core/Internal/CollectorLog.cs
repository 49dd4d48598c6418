using Microsoft.Extensions.Logging;

namespace ScoringGrid.Collector.Internal;

// Event ids are stable: dashboards and alerts key on them.
internal static partial class CollectorLog
{
    [LoggerMessage(1, LogLevel.Warning, "Scrape of {PlatformId} failed ({Failure}): {Reason}")]
    public static partial void ScrapeFailed(ILogger logger, string platformId, ScrapeFailure failure, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Redis write for {PlatformId} failed; {PendingBatches} scrape(s) stay buffered")]
    public static partial void RedisWriteFailed(ILogger logger, string platformId, int pendingBatches, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Buffer of {PlatformId} is full ({Capacity} samples); dropped a scrape of {Dropped} samples")]
    public static partial void BufferOverflow(ILogger logger, string platformId, int capacity, int dropped);

    [LoggerMessage(4, LogLevel.Information, "Flushed {Batches} buffered scrape(s) of {PlatformId} to Redis")]
    public static partial void BufferFlushed(ILogger logger, string platformId, int batches);

    [LoggerMessage(5, LogLevel.Information, "Scraping {PlatformId} at {Url} every {Interval} (offset {Offset})")]
    public static partial void TargetStarted(ILogger logger, string platformId, Uri url, TimeSpan interval, TimeSpan offset);

    [LoggerMessage(6, LogLevel.Information, "Stopped scraping {PlatformId}")]
    public static partial void TargetStopped(ILogger logger, string platformId);

    [LoggerMessage(7, LogLevel.Warning, "Retention trim of {PlatformId} failed")]
    public static partial void TrimFailed(ILogger logger, string platformId, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Target {PlatformId} skips TLS certificate verification")]
    public static partial void InsecureTls(ILogger logger, string platformId);

    [LoggerMessage(9, LogLevel.Error, "Scrape loop of {PlatformId} hit an unexpected error; it continues")]
    public static partial void LoopError(ILogger logger, string platformId, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Could not read the live series of {PlatformId} after start; staleness of series gone during the restart is skipped")]
    public static partial void LiveSeriesUnavailable(ILogger logger, string platformId, Exception exception);
}
