using System.Net;
using System.Text;
using ScoringGrid.Cli.Commands;
using ScoringGrid.PlatformSimulator;
using Sim = ScoringGrid.PlatformSimulator.PlatformSimulator;

namespace ScoringGrid.Cli.Tests.Lint;

/// <c>sg lint-endpoint</c> in process against live endpoints on loopback: platform simulators and a hand-made one.
public class LintEndpointTests
{
    private static async Task<(int Exit, string Output)> LintAsync(string url, double interval = 0.05)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LintEndpointCommand.RunAsync(url, null, interval, 10, output, error, default);
        return (exit, output + error.ToString());
    }

    [Fact]
    public async Task HonestSimulator_IsClean_ExitZero()
    {
        await using var simulator = await Sim.StartAsync(new SimulatorOptions { Mode = SimulatorMode.Honest });

        var (exit, output) = await LintAsync(simulator.MetricsUrl.ToString());

        Assert.True(exit == 0, output);
        Assert.Contains("OK: every required metric is present", output);
        Assert.Equal(2, simulator.Requests);
    }

    [Fact]
    public async Task GarbageSimulator_ReportsTheParseError_ExitTwo()
    {
        await using var simulator = await Sim.StartAsync(new SimulatorOptions { Mode = SimulatorMode.Garbage });

        var (exit, output) = await LintAsync(simulator.MetricsUrl.ToString());

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("x body: scrape 1: not valid Prometheus text format 0.0.4: line 1", output);
    }

    [Fact]
    public async Task CounterResetSimulator_ReportsTheDecreasingCounters()
    {
        // Counters restart every second body: the linter's two scrapes are bodies 2 and 3, a drop.
        await using var simulator = await Sim.StartAsync(new SimulatorOptions { Mode = SimulatorMode.CounterReset, ResetEvery = 2 });
        using (var http = new HttpClient())
        {
            await http.GetStringAsync(simulator.MetricsUrl);
        }

        var (exit, output) = await LintAsync(simulator.MetricsUrl.ToString());

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("x iiot_model_calls_total: counter iiot_model_calls_total decreased from 200 to 100", output);
        Assert.Contains("x data_rw_ops_total: counter data_rw_ops_total decreased", output);
    }

    [Fact]
    public async Task HugeSimulator_ReportsTheBodyLimit()
    {
        await using var simulator = await Sim.StartAsync(new SimulatorOptions { Mode = SimulatorMode.Huge, HugeBytes = 17L * 1024 * 1024 });

        var (exit, output) = await LintAsync(simulator.MetricsUrl.ToString());

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("larger than 16 MiB", output);
    }

    [Fact]
    public async Task FlappingSimulator_ReportsTheFailedScrape()
    {
        await using var simulator = await Sim.StartAsync(new SimulatorOptions { Mode = SimulatorMode.Flapping });

        var (exit, output) = await LintAsync(simulator.MetricsUrl.ToString());

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("x http: scrape 2: HTTP 503", output);
    }

    [Fact]
    public async Task EndpointMissingMetricsAndLabels_ListsEachProblem()
    {
        // A vendor's first attempt: devices without the industry label, calls as a gauge, nothing else.
        const string body = """
            # TYPE iiot_devices_connected gauge
            iiot_devices_connected{type="plc"} 4000
            # TYPE iiot_model_calls_total gauge
            iiot_model_calls_total 1234

            """;
        using var listener = new HttpListener();
        var port = Loopback.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                context.Response.ContentType = "text/plain; version=0.0.4";
                var bytes = Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal));
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });

        var (exit, output) = await LintAsync($"http://127.0.0.1:{port}/metrics");
        await serving;

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("x iiot_devices_connected: 1 of 1 series lack the label 'industry'", output);
        Assert.Contains("x iiot_model_calls_total: declared as gauge, must be a counter", output);
        Assert.Contains("x iiot_apps: missing: expose iiot_apps as a gauge", output);
        Assert.Contains("x data_rw_ops_total: missing: expose data_rw_ops_total as a counter", output);
        Assert.DoesNotContain("x iiot_devices_connected: missing", output);
    }

    [Fact]
    public async Task NothingListening_ReportsTheFetchError_AfterOneTry()
    {
        var (exit, output) = await LintAsync($"http://127.0.0.1:{Loopback.FreePort()}/metrics");

        Assert.Equal(LintEndpointCommand.ProblemsExitCode, exit);
        Assert.Contains("(1 scrape(s))", output);
        Assert.Contains("x http: scrape 1: cannot fetch", output);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/metrics")]
    public async Task BadUrl_IsAUsageError(string url)
    {
        var (exit, output) = await LintAsync(url);

        Assert.Equal(1, exit);
        Assert.Contains("not an absolute http or https URL", output);
    }
}
