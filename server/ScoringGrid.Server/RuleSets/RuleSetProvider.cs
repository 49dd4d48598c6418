using ScoringGrid.Scoring;

namespace ScoringGrid.Server.RuleSets;

/// <summary>
/// Holds the rule sets currently served. A call reads <see cref="Current"/> once and keeps that
/// catalog to the end, so a reload never changes the rules under an in-flight call.
/// </summary>
public sealed class RuleSetProvider
{
    private RuleSetCatalog _current;
    private long _reloads;
    private long _failedReloads;

    /// <summary>Starts with <paramref name="initial"/>.</summary>
    public RuleSetProvider(RuleSetCatalog initial) => _current = initial;

    /// <summary>The catalog to use for a call that starts now.</summary>
    public RuleSetCatalog Current => Volatile.Read(ref _current);

    /// <summary>Successful reloads since start.</summary>
    public long Reloads => Interlocked.Read(ref _reloads);

    /// <summary>Reloads rejected because a file was broken (the old catalog kept serving).</summary>
    public long FailedReloads => Interlocked.Read(ref _failedReloads);

    /// <summary>Raised after each reload attempt, with the error when it failed.</summary>
    public event Action<RuleSetCatalog, Exception?>? Reloaded;

    /// <summary>Swaps in <paramref name="next"/> atomically.</summary>
    public void Swap(RuleSetCatalog next)
    {
        Volatile.Write(ref _current, next);
        Interlocked.Increment(ref _reloads);
        Reloaded?.Invoke(next, null);
    }

    /// <summary>Records a rejected reload; the current catalog stays.</summary>
    public void RecordFailure(Exception error)
    {
        Interlocked.Increment(ref _failedReloads);
        Reloaded?.Invoke(Current, error);
    }
}
