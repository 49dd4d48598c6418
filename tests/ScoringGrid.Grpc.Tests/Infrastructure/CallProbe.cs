namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>Lets tests observe what a handler saw: that it started, and how its wait ended.</summary>
public sealed class CallProbe
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
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

    /// <summary>Counts a call with <paramref name="key"/>; returns how many there have been, this one included.</summary>
    public int CountAttempt(string key) => _attempts.AddOrUpdate(key, 1, static (_, n) => n + 1);

    public int Attempts(string key) => _attempts.GetValueOrDefault(key);

    public void MarkEnded(string how) => _ended.TrySetResult(how);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
