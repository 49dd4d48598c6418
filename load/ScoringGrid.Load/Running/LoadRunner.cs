using ScoringGrid.Load.Internal;
using ScoringGrid.Load.Models;
using ScoringGrid.Load.Reports;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Running;

/// <summary>
/// Runs a load model against a target and measures it. Open models start requests on a
/// schedule whatever the server does and measure latency from each intended start, so a
/// stalled server cannot hide behind fewer requests (no coordinated omission); a start that
/// finds <see cref="RunOptions.MaxInFlight"/> requests already waiting is counted as dropped.
/// </summary>
public sealed partial class LoadRunner
{
    private readonly TimeProvider _time;

    /// <summary>Creates a runner; <paramref name="time"/> gives timestamps and delays (the system clock when null).</summary>
    public LoadRunner(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Runs <paramref name="model"/> against <paramref name="target"/>.</summary>
    /// <param name="target">Where requests go.</param>
    /// <param name="model">How requests are started.</param>
    /// <param name="options">Warm-up, bounds and timeouts.</param>
    /// <param name="progress">Receives a snapshot about once a second, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops issuing; requests in flight are then given the drain period.</param>
    public async Task<LoadResult> RunAsync(
        ILoadTarget target, LoadModel model, RunOptions? options = null, IProgress<ProgressSnapshot>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new RunOptions();
        options.Validate();

        EnsureThreads();
        var startedAt = _time.GetUtcNow();
        var frequency = _time.TimestampFrequency;
        var start = _time.GetTimestamp();
        var measureStart = start + Ticks(options.Warmup, frequency);
        var run = new RunState(target, new Recorder(measureStart, frequency), _time, options);
        using var aborted = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted.Token);
        run.RequestsToken = aborted.Token;

        var planned = options.Warmup + model.Duration;
        var bounded = planned <= options.MaxDuration ? planned : options.MaxDuration;
        using var progressStop = new CancellationTokenSource();
        var progressTask = progress is null
            ? Task.CompletedTask
            : ReportProgressAsync(run, progress, start, measureStart, bounded, progressStop.Token);

        string stopReason;
        try
        {
            var deadline = start + Ticks(options.MaxDuration, frequency);
            stopReason = model.CreateSchedule() is { } schedule
                ? await RunOpenAsync(run, schedule, model.WarmupRate, start, measureStart, deadline, linked.Token).ConfigureAwait(false)
                : await RunClosedAsync(run, ((ConstantConcurrency)model).Concurrency, measureStart + Ticks(model.Duration, frequency), deadline, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            var dispatchEnd = _time.GetTimestamp();
            await run.DrainAsync(options.RequestTimeout + TimeSpan.FromSeconds(1), aborted).ConfigureAwait(false);
            run.DispatchEnd = dispatchEnd;
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progressTask.ConfigureAwait(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            stopReason = "cancelled";
        }

        return Summarise(run, target, model, options, startedAt, measureStart, stopReason);
    }

    // The pool starts with one thread per core and adds about two a second under pressure; a
    // burst of starts on 2 cores would queue behind that growth and arrive in clumps.
    private static void EnsureThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        var wanted = Math.Min(256, 16 * Environment.ProcessorCount);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, Math.Max(io, wanted));
        }
    }

    private static long Ticks(TimeSpan span, long frequency) => (long)(span.TotalSeconds * frequency);

    private LoadResult Summarise(RunState run, ILoadTarget target, LoadModel model, RunOptions options, DateTimeOffset startedAt, long measureStart, string stopReason)
    {
        var recorder = run.Recorder;
        var (latency, service, errors, intervals) = recorder.Finish();
        var end = Math.Max(run.DispatchEnd, recorder.LastCompletion);
        var seconds = Math.Max(1e-9, (end - measureStart) / (double)_time.TimestampFrequency);
        var issuingSeconds = Math.Max(1e-9, Math.Min(seconds, model.Duration.TotalSeconds));
        var distribution = new List<PercentilePoint>();
        foreach (var p in PercentileSteps)
        {
            distribution.Add(new PercentilePoint(p, latency.ValueAtPercentile(p) / 1e6));
        }

        return new LoadResult
        {
            Target = target.Description,
            Model = model.Describe(),
            OpenModel = model is not ConstantConcurrency,
            StartedAt = startedAt,
            WarmupSeconds = options.Warmup.TotalSeconds,
            MeasuredSeconds = seconds,
            StopReason = stopReason,
            WarmupRequests = recorder.WarmupRequests,
            Issued = recorder.Issued,
            Succeeded = recorder.Succeeded,
            Failed = recorder.Failed,
            Dropped = recorder.Dropped,
            ErrorsByKind = errors,
            ThroughputRps = recorder.Succeeded / seconds,
            OfferedRps = (recorder.Issued + recorder.Dropped) / issuingSeconds,
            MaxInFlightSeen = run.MaxInFlightSeen,
            Latency = LatencySummary.From(latency),
            ServiceTime = LatencySummary.From(service),
            Intervals = intervals,
            Distribution = distribution,
            Histogram = latency,
        };
    }

    private static readonly double[] PercentileSteps =
        [0, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 98, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100];

    private async Task ReportProgressAsync(RunState run, IProgress<ProgressSnapshot> progress, long start, long measureStart, TimeSpan total, CancellationToken stop)
    {
        var last = _time.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(run.Options.ProgressInterval, _time, stop).ConfigureAwait(false);
                var now = _time.GetTimestamp();
                progress.Report(run.Recorder.Snapshot(_time.GetElapsedTime(start, now), total, now < measureStart, run.IssuedAll, run.InFlight, _time.GetElapsedTime(last, now)));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }
}
