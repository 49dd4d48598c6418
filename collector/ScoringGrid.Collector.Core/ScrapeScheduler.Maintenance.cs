using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector;

// Background upkeep: drain buffered scrapes while Redis recovers, and trim retention.
public sealed partial class ScrapeScheduler
{
    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var nextTrim = _time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
                if (_scraper.BufferedSamples > 0)
                {
                    await _scraper.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                if (_time.GetUtcNow() >= nextTrim)
                {
                    nextTrim = _time.GetUtcNow() + _options.TrimInterval;
                    await TrimAllAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task TrimAllAsync()
    {
        foreach (var target in _registry.List())
        {
            try
            {
                await _store.TrimAsync(target.PlatformId, _time.GetUtcNow()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                CollectorLog.TrimFailed(_logger, target.PlatformId, ex);
            }
        }
    }
}
