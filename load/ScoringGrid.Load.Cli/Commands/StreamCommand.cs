using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ScoringGrid.Client;
using ScoringGrid.Grpc;
using ScoringGrid.Load.Targets;
using ScoringGrid.V1;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>
/// <c>sg-load stream</c>: EvaluateStream throughput — applications scored per second over
/// <c>--streams</c> concurrent streams (<see cref="ScoringClient.EvaluateManyAsync"/>).
/// </summary>
internal static class StreamCommand
{
    public static Command Create()
    {
        var grpc = new Option<string>("--grpc") { Description = "ScoringGrid gRPC address, e.g. http://127.0.0.1:50051", Required = true };
        var application = new Option<string>("--application") { Description = "Application JSON sent on every message", Required = true };
        var count = new Option<int>("--count") { Description = "Applications in total (the bound of the run)", DefaultValueFactory = static _ => 100_000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent streams", DefaultValueFactory = static _ => 4 };
        var warmup = new Option<int>("--warmup-count") { Description = "Applications sent first on one stream and not measured", DefaultValueFactory = static _ => 2_000 };
        var maxDuration = new Option<string>("--max-duration") { Description = "Hard bound on the run's length", DefaultValueFactory = static _ => "5m" };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: $SCORINGGRID_API_KEY)" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a target that is not on loopback" };
        var view = new Option<string>("--view")
        {
            Description = "Result view asked for: full (explanations and gaps) or scores (numbers only)",
            DefaultValueFactory = static _ => "full",
        };
        view.AcceptOnlyFromAmong("full", "scores");
        var command = new Command("stream", "Measure EvaluateStream throughput (applications/s)") { grpc, application, count, streams, warmup, maxDuration, apiKey, allowRemote, view };
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            Application app;
            TimeSpan bound;
            try
            {
                TargetGuard.EnsureAllowed(new Uri(result.GetValue(grpc)!), result.GetValue(allowRemote));
                app = GrpcEvaluateTarget.ReadApplication(result.GetValue(application)!);
                bound = RunSettings.PositiveDuration(result.GetValue(maxDuration)!, "--max-duration");
                RunSettings.Positive(result.GetValue(count), "--count");
                RunSettings.Positive(result.GetValue(streams), "--streams");
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or UriFormatException)
            {
                await stderr.WriteLineAsync("sg-load: " + e.Message);
                return SgLoadCommand.UsageExitCode;
            }

            var resultView = result.GetValue(view) == "scores" ? ResultView.Scores : ResultView.Full;
            using var client = ScoringClient.Create(result.GetValue(grpc)!, result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("SCORINGGRID_API_KEY"));
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(bound);
            try
            {
                await ScoreAsync(client, app, result.GetValue(warmup), resultView, limit.Token);
                var n = result.GetValue(count);
                var k = Math.Min(result.GetValue(streams), n);
                var started = Stopwatch.GetTimestamp();
                var tasks = new Task<(long Ok, long Failed)>[k];
                for (var i = 0; i < k; i++)
                {
                    var share = (n / k) + (i < n % k ? 1 : 0);
                    tasks[i] = ScoreAsync(client, app, share, resultView, limit.Token);
                }

                var parts = await Task.WhenAll(tasks);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                long ok = 0, failed = 0;
                foreach (var (o, f) in parts)
                {
                    ok += o;
                    failed += f;
                }

                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"EvaluateStream ({result.GetValue(view)} view): {ok + failed} responses over {k} streams in {seconds:0.###} s = {(ok + failed) / seconds:0} responses/s ({failed} with an error outcome)"));
                return failed == 0 ? 0 : SgLoadCommand.FailedExitCode;
            }
            catch (RpcException e)
            {
                await stderr.WriteLineAsync($"sg-load: EvaluateStream failed: {ErrorKinds.Grpc(e.StatusCode)}: {e.Status.Detail}");
                return SgLoadCommand.FailedExitCode;
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await stderr.WriteLineAsync("sg-load: EvaluateStream did not finish within --max-duration");
                return SgLoadCommand.FailedExitCode;
            }
        });
        return command;
    }

    private static async Task<(long Ok, long Failed)> ScoreAsync(
        ScoringClient client, Application app, int count, ResultView view, CancellationToken cancellationToken)
    {
        long ok = 0, failed = 0;
        if (count <= 0)
        {
            return (0, 0);
        }

        await foreach (var response in client.EvaluateManyAsync(Enumerable.Repeat(app, count), cancellationToken, view))
        {
            if (response.OutcomeCase == EvaluateResponse.OutcomeOneofCase.Result)
            {
                ok++;
            }
            else
            {
                failed++;
            }
        }

        return (ok, failed);
    }
}
