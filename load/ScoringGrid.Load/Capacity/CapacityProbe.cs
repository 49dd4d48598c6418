using System.Globalization;
using ScoringGrid.Load.Models;
using ScoringGrid.Load.Reports;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Capacity;

/// <summary>
/// Finds the highest arrival rate a target holds: runs constant-arrival-rate steps from the start
/// rate upward until a step's p95 (from intended start) exceeds the declared response time or its
/// errors (failed + dropped) exceed the limit, and reports the last step held.
/// </summary>
public sealed class CapacityProbe(LoadRunner runner, TimeProvider? time = null)
{
    /// <summary>Runs the search.</summary>
    /// <param name="target">Where requests go.</param>
    /// <param name="options">Rates, step length, limits.</param>
    /// <param name="runOptions">Per-step bounds (max in flight, timeouts); its warm-up is replaced by <see cref="CapacityOptions.StepWarmup"/>.</param>
    /// <param name="onStep">Called after each step (for live output), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public async Task<CapacityResult> RunAsync(
        ILoadTarget target, CapacityOptions options, RunOptions? runOptions = null, Action<CapacityStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stepOptions = (runOptions ?? new RunOptions()) with { Warmup = options.StepWarmup };
        var startedAt = (time ?? TimeProvider.System).GetUtcNow();
        var steps = new List<CapacityStep>();
        double highest = 0;
        double? p95AtHighest = null;
        var stopReason = "max rate reached";
        for (var i = 0; ; i++)
        {
            var rate = options.StartRate + (i * options.StepRate);
            if (rate > options.MaxRate + 1e-9 || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var thisStep = i == 0 ? stepOptions with { Warmup = options.StepWarmup + options.Warmup } : stepOptions;
            var result = await runner.RunAsync(target, new ConstantArrivalRate(rate, options.StepDuration), thisStep, null, cancellationToken).ConfigureAwait(false);
            var step = Judge(rate, result, options);
            steps.Add(step);
            onStep?.Invoke(step);
            if (!step.Held)
            {
                stopReason = string.Create(CultureInfo.InvariantCulture, $"limit exceeded at {rate:0.##}/s: {step.Reason}");
                break;
            }

            highest = rate;
            p95AtHighest = result.Latency.P95;
        }

        LoadResult? declaredRun = null;
        if (options.DeclaredRate is { } declared && !cancellationToken.IsCancellationRequested)
        {
            declaredRun = await runner.RunAsync(target, new ConstantArrivalRate(declared, options.StepDuration), stepOptions, null, cancellationToken).ConfigureAwait(false);
        }

        return new CapacityResult
        {
            Target = target.Description,
            StartedAt = startedAt,
            ResponseTimeLimitMs = options.ResponseTimeLimit.TotalMilliseconds,
            MaxErrorRate = options.MaxErrorRate,
            StepSeconds = options.StepDuration.TotalSeconds,
            HighestRateHeld = highest,
            P95AtHighestRateMs = p95AtHighest,
            StopReason = stopReason,
            Steps = steps,
            DeclaredRate = options.DeclaredRate,
            DeclaredRateRun = declaredRun,
        };
    }

    /// <summary>Whether a step held: p95 within the response-time limit and errors within the error limit.</summary>
    internal static CapacityStep Judge(double rate, LoadResult r, CapacityOptions options)
    {
        var limitMs = options.ResponseTimeLimit.TotalMilliseconds;
        string reason;
        bool held;
        if (r.ErrorRate > options.MaxErrorRate)
        {
            held = false;
            reason = string.Create(CultureInfo.InvariantCulture, $"errors {r.ErrorRate * 100:0.##}% > {options.MaxErrorRate * 100:0.##}%");
        }
        else if (r.Latency.Count == 0 || r.Latency.P95 > limitMs)
        {
            held = false;
            reason = string.Create(CultureInfo.InvariantCulture, $"p95 {r.Latency.P95:0.##}ms > {limitMs:0.##}ms");
        }
        else
        {
            held = true;
            reason = string.Create(CultureInfo.InvariantCulture, $"p95 {r.Latency.P95:0.##}ms, errors {r.ErrorRate * 100:0.##}%");
        }

        return new CapacityStep(rate, held, reason, r.ThroughputRps, r.Issued, r.Failed, r.Dropped, r.ErrorRate, r.ErrorsByKind, r.Latency);
    }
}
