using System.CommandLine;
using ScoringGrid.Collector;
using ScoringGrid.Load.Capacity;
using ScoringGrid.Load.Evidence;
using ScoringGrid.Load.Reports;
using ScoringGrid.Load.Running;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>
/// <c>sg-load capacity</c>: steps the arrival rate until p95 exceeds the declared response time or
/// errors exceed 1 %, reports the highest rate held with every step, gives a pass/fail verdict on
/// the declared figures and can store it as verification evidence (rulebook §7).
/// </summary>
internal static class CapacityCommand
{
    public static Command Create()
    {
        var target = new TargetOptions();
        var settings = new RunSettings();
        var start = new Option<string?>("--start") { Description = "First rate, requests/s (default: the step)" };
        var step = new Option<string?>("--step") { Description = "Rate added per step (default: a tenth of --max)" };
        var max = new Option<string?>("--max") { Description = "Highest rate tried (default: 1.5 × --declared-rps)" };
        var stepDuration = new Option<string>("--step-duration") { Description = "Measured length of each step", DefaultValueFactory = static _ => "10s" };
        var responseTime = new Option<string>("--response-time") { Description = "Declared response time: a step with a larger p95 is not held (e.g. 200ms)", Required = true };
        var declaredRps = new Option<string?>("--declared-rps") { Description = "Declared max concurrency (requests/s): verdict and response_time_ms are taken at this rate" };
        var maxErrors = new Option<string>("--max-errors") { Description = "Largest share of failed or dropped starts a step may have", DefaultValueFactory = static _ => "1%" };
        var stepWarmup = new Option<string>("--step-warmup") { Description = "Load before each step's measurement, at the step's rate (--warmup applies before the first step only)", DefaultValueFactory = static _ => "1s" };
        var record = new Option<bool>("--record-evidence") { Description = "Store max_concurrency_rps and response_time_ms as verification evidence in the collector's Redis" };
        var redis = new Option<string?>("--redis") { Description = "Collector Redis, HOST:PORT (with --record-evidence)" };
        var platform = new Option<string?>("--platform") { Description = "Platform id the evidence belongs to (with --record-evidence)" };

        var command = new Command("capacity", "Find the highest arrival rate a target holds within a declared response time and 1 % errors")
        {
            start, step, max, stepDuration, stepWarmup, responseTime, declaredRps, maxErrors, record, redis, platform,
        };
        target.AddTo(command);
        settings.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            CapacityOptions options;
            RunOptions runOptions;
            try
            {
                var declared = result.GetValue(declaredRps) is { } d ? RunSettings.Rate(d, "--declared-rps") : (double?)null;
                var top = result.GetValue(max) is { } m ? RunSettings.Rate(m, "--max")
                    : declared * 1.5 ?? throw new ArgumentException("give --max (or --declared-rps, which sets --max to 1.5 × it)");
                var increment = result.GetValue(step) is { } s ? RunSettings.Rate(s, "--step") : top / 10;
                runOptions = settings.Create(result);
                options = new CapacityOptions
                {
                    StartRate = result.GetValue(start) is { } first ? RunSettings.Rate(first, "--start") : increment,
                    StepRate = increment,
                    MaxRate = top,
                    StepDuration = RunSettings.PositiveDuration(result.GetValue(stepDuration)!, "--step-duration"),
                    ResponseTimeLimit = RunSettings.PositiveDuration(result.GetValue(responseTime)!, "--response-time"),
                    MaxErrorRate = Thresholds.Threshold.Parse("errors<" + result.GetValue(maxErrors)).Limit,
                    Warmup = runOptions.Warmup,
                    StepWarmup = DurationText.ParseDuration(result.GetValue(stepWarmup)!, "--step-warmup"),
                    DeclaredRate = declared,
                };
                if (result.GetValue(record) && (result.GetValue(redis) is null || string.IsNullOrWhiteSpace(result.GetValue(platform))))
                {
                    throw new ArgumentException("--record-evidence needs --redis HOST:PORT and --platform ID");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                await stderr.WriteLineAsync("sg-load: " + e.Message);
                return SgLoadCommand.UsageExitCode;
            }

            return await Outcome.RunWithTargetAsync(target, result, stderr, async loadTarget =>
            {
                // Live output of a search is one stderr line per finished step.
                var live = settings.CreateProgress(result) is not null;
                var capacity = await new CapacityProbe(new LoadRunner()).RunAsync(loadTarget, options, runOptions,
                    s =>
                    {
                        if (live)
                        {
                            stderr.WriteLine($"step {TextSummary.N(s.Rate)}/s: {(s.Held ? "held" : "FAILED")} ({s.Reason})");
                        }
                    },
                    cancellationToken);
                await Outcome.WriteReportsAsync(result, settings, stdout, ReportJson.Write(capacity), () => HtmlReport.Render(capacity), CapacitySummary.Format(capacity));
                if (result.GetValue(record))
                {
                    using var connection = CollectorRedis.Connect(result.GetValue(redis)!);
                    var verifier = new FigureVerifier(new SampleStore(connection), TimeProvider.System);
                    var written = await LoadTestEvidence.RecordAsync(verifier, result.GetValue(platform)!, capacity);
                    foreach (var (figure, value) in written)
                    {
                        await stderr.WriteLineAsync($"sg-load: recorded {figure} = {TextSummary.N(value)} for platform {result.GetValue(platform)}");
                    }
                }

                return capacity.Passed ? 0 : SgLoadCommand.FailedExitCode;
            });
        });
        return command;
    }
}
