using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Internal;

/// <summary>The shared state of one run: in-flight accounting, the request budget and the drain at the end.</summary>
internal sealed class RunState(ILoadTarget target, Recorder recorder, TimeProvider time, RunOptions options)
{
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private long _issued;
    private bool _draining;

    public Recorder Recorder { get; } = recorder;

    public RunOptions Options { get; } = options;

    public CancellationToken RequestsToken { get; set; }

    public long DispatchEnd { get; set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlightSeen => Volatile.Read(ref _maxInFlight);

    public long IssuedAll => Interlocked.Read(ref _issued);

    /// <summary>Open model: starts a request intended at <paramref name="intended"/> on the thread pool, unless max-in-flight are busy.</summary>
    public bool TryStart(long intended)
    {
        if (Volatile.Read(ref _inFlight) >= Options.MaxInFlight)
        {
            return false;
        }

        Enter();
        Interlocked.Increment(ref _issued);
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Run.RunOneAsync(s.Intended), (Run: this, Intended: intended), preferLocal: false);
        return true;
    }

    /// <summary>Closed model: takes one request from the budget.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref _issued) > Options.MaxRequests)
        {
            Interlocked.Decrement(ref _issued);
            return false;
        }

        Enter();
        return true;
    }

    /// <summary>Closed model: sends one reserved request now.</summary>
    public Task ExecuteAsync(long intended) => RunOneAsync(intended);

    public async Task DrainAsync(TimeSpan grace, CancellationTokenSource abort)
    {
        Volatile.Write(ref _draining, true);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            return;
        }

        try
        {
            await _idle.Task.WaitAsync(grace, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever is still out is cancelled and recorded as unfinished, never dropped silently.
            await abort.CancelAsync().ConfigureAwait(false);
            await _idle.Task.WaitAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        }
    }

    private void Enter()
    {
        var n = Interlocked.Increment(ref _inFlight);
        int seen;
        while (n > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, n, seen) != seen)
        {
        }
    }

    private async Task RunOneAsync(long intended)
    {
        Recorder.Issue(intended);
        var sent = time.GetTimestamp();
        RequestOutcome outcome;
        using var timeout = new CancellationTokenSource(Options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, RequestsToken);
        try
        {
            outcome = await target.SendAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (RequestsToken.IsCancellationRequested)
        {
            outcome = RequestOutcome.Failure(ErrorKinds.Unfinished);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            outcome = RequestOutcome.Failure(ErrorKinds.Timeout);
        }
        catch (Exception e)
        {
            outcome = RequestOutcome.Failure(target.Classify(e));
        }

        Recorder.Complete(intended, sent, time.GetTimestamp(), outcome);
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _draining))
        {
            _idle.TrySetResult();
        }
    }
}
