using ScoringGrid.Collector;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Load.Cli;
using ScoringGrid.Load.Tests.Cli;
using ScoringGrid.Load.Tests.Support;

namespace ScoringGrid.Load.Tests.Evidence;

[Collection(TimingCollection.Name)]
public sealed class LoadTestEvidenceTests : IDisposable
{
    private readonly RedisServerFixture _redis = new();

    [Fact]
    public async Task CapacityVerdict_IsStoredAsEvidence_AndVerifyFiguresReportsIt()
    {
        await using var server = await BehaviourServer.StartAsync(bucketRate: 200);
        var (code, stdout, stderr) = await SgLoadCommandTests.InvokeAsync("capacity", "--url", server.BaseUrl + "/bucket",
            "--start", "100", "--step", "50", "--max", "300", "--step-duration", "1s", "--step-warmup", "200ms", "--warmup", "500ms", "--response-time", "100ms", "--declared-rps", "150",
            "--record-evidence", "--redis", _redis.Endpoint, "--platform", "vendor-a");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("verdict     PASS", stdout, StringComparison.Ordinal);
        Assert.Contains("recorded max_concurrency_rps", stderr, StringComparison.Ordinal);

        var verifier = new FigureVerifier(new SampleStore(_redis.Connection), TimeProvider.System);
        var results = await verifier.VerifyAsync("vendor-a", new Dictionary<string, double> { ["max_concurrency_rps"] = 150, ["response_time_ms"] = 100 });

        var rps = Assert.Single(results, static r => r.Figure == "max_concurrency_rps");
        Assert.Equal(VerificationStatus.Verified, rps.Status);
        Assert.InRange(rps.Observed!.Value, 150, 250);
        Assert.Contains("\"steps\"", rps.Evidence.LoadTestJson, StringComparison.Ordinal);
        var rt = Assert.Single(results, static r => r.Figure == "response_time_ms");
        Assert.Equal(VerificationStatus.Verified, rt.Status);
        Assert.InRange(rt.Observed!.Value, 0, 100);
    }

    [Fact]
    public async Task ADeclaredRateAboveCapacity_FailsTheVerdict()
    {
        await using var server = await BehaviourServer.StartAsync(bucketRate: 100);
        var (code, stdout, _) = await SgLoadCommandTests.InvokeAsync("capacity", "--url", server.BaseUrl + "/bucket",
            "--start", "80", "--step", "40", "--max", "200", "--step-duration", "1s", "--step-warmup", "200ms", "--response-time", "100ms", "--declared-rps", "200");

        Assert.Equal(SgLoadCommand.FailedExitCode, code);
        Assert.Contains("verdict     FAIL", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _redis.Dispose();
}
