using System.CommandLine;
using System.Globalization;
using ScoringGrid.Cli.Lint;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>sg lint-endpoint URL</c>: checks a vendor's live metrics endpoint against docs/metrics-spec.md
/// and prints what is missing or wrong. Exit 0 when clean, 2 when anything is wrong, 1 on bad usage.
/// </summary>
internal static class LintEndpointCommand
{
    public const int ProblemsExitCode = 2;

    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The metrics endpoint, e.g. https://platform.example.com/metrics" };
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between the two scrapes (counters must not decrease across them)",
            DefaultValueFactory = _ => EndpointLinter.DefaultInterval.TotalSeconds,
        };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one scrape may take", DefaultValueFactory = _ => 10 };
        var token = new Option<string?>("--token") { Description = "Bearer token the endpoint expects (default: $SCORINGGRID_ENDPOINT_TOKEN)" };
        var command = new Command("lint-endpoint", "Check a platform's live metrics endpoint against the ScoringGrid metrics spec") { url, interval, timeout, token };
        command.SetAction(async (result, cancellationToken) =>
        {
            var bearer = result.GetValue(token) ?? Environment.GetEnvironmentVariable("SCORINGGRID_ENDPOINT_TOKEN");
            return await RunAsync(result.GetValue(url)!, bearer, result.GetValue(interval), result.GetValue(timeout), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        string url, string? bearerToken, double intervalSeconds, double timeoutSeconds, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await error.WriteLineAsync($"sg lint-endpoint: '{url}' is not an absolute http or https URL");
            return 1;
        }

        if (!double.IsFinite(intervalSeconds) || intervalSeconds < 0 || !double.IsFinite(timeoutSeconds) || timeoutSeconds <= 0)
        {
            await error.WriteLineAsync("sg lint-endpoint: --interval must be >= 0 and --timeout > 0 (seconds)");
            return 1;
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };
        var report = await new EndpointLinter(http, TimeProvider.System).LintAsync(uri, bearerToken, TimeSpan.FromSeconds(intervalSeconds), cancellationToken);
        Write(report, output);
        return report.Clean ? 0 : ProblemsExitCode;
    }

    public static void Write(LintReport report, TextWriter output)
    {
        output.WriteLine($"lint {report.Url} ({report.Scrapes.Count} scrape(s))");
        for (var i = 0; i < report.Scrapes.Count; i++)
        {
            var s = report.Scrapes[i];
            output.WriteLine(s.FetchError is not null
                ? $"  scrape {i + 1}: failed after {s.Elapsed.TotalMilliseconds:0} ms"
                : string.Create(CultureInfo.InvariantCulture,
                    $"  scrape {i + 1}: HTTP {s.StatusCode}, {s.ContentType ?? "no content type"}, {(s.Truncated ? "over the limit" : $"{s.Body.Length:N0} bytes")}, {s.Elapsed.TotalMilliseconds:0} ms"));
        }

        if (report.Clean)
        {
            output.WriteLine($"OK: every required metric is present with its type and labels ({report.SamplesSeen} samples), counters did not decrease.");
            return;
        }

        output.WriteLine($"{report.Findings.Count} problem(s):");
        foreach (var f in report.Findings)
        {
            output.WriteLine($"  x {f.Subject}: {f.Message}");
        }
    }
}
