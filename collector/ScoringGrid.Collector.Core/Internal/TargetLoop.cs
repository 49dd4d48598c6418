namespace ScoringGrid.Collector.Internal;

// A running per-target loop (and, with leases, the loop keeping the target's lease) and the
// means to stop them.
internal sealed class TargetLoop
{
    private readonly CancellationTokenSource _cancel;
    private readonly Task _task;

    private TargetLoop(ScrapeTarget target, TargetLease? lease, CancellationTokenSource cancel, Task task)
    {
        Target = target;
        Lease = lease;
        _cancel = cancel;
        _task = task;
    }

    public ScrapeTarget Target { get; }

    public TargetLease? Lease { get; }

    public static TargetLoop Start(ScrapeTarget target, TargetLease? lease, ScrapeScheduler scheduler, CancellationToken stopping)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = cancel.Token;
        var scrape = Task.Run(() => scheduler.RunTargetAsync(target, lease, token), CancellationToken.None);
        var task = lease is null
            ? scrape
            : Task.WhenAll(scrape, Task.Run(() => scheduler.RunLeaseAsync(target, lease, token), CancellationToken.None));
        return new TargetLoop(target, lease, cancel, task);
    }

    public async Task Stop()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        try
        {
            await _task.ConfigureAwait(false);
        }
        finally
        {
            _cancel.Dispose();
        }
    }
}
