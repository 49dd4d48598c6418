using System.Text;

namespace ScoringGrid.Prometheus.Tests.Tools;

/// Needs the external `promtool` binary (Debian package `prometheus`): the registry's output
/// must pass Prometheus' own parser and linter, not just ours.
[Trait("Category", "ExternalTool")]
public sealed class PromtoolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sg-promtool-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CheckMetrics_RegistryWithAllTypesAndLabels_PassesWithoutLintFindings()
    {
        var registry = new MetricRegistry();
        var requests = registry.CreateCounter("sg_requests_total", "gRPC and HTTP requests by method and status.", "method", "code");
        var latency = registry.CreateHistogram("sg_request_duration_seconds", "Request latency in seconds.", HistogramBuckets.Default, "method");
        var evaluations = registry.CreateCounter("sg_evaluations_total", "Evaluations by rule set and level.", "rule_set", "level");
        var inFlight = registry.CreateGauge("sg_in_flight_calls", "Calls currently in flight.");
        var sizes = registry.CreateHistogram("sg_message_size_bytes", "Message sizes in bytes.", HistogramBuckets.Exponential(64, 4, 8));
        var reloads = registry.CreateCounter("sg_rule_set_reloads_total", "Rule set reloads by outcome.", "outcome");
        var temperature = registry.CreateGauge("sg_odd_values", "Gauges with special values.", "kind");
        var calls = 0;
        registry.AddCollectCallback(() => inFlight.Set(++calls));

        requests.WithLabels("Evaluate", "OK").Inc(1027);
        requests.WithLabels("Evaluate", "INVALID_ARGUMENT").Inc(3);
        requests.WithLabels("/v1/evaluate:batch", "OK").Inc();
        foreach (var value in (double[])[0.001, 0.02, 0.3, 4, 50])
        {
            latency.WithLabels("Evaluate").Observe(value);
            sizes.Observe(value * 1000);
        }

        evaluations.WithLabels("beijing-2024", "A").Inc(12);
        evaluations.WithLabels("path \\ with \"quotes\"\nand newline", "中文").Inc();
        reloads.WithLabels("ok").Inc();
        temperature.WithLabels("nan").Set(double.NaN);
        temperature.WithLabels("pos_inf").Set(double.PositiveInfinity);
        temperature.WithLabels("neg_inf").Set(double.NegativeInfinity);
        temperature.WithLabels("tiny").Set(1e-300);

        var file = Path.Combine(_directory, "metrics.prom");
        await using (var stream = File.Create(file))
        {
            await registry.WriteToAsync(stream);
        }

        var outcome = await Promtool.CheckMetricsAsync(file);

        Assert.True(outcome.ExitCode == 0, outcome.Describe() + "\nbody:\n" + await File.ReadAllTextAsync(file));
        Assert.Equal(string.Empty, outcome.StandardOutput.Trim());
        Assert.Equal(string.Empty, outcome.StandardError.Trim());
    }

    [Fact]
    public async Task CheckMetrics_RuntimeMetrics_PassWithoutLintFindings()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        var file = Path.Combine(_directory, "runtime.prom");
        await using (var stream = File.Create(file))
        {
            await registry.WriteToAsync(stream);
        }

        var outcome = await Promtool.CheckMetricsAsync(file);

        Assert.True(outcome.ExitCode == 0, outcome.Describe() + "\nbody:\n" + await File.ReadAllTextAsync(file));
        Assert.Equal(string.Empty, (outcome.StandardOutput + outcome.StandardError).Trim());
    }

    [Fact]
    public async Task CheckMetrics_BadBody_IsRejected_SoTheCheckCanFail()
    {
        var file = Path.Combine(_directory, "bad.prom");
        await File.WriteAllTextAsync(file, "# TYPE sg_bad counter\nsg_bad{code=\"OK\" 1\n", new UTF8Encoding(false));

        var outcome = await Promtool.CheckMetricsAsync(file);

        Assert.True(outcome.ExitCode != 0, outcome.Describe());
        Assert.False(string.IsNullOrWhiteSpace(outcome.StandardOutput + outcome.StandardError), outcome.Describe());
    }

    [Fact]
    public async Task CheckMetrics_LintProblem_IsReported()
    {
        // Parses fine, but breaks a convention promtool lints: counters should end in _total.
        var file = Path.Combine(_directory, "lint.prom");
        await File.WriteAllTextAsync(file, "# HELP sg_requests Requests.\n# TYPE sg_requests counter\nsg_requests 1\n", new UTF8Encoding(false));

        var outcome = await Promtool.CheckMetricsAsync(file);

        Assert.True(outcome.ExitCode != 0, outcome.Describe());
        Assert.Contains("_total", outcome.StandardOutput + outcome.StandardError, StringComparison.Ordinal);
    }
}
