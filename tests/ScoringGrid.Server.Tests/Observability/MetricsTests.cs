using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ScoringGrid.Prometheus.Tests.Tools;

namespace ScoringGrid.Server.Tests.Observability;

/// <summary>/metrics checked by the real promtool, and scraped by a real Prometheus whose API then shows our series.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerFixture.StartAsync();
        using var client = _server.Client();
        await client.EvaluateAsync(Examples.Message("js-star-2019"));
        using var http = _server.Http();
        using var body = new StringContent("{\"ruleset\":\"nope\"}", Encoding.UTF8, "application/json");
        await http.PostAsync("/v1/evaluate", body);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metrics_PassPromtoolCheck_AndShowCallsEvaluationsAndInFlight()
    {
        using var http = _server.Http();
        var response = await http.GetAsync("/metrics");
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("scoringgrid_requests_total{method=\"/scoringgrid.v1.Scoring/Evaluate\",code=\"OK\"} 1", text);
        Assert.Contains("scoringgrid_requests_total{method=\"/v1/evaluate\",code=\"NOT_FOUND\"} 1", text);
        Assert.Contains("scoringgrid_evaluations_total{rule_set=\"js-star-2019\",version=\"2019.1\",level=\"3-star\"} 1", text);
        Assert.Contains("scoringgrid_in_flight_calls", text);
        Assert.Contains("scoringgrid_rule_sets_loaded 6", text);
        Assert.Matches("(?m)^process_cpu_seconds_total [0-9.e+-]+$", text);
        Assert.Matches("(?m)^dotnet_gc_collections_total\\{gc_heap_generation=\"gen0\"\\} [0-9]+$", text);
        Assert.Matches("(?m)^dotnet_gc_pause_time_seconds_total [0-9.e+-]+$", text);

        var check = await Promtool.CheckMetricsTextAsync(text);
        Assert.True(check.ExitCode == 0, check.Describe());
    }

    [Fact]
    public async Task CallsRefusedFromTheirHeaders_AreCounted_AndLeaveNoCallInFlight()
    {
        using var grpc = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var refusals = new[] { ("grpc-encoding", "snappy"), ("grpc-encoding", "br"), ("grpc-timeout", "0n") };
        foreach (var (header, value) in refusals)
        {
            using var request = RawGrpcRequest.Create(_server.GrpcAddress, "ListRuleSets", RawGrpcRequest.Frames(Array.Empty<byte>()));
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await grpc.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            // Trailers-only: the status comes in the headers.
            Assert.True(response.Headers.TryGetValues("grpc-status", out var status), $"{response.StatusCode} {response.Headers} {response.TrailingHeaders}");
            Assert.Equal(header == "grpc-timeout" ? "4" : "12", status.Single());
        }

        using var http = _server.Http();
        var text = await http.GetStringAsync("/metrics");
        Assert.Contains("scoringgrid_requests_total{method=\"/scoringgrid.v1.Scoring/ListRuleSets\",code=\"UNIMPLEMENTED\"} 2\n", text);
        Assert.Contains("scoringgrid_requests_total{method=\"/scoringgrid.v1.Scoring/ListRuleSets\",code=\"DEADLINE_EXCEEDED\"} 1\n", text);
        // It went to -2 when the transport refused an encoding without telling the interceptors the call had started.
        Assert.Contains("\nscoringgrid_in_flight_calls 0\n", text);
    }

    [Fact]
    public async Task RealPrometheus_ScrapesTheServer_AndItsApiShowsTheSeries()
    {
        var prometheus = LocatePrometheus();
        var dir = Directory.CreateTempSubdirectory("sg-prom-");
        var port = FreePort();
        var target = new Uri(_server.HttpAddress).Authority;
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "prometheus.yml"),
            $"global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: scoringgrid\n    static_configs:\n      - targets: ['{target}']\n");
        var start = new ProcessStartInfo(prometheus,
        [
            $"--config.file={Path.Combine(dir.FullName, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(dir.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ])
        { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var deadline = Stopwatch.StartNew();
            string last = "";
            while (deadline.Elapsed < TimeSpan.FromSeconds(45))
            {
                await Task.Delay(500);
                try
                {
                    last = await http.GetStringAsync($"http://127.0.0.1:{port}/api/v1/query?query=scoringgrid_requests_total");
                }
                catch (HttpRequestException)
                {
                    continue;
                }

                var results = JsonDocument.Parse(last).RootElement.GetProperty("data").GetProperty("result");
                if (results.GetArrayLength() > 0)
                {
                    var methods = results.EnumerateArray().Select(r => r.GetProperty("metric").GetProperty("method").GetString()).ToArray();
                    Assert.Contains("/scoringgrid.v1.Scoring/Evaluate", methods);
                    return;
                }
            }

            Assert.Fail($"Prometheus never showed scoringgrid_requests_total; last answer: {last}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            dir.Delete(recursive: true);
        }
    }

    private static string LocatePrometheus()
    {
        foreach (var d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(d, "prometheus");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("prometheus was not found on PATH; install it with: sudo apt-get install -y prometheus");
        return null!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
