using ScoringGrid.Load.Internal;
using ScoringGrid.Load.Models;

namespace ScoringGrid.Load.Running;

public sealed partial class LoadRunner
{
    // One dispatcher, on its own thread so it never waits behind the thread pool it feeds, walks
    // the schedule: it sleeps until the next intended start, then issues every start that is due
    // (catching up after an oversleep). Each request runs on the thread pool, so a slow request
    // or a slow send never delays the schedule.
    private Task<string> RunOpenAsync(RunState run, ArrivalSchedule schedule, double warmupRate, long start, long measureStart, long deadline, CancellationToken token)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(Dispatch(run, schedule, warmupRate, start, measureStart, deadline, token));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "sg-load dispatcher",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }

    private string Dispatch(RunState run, ArrivalSchedule schedule, double warmupRate, long start, long measureStart, long deadline, CancellationToken token)
    {
        var frequency = (double)_time.TimestampFrequency;
        var warmupSeconds = (measureStart - start) / frequency;
        var warmup = warmupSeconds > 0 && warmupRate > 0
            ? new ArrivalSchedule(warmupRate, [new RateStage(warmupRate, TimeSpan.FromSeconds(warmupSeconds))])
            : null;

        while (true)
        {
            double offset;
            if (warmup is not null && warmup.TryNext(out var w))
            {
                offset = w;
            }
            else if (schedule.TryNext(out var s))
            {
                warmup = null;
                offset = warmupSeconds + s;
            }
            else
            {
                return "completed";
            }

            var intended = start + (long)(offset * frequency);
            if (intended >= deadline)
            {
                return "max-duration";
            }

            if (run.IssuedAll >= run.Options.MaxRequests)
            {
                return "max-requests";
            }

            if (!WaitUntil(intended, frequency, run.Options.SpinWindow, token))
            {
                return "cancelled";
            }

            if (token.IsCancellationRequested)
            {
                return "cancelled";
            }

            if (!run.TryStart(intended))
            {
                run.Recorder.Drop(intended);
            }
        }
    }

    // Never early: a request sent before its intended time would under-report latency. Timers
    // have millisecond granularity and may fire up to a tick early or late, so sleep until the
    // spin window before the intended time, then yield-spin the rest. A zero window rounds the
    // sleep up instead (no spinning, up to a tick late, which the latency then includes).
    private bool WaitUntil(long intended, double frequency, TimeSpan spinWindow, CancellationToken token)
    {
        var spinTicks = (long)(spinWindow.TotalSeconds * frequency);
        while (true)
        {
            var remaining = intended - _time.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            if (token.IsCancellationRequested)
            {
                return false;
            }

            if (remaining <= spinTicks)
            {
                Thread.Yield();
                continue;
            }

            var sleepMs = spinTicks > 0
                ? Math.Floor((remaining - spinTicks) * 1000 / frequency)
                : Math.Ceiling(remaining * 1000 / frequency);
            token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Max(1, sleepMs)));
        }
    }

    private async Task<string> RunClosedAsync(RunState run, int concurrency, long end, long deadline, CancellationToken token)
    {
        var stop = Math.Min(end, deadline);
        var workers = new Task<string>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = Task.Run(() => WorkerAsync(run, stop, token), CancellationToken.None);
        }

        var reasons = await Task.WhenAll(workers).ConfigureAwait(false);
        foreach (var r in reasons)
        {
            if (r != "completed")
            {
                return r;
            }
        }

        return deadline < end ? "max-duration" : "completed";
    }

    private async Task<string> WorkerAsync(RunState run, long stop, CancellationToken token)
    {
        while (true)
        {
            if (token.IsCancellationRequested)
            {
                return "cancelled";
            }

            var now = _time.GetTimestamp();
            if (now >= stop)
            {
                return "completed";
            }

            if (!run.TryReserve())
            {
                return "max-requests";
            }

            await run.ExecuteAsync(now).ConfigureAwait(false);
        }
    }
}
