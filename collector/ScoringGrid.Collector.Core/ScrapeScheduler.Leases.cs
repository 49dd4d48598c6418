using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Sharing targets with other collectors: per target, a loop that keeps its lease at the points
// LeaseTiming sets out, and the scrape path that scrapes only under a valid lease; plus the
// periodic re-read of the registered targets.
public sealed partial class ScrapeScheduler
{
    // After handing a target over, keep it if it comes back (the preferred owner did not take
    // it: it does not know the target yet, or it is gone) rather than hand it over every slot.
    private const int HandoverCooldownIntervals = 4;

    /// <summary>
    /// Stops every loop as a crashed process would: leases stay in Redis until they expire and the
    /// membership entry until it times out; nothing is flushed. For tests of the takeover.
    /// </summary>
    internal async Task AbandonAsync()
    {
        _abandoned = true;
        await HaltAsync().ConfigureAwait(false);
    }

    internal async Task RunLeaseAsync(ScrapeTarget target, TargetLease lease, CancellationToken cancellationToken)
    {
        var leases = _leases!;
        var id = target.PlatformId;
        var interval = target.Interval;
        var offset = ScrapeTiming.Offset(id, interval);
        try
        {
            await leases.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);

            // A free target this collector should own is taken at once: a lone collector then
            // scrapes from the first slot, as without leases.
            if (!lease.Held && leases.IsPreferred(id))
            {
                await ApplyAsync(id, await leases.AcquireOrRenewAsync(lease, offset).ConfigureAwait(false)).ConfigureAwait(false);
            }

            var after = _time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                var (at, point, slot) = LeaseTiming.NextPoint(after, interval, offset);
                var wait = at - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    await ApplyAsync(id, leases.CheckLapsed(lease)).ConfigureAwait(false);
                    await StepAsync(lease, point, slot, offset).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CollectorLog.LoopError(_logger, id, ex);
                }

                // Points missed while a call hung are skipped, not replayed in a burst.
                var now = _time.GetUtcNow();
                after = now > at ? now : at;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task StepAsync(TargetLease lease, LeasePoint point, DateTimeOffset slot, TimeSpan offset)
    {
        var leases = _leases!;
        var change = LeaseChange.None;
        switch (point)
        {
            case LeasePoint.Early when lease.Held || leases.IsPreferred(lease.PlatformId):
            case LeasePoint.Late when !lease.Covers(slot):
                change = await leases.AcquireOrRenewAsync(lease, offset).ConfigureAwait(false);
                break;
            case LeasePoint.Handover when lease.Held && leases.WantsHandover(lease):
                // Mid-scrape, the scrape path hands over when the scrape is done.
                if (lease.RequestRelease())
                {
                    await HandOverAsync(lease).ConfigureAwait(false);
                }

                break;
        }

        await ApplyAsync(lease.PlatformId, change).ConfigureAwait(false);
    }

    // Scrapes slot `due` if this collector holds the lease; false when it did not scrape.
    private async Task<bool> ScrapeLeasedAsync(ScrapeTarget target, TargetLease lease, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (!lease.Held)
        {
            return false; // most targets, with many collectors: do not queue for a scrape slot
        }

        bool scraped;
        bool handOver;
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!lease.TryBeginScrape(due))
            {
                return false;
            }

            try
            {
                scraped = await _scraper.ScrapeUnderLeaseAsync(target, lease, cancellationToken).ConfigureAwait(false) is not null;
            }
            finally
            {
                handOver = lease.EndScrape();
            }
        }
        finally
        {
            _concurrency.Release();
        }

        if (handOver)
        {
            await HandOverAsync(lease).ConfigureAwait(false);
        }

        return scraped;
    }

    private async Task HandOverAsync(TargetLease lease)
    {
        var owner = _leases!.PreferredOwner(lease.PlatformId) ?? "?";
        var cooldown = _time.GetUtcNow() + (lease.Interval * HandoverCooldownIntervals);
        await _leases.ReleaseAsync(lease, $"handover to {owner}", cooldown).ConfigureAwait(false);
        await _scraper.ResetAsync(lease.PlatformId).ConfigureAwait(false);
    }

    private Task ApplyAsync(string platformId, LeaseChange change) =>
        change == LeaseChange.None ? Task.CompletedTask : _scraper.ResetAsync(platformId);

    // A removed target: its loops end, then its lease is released (unless it came back meanwhile).
    private async Task ForgetAsync(string platformId, TargetLoop loop)
    {
        await loop.Stop().ConfigureAwait(false);
        lock (_gate)
        {
            if (_loops.ContainsKey(platformId))
            {
                return;
            }
        }

        if (_leases is not null && loop.Lease is { } lease)
        {
            await _leases.ReleaseAsync(lease, "target removed").ConfigureAwait(false);
            _leases.Untrack(platformId);
        }

        await _scraper.ForgetAsync(platformId).ConfigureAwait(false);
    }

    private async Task RefreshTargetsAsync(CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_leases!.Options.RegistryRefresh, _time, cancellationToken).ConfigureAwait(false);
                await _registry.RefreshAsync().ConfigureAwait(false);
                failing = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (!failing)
                {
                    failing = true;
                    CollectorLog.RegistryRefreshFailed(_logger, ex);
                }
            }
        }
    }

    private async Task HaltAsync()
    {
        _registry.Changed -= Reconcile;
        Task[] running;
        lock (_gate)
        {
            // Once only: a second stop (DisposeAsync after StopAsync) finds the source disposed.
            if (_stopping is { IsCancellationRequested: false })
            {
                _stopping.Cancel();
            }

            running =
            [
                .. _loops.Values.Select(static l => l.Stop()),
                _maintenance ?? Task.CompletedTask,
                _membership ?? Task.CompletedTask,
                _refresh ?? Task.CompletedTask,
            ];
            _loops.Clear();
            _metrics.Targets.Set(0);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
