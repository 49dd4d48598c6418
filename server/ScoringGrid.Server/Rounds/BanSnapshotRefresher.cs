using ScoringGrid.Rounds;

namespace ScoringGrid.Server.Rounds;

/// <summary>
/// Keeps the fraud registry's snapshot fresh from the background, twice per refresh interval, so
/// that <c>gate.not_banned</c> in plain scoring (a synchronous lookup on a request thread) finds it
/// fresh and never waits on Redis itself: a request thread blocked on the connection, and every
/// request queued behind the registry's lock, would stall whenever the thread pool is short of
/// threads to complete the read. The lookup's own refresh stays as the fallback.
/// </summary>
internal sealed partial class BanSnapshotRefresher(RedisRounds rounds, TimeProvider time, ILogger<BanSnapshotRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (rounds.Registry is not { } registry)
        {
            return;
        }

        var pause = registry.RefreshInterval / 2;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await registry.CurrentAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Redis away: lookups keep the last snapshot until the refresh succeeds again.
                RefreshFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Fraud registry refresh failed: {Reason}")]
    private static partial void RefreshFailed(ILogger logger, string reason);
}
