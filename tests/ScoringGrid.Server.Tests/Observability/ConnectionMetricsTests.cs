using System.Text.RegularExpressions;
using ScoringGrid.Prometheus.Tests.Tools;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Observability;

/// <summary>
/// Kestrel's connection instruments in <c>/metrics</c>: connections opened, open, and closed by why, per
/// listening port, and only this server's (several servers share the test process).
/// </summary>
public sealed class ConnectionMetricsTests
{
    [Fact]
    public async Task Connections_AreCountedByPort_AndAClientThatStopsAnsweringPings_IsClosedForIt()
    {
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:01");
        await using var other = await ServerFixture.StartAsync();
        var port = new Uri(server.GrpcAddress).Port;
        using var http = server.Http();

        // One connection that never answers a ping, to its end; one gRPC call, its channel then closed.
        using (var silent = await RawH2Connection.OpenAsync(server.GrpcAddress))
        {
            while (await silent.NextAsync(_ => true) is not null)
            {
            }
        }

        using (var client = server.Client())
        {
            await client.ListRuleSetsAsync();
            var open = await WaitForAsync(http, m => ScrapedMetrics.Value(m, $"scoringgrid_connections{{port=\"{port}\"}}") == 1);
            Assert.Equal(2, ScrapedMetrics.Value(open, $"scoringgrid_connections_opened_total{{port=\"{port}\"}}"));
        }

        var metrics = await WaitForAsync(http, m => ScrapedMetrics.Value(m, $"scoringgrid_connections{{port=\"{port}\"}}") == 0);
        Assert.Equal(2, ScrapedMetrics.Value(metrics, $"scoringgrid_connections_opened_total{{port=\"{port}\"}}"));
        Assert.Equal(1, ScrapedMetrics.Value(metrics, $"scoringgrid_connections_closed_total{{port=\"{port}\",reason=\"keep_alive_timeout\"}}"));
        Assert.Equal(2, Regex.Matches(metrics, $"^scoringgrid_connections_closed_total\\{{port=\"{port}\",reason=\"[^\"]+\"\\}} (\\S+)$", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        // The other server in this process counted none of them.
        using var otherHttp = other.Http();
        Assert.DoesNotContain($"port=\"{port}\"", await otherHttp.GetStringAsync("/metrics"));

        var check = await Promtool.CheckMetricsTextAsync(metrics);
        Assert.True(check.ExitCode == 0, check.Describe());
    }

    // Connections end asynchronously: the metrics, once they say what is awaited (or after 15 s, to fail on).
    private static async Task<string> WaitForAsync(HttpClient http, Func<string, bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var metrics = await http.GetStringAsync("/metrics");
            if (done(metrics) || DateTime.UtcNow > until)
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }
}
