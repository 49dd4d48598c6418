using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Verification.Tests.Support;

namespace ScoringGrid.Verification.Tests.Server;

/// <summary><c>Evaluate</c> with <c>verify: true</c>: observed figures lower than declared ones are what is scored.</summary>
[Collection(RedisCollection.Name)]
public sealed class VerifiedEvaluateTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string RuleSet = "js-iiot-platform-2019";
    private VerificationServer _server = null!;

    public async Task InitializeAsync() => _server = await VerificationServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LyingPlatform_ObservedDevicesBelowTheIndustryBar_DropsTheLevel_AndSaysSo()
    {
        // The example declares 3,760 devices (industry level needs 1,500); the platform shows 1,000.
        // Model calls are generous so that devices (and device types) are the only figures observed lower.
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection,
            new SimulatorOptions { Mode = SimulatorMode.Lying, Devices = 2_000, LieRatio = 0.5, ModelCallsPerScrape = 10_000 });
        await using var _ = simulator;
        using var client = _server.Client();
        var declaredOnly = await client.EvaluateAsync(Examples.Message(RuleSet));
        var application = Examples.Message(RuleSet);
        application.PlatformId = platform;
        application.Verify = true;

        var verified = await client.EvaluateAsync(application);

        Assert.Equal("industry", declaredOnly.Result.Level);
        Assert.Equal("enterprise", verified.Result.Level);
        Assert.Contains("connected_devices: declared 3,760, observed 1,000; the observed value is used", verified.Result.Notes);
        var gap = verified.Result.Gaps.Single(g => g.Target == "connected_devices");
        Assert.Equal(1_000, gap.Current);
        Assert.Equal(1_500, gap.Needed);
        Assert.Contains("+500 connected_devices", gap.Text);
        // Figures observed higher than declared are never raised.
        Assert.DoesNotContain(verified.Result.Notes, n => n.StartsWith("mechanism_models:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HonestPlatform_KeepsTheLevel_AndTheDeclaredDevices()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection,
            new SimulatorOptions { Mode = SimulatorMode.Honest, Devices = 5_000, ModelCallsPerScrape = 10_000 });
        await using var _ = simulator;
        using var client = _server.Client();
        var application = Examples.Message(RuleSet);
        application.PlatformId = platform;
        application.Verify = true;

        var verified = await client.EvaluateAsync(application);

        Assert.Equal("industry", verified.Result.Level);
        Assert.DoesNotContain(verified.Result.Notes, n => n.StartsWith("connected_devices:", StringComparison.Ordinal));
        // The simulator shows three types where the example declares four or five: those are noted, and cost no level here.
        Assert.Contains("managed_device_types: declared 4, observed 3; the observed value is used", verified.Result.Notes);
    }

    [Fact]
    public async Task Verify_WithoutPlatformId_FailsWithInvalidArgument()
    {
        using var client = _server.Client();
        var application = Examples.Message(RuleSet);
        application.PlatformId = "";
        application.Verify = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(application));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("platform_id", error.Status.Detail);
    }

    [Fact]
    public async Task Verify_WithAScoreOnlyKey_IsDenied()
    {
        using var client = _server.Client(VerificationServer.ScoreOnlyKey);
        var application = Examples.Message(RuleSet);
        application.Verify = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(application));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("'verify' scope", error.Status.Detail);
    }

    [Fact]
    public async Task EvaluateStream_WithVerify_ScoresObservedFigures()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection,
            new SimulatorOptions { Mode = SimulatorMode.Lying, Devices = 2_000, LieRatio = 0.5, ModelCallsPerScrape = 10_000 });
        await using var _ = simulator;
        using var client = _server.Client();
        var verified = Examples.Message(RuleSet);
        verified.PlatformId = platform;
        verified.Verify = true;

        var responses = new List<V1.EvaluateResponse>();
        await foreach (var r in client.EvaluateManyAsync([Examples.Message(RuleSet), verified]))
        {
            responses.Add(r);
        }

        Assert.Equal(["industry", "enterprise"], responses.Select(r => r.Result.Level));
    }
}
