using System.CommandLine;
using ScoringGrid.Load.Models;
using ScoringGrid.Load.Reports;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Thresholds;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>
/// <c>sg-load run</c>: one run under a load model, a summary (or JSON), optional reports, and exit
/// code 1 when a threshold fails.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var target = new TargetOptions();
        var settings = new RunSettings();
        var rate = new Option<string?>("--rate") { Description = "Open model: constant arrival rate, requests/s" };
        var stages = new Option<string?>("--stages") { Description = "Open model: ramping arrival rate, DURATION:RATE,... (e.g. 10s:100,30s:100,10s:0)" };
        var startRate = new Option<string>("--start-rate") { Description = "Rate at the start of --stages", DefaultValueFactory = static _ => "0" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Closed model: workers each waiting for an answer before sending again" };
        var duration = new Option<string?>("--duration") { Description = "Measured length for --rate or --concurrency (e.g. 30s)" };
        var thresholds = new Option<string[]>("--threshold") { Description = "Pass/fail condition, e.g. 'p95<200ms', 'errors<1%' (repeatable)" };

        var command = new Command("run", "Run a load model against a target and report latency, throughput and errors")
        {
            rate, stages, startRate, concurrency, duration, thresholds,
        };
        target.AddTo(command);
        settings.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            LoadModel model;
            RunOptions options;
            List<Threshold> checks = [];
            try
            {
                model = Model(result.GetValue(rate), result.GetValue(stages), result.GetValue(startRate)!, result.GetValue(concurrency), result.GetValue(duration));
                options = settings.Create(result);
                foreach (var t in result.GetValue(thresholds) ?? [])
                {
                    checks.Add(Threshold.Parse(t));
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                await stderr.WriteLineAsync("sg-load: " + e.Message);
                return SgLoadCommand.UsageExitCode;
            }

            return await Outcome.RunWithTargetAsync(target, result, stderr, async loadTarget =>
            {
                var progress = settings.CreateProgress(result);
                var run = await new LoadRunner().RunAsync(loadTarget, model, options, progress, cancellationToken);
                progress?.Clear();
                var checkedRun = run with { Thresholds = checks.ConvertAll(t => t.Check(run)) };
                await Outcome.WriteReportsAsync(result, settings, stdout, ReportJson.Write(checkedRun), () => HtmlReport.Render(checkedRun), TextSummary.Format(checkedRun));
                return checkedRun.Passed ? 0 : SgLoadCommand.FailedExitCode;
            });
        });
        return command;
    }

    internal static LoadModel Model(string? rate, string? stages, string startRate, int? concurrency, string? duration)
    {
        var chosen = (rate is null ? 0 : 1) + (stages is null ? 0 : 1) + (concurrency is null ? 0 : 1);
        if (chosen != 1)
        {
            throw new ArgumentException("choose one load model: --rate R --duration D, --stages D:R,..., or --concurrency N --duration D");
        }

        if (stages is not null)
        {
            if (duration is not null)
            {
                throw new ArgumentException("--duration does not apply to --stages (the stages give the length)");
            }

            return new RampingArrivalRate(double.Parse(startRate, System.Globalization.CultureInfo.InvariantCulture), RateStage.ParseList(stages));
        }

        var length = RunSettings.PositiveDuration(duration ?? throw new ArgumentException("--duration is required with --rate or --concurrency"), "--duration");
        return rate is not null
            ? new ConstantArrivalRate(RunSettings.Rate(rate, "--rate"), length)
            : new ConstantConcurrency(RunSettings.Positive(concurrency!.Value, "--concurrency"), length);
    }
}
