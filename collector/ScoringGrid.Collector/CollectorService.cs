using ScoringGrid.Collector;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Service;

// Starts scraping once the host is up: persisted targets from Redis (if reachable), then the
// configuration file's targets, then the scheduler; stops it (flushing what it can, releasing
// its leases so other collectors take over at once) on shutdown.
internal sealed partial class CollectorService(
    TargetRegistry registry, ScrapeScheduler scheduler, IReadOnlyList<ScrapeTarget> configured, ILogger<CollectorService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            LogLoaded(logger, await registry.LoadAsync().ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Scraping must not wait for Redis: configured targets run and buffer until it is back.
            LogRedisDown(logger, ex);
        }

        registry.AddConfigured(configured);
        scheduler.Start();
    }

    public Task StopAsync(CancellationToken cancellationToken) => scheduler.StopAsync();

    [LoggerMessage(101, LogLevel.Information, "Loaded {Count} registered platform(s) from Redis")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(102, LogLevel.Warning, "Redis unavailable at start; registered platforms load on the next start, configured targets run and buffer")]
    private static partial void LogRedisDown(ILogger logger, Exception exception);
}
