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

    [LoggerMessage(11, LogLevel.Information, "Acquired the scrape lease of {PlatformId}")]
    public static partial void LeaseAcquired(ILogger logger, string platformId);

    [LoggerMessage(12, LogLevel.Warning, "Lost the scrape lease of {PlatformId} to {Owner}; stopped scraping it")]
    public static partial void LeaseLost(ILogger logger, string platformId, string owner);

    [LoggerMessage(13, LogLevel.Warning, "Scrape lease of {PlatformId} was not renewed in time (Redis unreachable?); stopped scraping it")]
    public static partial void LeaseLapsed(ILogger logger, string platformId);

    [LoggerMessage(14, LogLevel.Information, "Released the scrape lease of {PlatformId} ({Reason})")]
    public static partial void LeaseReleased(ILogger logger, string platformId, string reason);

    [LoggerMessage(15, LogLevel.Debug, "Lease call for {PlatformId} failed")]
    public static partial void LeaseCallFailed(ILogger logger, string platformId, Exception exception);

    [LoggerMessage(16, LogLevel.Information, "Collector members: {Count} live ({Members})")]
    public static partial void MembersChanged(ILogger logger, int count, string members);

    [LoggerMessage(17, LogLevel.Warning, "Collector heartbeat failed; leases lapse if Redis stays unreachable")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(18, LogLevel.Warning, "Refreshing the registered targets from Redis failed; keeping the current ones")]
    public static partial void RegistryRefreshFailed(ILogger logger, Exception exception);
}
