using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector;

/// <summary>
/// Runs one timer loop per registered target: scrapes at a fixed, hash-derived offset within
/// the interval (targets spread, restarts keep the phase), at most
/// <see cref="CollectorOptions.MaxConcurrentScrapes"/> at once, with a doubling back-off for
/// a target that keeps failing. A maintenance loop flushes buffered scrapes once a second
/// and trims retention. With <see cref="ScrapeLeases"/>, several collectors share the targets:
/// each schedules them all but scrapes only those whose lease it holds. All timing uses the
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ScrapeScheduler : IAsyncDisposable
{
    private readonly TargetRegistry _registry;
    private readonly Scraper _scraper;
    private readonly SampleStore _store;
    private readonly TimeProvider _time;
    private readonly CollectorOptions _options;
    private readonly CollectorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ScrapeLeases? _leases;
    private readonly SemaphoreSlim _concurrency;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TargetLoop> _loops = new(StringComparer.Ordinal);
    private long _armedWaits;
    private CancellationTokenSource? _stopping;
    private Task? _maintenance;
    private Task? _membership;
    private Task? _refresh;
    private bool _abandoned;

    /// <summary>Creates a scheduler; nothing runs before <see cref="Start"/>.</summary>
    /// <param name="registry">The targets.</param>
    /// <param name="scraper">Does each scrape.</param>
    /// <param name="store">For retention trimming.</param>
    /// <param name="time">The clock all timers use.</param>
    /// <param name="metrics">The collector's metrics (the same instance the scraper got), or null.</param>
    /// <param name="logger">The logger, or null.</param>
    /// <param name="leases">Shares the targets with other collectors; null scrapes every target here.</param>
    public ScrapeScheduler(
        TargetRegistry registry,
        Scraper scraper,
        SampleStore store,
        TimeProvider time,
        CollectorMetrics? metrics = null,
        ILogger<ScrapeScheduler>? logger = null,
        ScrapeLeases? leases = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _scraper = scraper ?? throw new ArgumentNullException(nameof(scraper));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = store.Options;
        _metrics = metrics ?? new CollectorMetrics();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _leases = leases;
        _concurrency = new SemaphoreSlim(_options.MaxConcurrentScrapes, _options.MaxConcurrentScrapes);
    }

    /// <summary>The platforms currently scheduled.</summary>
    public IReadOnlyList<string> ScheduledPlatforms
    {
        get
        {
            lock (_gate)
            {
                return [.. _loops.Keys];
            }
        }
    }

    /// <summary>
    /// How many times a target loop has armed its wait for the next slot. Tests on a fake clock wait
    /// for it to move before advancing time, so an advance never lands before the timer exists.
    /// </summary>
    internal long ArmedWaits => Interlocked.Read(ref _armedWaits);

    /// <summary>Starts loops for the registered targets and follows registry changes.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_stopping is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
        }

        _registry.Changed += Reconcile;
        if (_leases is not null)
        {
            var token = _stopping.Token;
            _membership = Task.Run(() => _leases.RunMembershipAsync(token), CancellationToken.None);
            _refresh = Task.Run(() => RefreshTargetsAsync(token), CancellationToken.None);
        }

        Reconcile();
        _maintenance = Task.Run(() => MaintainAsync(_stopping.Token));
    }

    /// <summary>
    /// Stops every loop and waits for scrapes in flight, then flushes what it can; with leases,
    /// releases them and leaves the membership, so other collectors take over at once.
    /// </summary>
    public async Task StopAsync()
    {
        await HaltAsync().ConfigureAwait(false);
        if (_abandoned)
        {
            return;
        }

        await _scraper.FlushAsync().ConfigureAwait(false);
        if (_leases is not null)
        {
            await _leases.ReleaseAllAsync("shutdown").ConfigureAwait(false);
            await _leases.LeaveAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping?.Dispose();
        _concurrency.Dispose();
    }

    private void Reconcile()
    {
        var wanted = _registry.List();
        lock (_gate)
        {
            if (_stopping is null || _stopping.IsCancellationRequested)
            {
                return;
            }

            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in wanted)
            {
                keep.Add(target.PlatformId);
            }

            // Before any loop starts, so each one's first look at the assignment includes its target.
            _leases?.SetTargets(keep);
            foreach (var target in wanted)
            {
                if (_loops.TryGetValue(target.PlatformId, out var loop) && ReferenceEquals(loop.Target, target))
                {
                    continue;
                }

                loop?.Stop();
                var lease = _leases?.Track(target.PlatformId, target.Interval);
                _loops[target.PlatformId] = TargetLoop.Start(target, lease, this, _stopping.Token);
            }

            foreach (var id in _loops.Keys.Where(id => !keep.Contains(id)).ToList())
            {
                _loops.Remove(id, out var removed);
                _ = ForgetAsync(id, removed!);
                CollectorLog.TargetStopped(_logger, id);
            }

            _metrics.Targets.Set(_loops.Count);
        }
    }

    // Runs one target until cancelled. Exceptions other than cancellation are logged and the
    // loop goes on: one target's bug must not stop the others or this one for good.
    internal async Task RunTargetAsync(ScrapeTarget target, TargetLease? lease, CancellationToken cancellationToken)
    {
        var offset = ScrapeTiming.Offset(target.PlatformId, target.Interval);
        CollectorLog.TargetStarted(_logger, target.PlatformId, target.Url, target.Interval, offset);
        if (target.TlsInsecureSkipVerify)
        {
            CollectorLog.InsecureTls(_logger, target.PlatformId);
        }

        var due = ScrapeTiming.NextSlot(_time.GetUtcNow(), target.Interval, offset);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wait = due - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    var delay = Task.Delay(wait, _time, cancellationToken);
                    Interlocked.Increment(ref _armedWaits);
                    await delay.ConfigureAwait(false);
                }

                if (lease is not null && !await ScrapeLeasedAsync(target, lease, due, cancellationToken).ConfigureAwait(false))
                {
                    // Not ours this slot: look again at the next one (no back-off, it is not a failure).
                    due = ScrapeTiming.NextDue(due, _time.GetUtcNow(), target.Interval, offset, 0, _options.MaxBackoff);
                    continue;
                }

                if (lease is null)
                {
                    await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await _scraper.ScrapeAsync(target, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _concurrency.Release();
                    }
                }

                due = ScrapeTiming.NextDue(
                    due, _time.GetUtcNow(), target.Interval, offset, _scraper.ConsecutiveFailures(target.PlatformId), _options.MaxBackoff);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CollectorLog.LoopError(_logger, target.PlatformId, ex);
                due = _time.GetUtcNow() + target.Interval;
            }
        }
    }
}
