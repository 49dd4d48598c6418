namespace ScoringGrid.Collector.Internal;

// A running per-target loop and the means to stop it.
internal sealed class TargetLoop
{
    private readonly CancellationTokenSource _cancel;
    private readonly Task _task;

    private TargetLoop(ScrapeTarget target, CancellationTokenSource cancel, Task task)
    {
        Target = target;
        _cancel = cancel;
        _task = task;
    }

    public ScrapeTarget Target { get; }

    public static TargetLoop Start(ScrapeTarget target, ScrapeScheduler scheduler, CancellationToken stopping)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var task = Task.Run(() => scheduler.RunTargetAsync(target, cancel.Token), CancellationToken.None);
        return new TargetLoop(target, cancel, task);
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
