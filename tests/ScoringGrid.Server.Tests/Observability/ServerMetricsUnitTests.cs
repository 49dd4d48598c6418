using System.Text;
using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.RuleSets;

namespace ScoringGrid.Server.Tests.Observability;

public sealed class ServerMetricsUnitTests
{
    private const string Method = "/scoringgrid.v1.Scoring/Evaluate";

    [Fact]
    public void CallsRecordedThroughAMethodsSeries_CountByStatusName_LikeCallsRecordedByName()
    {
        var registry = new MetricRegistry();
        var metrics = new ServerMetrics(registry, new RuleSetProvider(RuleSetCatalog.LoadShipped()));
        var series = metrics.ForMethod(Method);

        foreach (var code in new[] { StatusCode.OK, StatusCode.OK, StatusCode.InvalidArgument, (StatusCode)99, StatusCode.Unknown })
        {
            metrics.CallStarted();
            metrics.CallEnded(series, code, 0.0004);
        }

        // The REST path records by name into the same families; the same method and code is one series.
        metrics.CallStarted();
        metrics.CallEnded(Method, "OK", 0.0004);

        Assert.Same(series, metrics.ForMethod(Method));
        var text = Exposition(registry);
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"OK\"}} 3\n", text);
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"INVALID_ARGUMENT\"}} 1\n", text);
        // A code outside 0-16 is counted as UNKNOWN, as before.
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"UNKNOWN\"}} 2\n", text);
        Assert.Contains($"scoringgrid_request_duration_seconds_count{{method=\"{Method}\"}} 6\n", text);
        Assert.Contains("scoringgrid_in_flight_calls 0\n", text);
    }

    private static string Exposition(MetricRegistry registry)
    {
        using var stream = new MemoryStream();
        registry.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
