using ScoringGrid.Cli.Lint;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Cli.Tests.Lint;

/// The lint checks on scrapes made in memory.
public class EndpointChecksUnitTests
{
    private static readonly Uri Url = new("http://vendor.example/metrics");

    private static LintReport Check(params EndpointScrape[] scrapes) =>
        EndpointChecks.Check(Url, scrapes, SpecBodies.Requirements, 16 * 1024 * 1024);

    [Fact]
    public void Requirements_FollowTheFigureCatalog()
    {
        var byName = SpecBodies.Requirements.ToDictionary(r => r.Name);

        Assert.Equal(MetricType.Counter, byName["iiot_model_calls_total"].Type);
        Assert.Equal(MetricType.Gauge, byName["iiot_devices_connected"].Type);
        Assert.Equal(["industry", "type"], byName["iiot_devices_connected"].Labels);
        Assert.Equal(["domain", "industry", "type"], byName["iiot_mechanism_models"].Labels);
        Assert.Contains("connected_devices", byName["iiot_devices_connected"].Figures);
        Assert.Contains("host_cpu_utilization_ratio", byName.Keys);
    }

    [Fact]
    public void CompliantBody_TwiceWithGrowingCounters_IsClean()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(100)), SpecBodies.Scrape(SpecBodies.Compliant(150)));

        Assert.True(report.Clean, string.Join("\n", report.Findings));
    }

    [Fact]
    public void MissingMetric_IsReported_WithTypeLabelsAndFigures()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(skip: "iiot_apps")));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("iiot_apps", finding.Subject);
        Assert.Contains("missing: expose iiot_apps as a gauge with labels domain, industry, type", finding.Message);
        Assert.Contains("industrial_apps", finding.Message);
    }

    [Fact]
    public void WrongType_IsReported()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(typeOf: ("iiot_model_calls_total", "gauge"))));

        Assert.Contains(report.Findings, f => f.Subject == "iiot_model_calls_total" && f.Message == "declared as gauge, must be a counter");
    }

    [Fact]
    public void UndeclaredType_IsReported()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(typeOf: ("iiot_sdk_developers", "untyped"))));

        Assert.Contains(report.Findings, f => f.Subject == "iiot_sdk_developers" && f.Message.Contains("declared as untyped", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingLabel_IsReported_PerMetric()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(dropLabel: "industry")));

        Assert.Contains(report.Findings, f => f.Subject == "iiot_devices_connected" && f.Message.StartsWith("2 of 2 series lack the label 'industry'", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Subject == "iiot_devices_managed");
    }

    [Fact]
    public void DecreasingCounter_IsReported_WithBothValues()
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(500)), SpecBodies.Scrape(SpecBodies.Compliant(100)));

        Assert.Contains(report.Findings, f => f.Subject == "data_rw_ops_total" && f.Message.StartsWith("counter data_rw_ops_total decreased from 500 to 100", StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeOrNaNValues_AreReported()
    {
        var body = SpecBodies.Compliant().Replace("iiot_sdk_developers 10", "iiot_sdk_developers NaN", StringComparison.Ordinal);

        var report = Check(SpecBodies.Scrape(body));

        Assert.Contains(report.Findings, f => f.Subject == "iiot_sdk_developers" && f.Message.Contains("NaN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "no Content-Type header")]
    [InlineData("application/json", "is neither text/plain")]
    public void WrongContentType_IsReported(string? contentType, string expected)
    {
        var report = Check(SpecBodies.Scrape(SpecBodies.Compliant(), contentType));

        Assert.Contains(report.Findings, f => f.Subject == "content-type" && f.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Non200_AndOversizedBodies_AreReported_AndNotParsed()
    {
        var report = Check(
            SpecBodies.Scrape("", status: 503),
            new EndpointScrape(200, PrometheusContentTypes.TextV004, [], Truncated: true, TimeSpan.Zero));

        Assert.Equal(["http", "body"], report.Findings.Select(f => f.Subject));
        Assert.Contains("HTTP 503", report.Findings[0].Message);
        Assert.Contains("larger than 16 MiB", report.Findings[1].Message);
    }

    [Fact]
    public void AProblemSeenInBothScrapes_IsReportedOnce()
    {
        var body = SpecBodies.Compliant(skip: "iiot_apps");

        var report = Check(SpecBodies.Scrape(body), SpecBodies.Scrape(body));

        Assert.Single(report.Findings);
    }
}
