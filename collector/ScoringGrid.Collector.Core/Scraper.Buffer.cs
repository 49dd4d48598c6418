using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// The per-target write buffer: scrapes queue in order and are written oldest first; while
// Redis is unreachable they wait (bounded), and a later scrape or FlushAsync drains them.
public sealed partial class Scraper
{
    /// <summary>Writes every target's buffered scrapes to Redis, oldest first (the scheduler calls this while Redis recovers).</summary>
    /// <param name="cancellationToken">Stops waiting for busy targets.</param>
    /// <returns>Whether no scrape is left buffered.</returns>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        var empty = true;
        foreach (var state in _states.Values)
        {
            if (state.Pending.Count == 0)
            {
                continue;
            }

            await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                empty &= await TryFlushAsync(state).ConfigureAwait(false);
            }
            finally
            {
                state.Gate.Release();
            }
        }

        return empty;
    }

    /// <summary>Forgets a target's in-memory state (after it is unregistered); its buffered scrapes are flushed first if possible.</summary>
    /// <param name="platformId">The platform.</param>
    public async Task ForgetAsync(string platformId)
    {
        if (_states.TryGetValue(platformId, out var state))
        {
            await state.Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await TryFlushAsync(state).ConfigureAwait(false);
                _states.TryRemove(platformId, out _);
                _store.Invalidate(platformId);
            }
            finally
            {
                state.Gate.Release();
            }
        }
    }

    // Called when this collector gains or gives up a target's lease: another collector may have
    // scraped it meanwhile, so the next scrape must start from what Redis holds (live series for
    // staleness, stored descriptors, the store's write state). Buffered scrapes are written
    // first; if Redis refuses them the state stays, so nothing buffered is lost (the
    // maintenance flush retries).
    internal async Task ResetAsync(string platformId)
    {
        if (_states.TryGetValue(platformId, out var state))
        {
            await state.Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (await TryFlushAsync(state).ConfigureAwait(false))
                {
                    _states.TryRemove(platformId, out _);
                    _store.Invalidate(platformId);
                }
            }
            finally
            {
                state.Gate.Release();
            }
        }
    }

    private async Task<(bool Stored, bool Dropped)> EnqueueAndFlushAsync(TargetState state, ScrapeBatch batch)
    {
        var dropped = false;
        if (state.PendingSamples + batch.Samples.Count > _options.BufferCapacitySamples && state.Pending.Count > 0)
        {
            // Keep what is buffered intact and in order; the newest scrape is the one lost, and counted.
            dropped = true;
            _metrics.BufferOverflowSamples.WithLabels(state.PlatformId).Inc(batch.Samples.Count);
            CollectorLog.BufferOverflow(_logger, state.PlatformId, _options.BufferCapacitySamples, batch.Samples.Count);
        }
        else
        {
            state.Pending.Enqueue(batch);
            state.PendingSamples += batch.Samples.Count;
        }

        var stored = await TryFlushAsync(state).ConfigureAwait(false);
        return (stored && !dropped, dropped);
    }

    // Caller holds state.Gate.
    private async Task<bool> TryFlushAsync(TargetState state)
    {
        var flushed = 0;
        var hadBacklog = state.Pending.Count > 1;
        while (state.Pending.TryPeek(out var batch))
        {
            try
            {
                var written = await _store.WriteAsync(batch).ConfigureAwait(false);
                _metrics.SamplesWritten.Inc(written);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or WriteConflictException)
            {
                _metrics.RedisWriteErrors.Inc();
                CollectorLog.RedisWriteFailed(_logger, state.PlatformId, state.Pending.Count, ex);
                return false;
            }

            state.Pending.Dequeue();
            state.PendingSamples -= batch.Samples.Count;
            flushed++;
        }

        if (hadBacklog && flushed > 0)
        {
            CollectorLog.BufferFlushed(_logger, state.PlatformId, flushed);
        }

        return true;
    }
}
