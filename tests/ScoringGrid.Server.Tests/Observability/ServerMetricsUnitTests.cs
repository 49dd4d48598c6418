using System.Text;
using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Security;

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
            metrics.CallEnded(series, null, code, 0.0004);
        }

        // The REST path records by name into the same families; the same method and code is one series.
        metrics.CallStarted();
        metrics.CallEnded(Method, null, "OK", 0.0004);

        Assert.Same(series, metrics.ForMethod(Method));
        var text = Exposition(registry);
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"OK\"}} 3\n", text);
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"INVALID_ARGUMENT\"}} 1\n", text);
        // A code outside 0-16 is counted as UNKNOWN, as before.
        Assert.Contains($"scoringgrid_requests_total{{method=\"{Method}\",code=\"UNKNOWN\"}} 2\n", text);
        Assert.Contains($"scoringgrid_request_duration_seconds_count{{method=\"{Method}\"}} 6\n", text);
        Assert.Contains("scoringgrid_in_flight_calls 0\n", text);
    }

    [Fact]
    public void AKeysCalls_ByCodeOrByName_ShareItsSeries_AndTheAnonymousCallerHasNone()
    {
        var registry = new MetricRegistry();
        var metrics = new ServerMetrics(registry, new RuleSetProvider(RuleSetCatalog.LoadShipped()));
        var series = metrics.ForMethod(Method);
        var key = new CallerIdentity("portal-a", ApiScope.Score, "jiangsu", null);

        foreach (var code in new[] { StatusCode.OK, StatusCode.ResourceExhausted, (StatusCode)99 })
        {
            metrics.CallStarted();
            metrics.CallEnded(series, key, code, 0.0004);
        }

        foreach (var code in new[] { "OK", "UNSUPPORTED_MEDIA_TYPE" })
        {
            metrics.CallStarted();
            metrics.CallEnded("/v1/evaluate", key, code, 0.0004);
        }

        metrics.CallStarted();
        metrics.CallEnded(series, CallerIdentity.Anonymous, StatusCode.OK, 0.0004);
        metrics.EvaluationFailed(key, "INVALID_ARGUMENT");
        metrics.EvaluationFailed(CallerIdentity.Anonymous, "INVALID_ARGUMENT");

        var text = Exposition(registry);
        Assert.Contains("scoringgrid_key_requests_total{key=\"portal-a\",code=\"OK\"} 2\n", text);
        Assert.Contains("scoringgrid_key_requests_total{key=\"portal-a\",code=\"RESOURCE_EXHAUSTED\"} 1\n", text);
        Assert.Contains("scoringgrid_key_requests_total{key=\"portal-a\",code=\"UNKNOWN\"} 1\n", text);
        Assert.Contains("scoringgrid_key_requests_total{key=\"portal-a\",code=\"UNSUPPORTED_MEDIA_TYPE\"} 1\n", text);
        Assert.Contains("scoringgrid_key_applications_total{key=\"portal-a\",result=\"rejected\"} 1\n", text);
        Assert.Contains("scoringgrid_key_applications_total{key=\"portal-a\",result=\"scored\"} 0\n", text);
        Assert.DoesNotContain("anonymous", text);
        Assert.Contains("scoringgrid_evaluation_errors_total{code=\"INVALID_ARGUMENT\"} 2\n", text);
    }

    private static string Exposition(MetricRegistry registry)
    {
        using var stream = new MemoryStream();
        registry.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
