namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>Lets tests observe what a handler saw: that it started, and how its wait ended.</summary>
public sealed class CallProbe
{
    private TaskCompletionSource _started = NewSource();
    private TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    /// <summary>"cancelled" when the handler observed cancellation of its token.</summary>
    public Task<string> Ended => _ended.Task;

    public void Reset()
    {
        _started = NewSource();
        _ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void MarkStarted() => _started.TrySetResult();

    public void MarkEnded(string how) => _ended.TrySetResult(how);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
