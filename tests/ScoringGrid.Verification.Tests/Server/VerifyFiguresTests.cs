using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Verification.Tests.Support;

namespace ScoringGrid.Verification.Tests.Server;

/// <summary><c>Scoring/VerifyFigures</c> over gRPC against samples a real scraper stored in a real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class VerifyFiguresTests(RedisServerFixture redis) : IAsyncLifetime
{
    private VerificationServer _server = null!;

    public async Task InitializeAsync() => _server = await VerificationServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task HonestPlatform_DeclaringWhatItShows_IsVerified_WithEvidence()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection, new SimulatorOptions { Mode = SimulatorMode.Honest, Devices = 5_000 });
        await using var _ = simulator;
        using var client = _server.Client();

        var response = await client.VerifyFiguresAsync(Request(platform, ("connected_devices", 5_000), ("industrial_apps", 90), ("monthly_model_calls", 200)));

        Assert.Equal(platform, response.PlatformId);
        var devices = response.Figures.Single(f => f.Figure == "connected_devices");
        Assert.Equal("verified", devices.Status);
        Assert.Equal(5_000, devices.Observed);
        Assert.Equal("iiot_devices_connected", devices.Evidence.Metric);
        Assert.Equal(30, devices.Evidence.Series);
        Assert.True(devices.Evidence.Samples >= 3 * 30);
        Assert.NotNull(devices.Evidence.FirstSample);
        Assert.True(devices.Evidence.LastSample.ToDateTimeOffset() >= devices.Evidence.FirstSample.ToDateTimeOffset());
        Assert.Equal(TimeSpan.FromDays(30), devices.Evidence.WindowEnd.ToDateTimeOffset() - devices.Evidence.WindowStart.ToDateTimeOffset());
        Assert.NotEmpty(devices.Evidence.Rollup);
        Assert.NotEmpty(devices.Evidence.Description);
        Assert.Equal("verified", response.Figures.Single(f => f.Figure == "industrial_apps").Status);
        // Three scrapes, 100 calls each: two exact deltas.
        var calls = response.Figures.Single(f => f.Figure == "monthly_model_calls");
        Assert.Equal(("verified", 200.0), (calls.Status, calls.Observed));
    }

    [Fact]
    public async Task LyingPlatform_ShowingHalfOfWhatItDeclares_IsAShortfall()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection, new SimulatorOptions { Mode = SimulatorMode.Lying, Devices = 5_000, LieRatio = 0.5 });
        await using var _ = simulator;
        using var client = _server.Client();

        var response = await client.VerifyFiguresAsync(Request(platform, ("connected_devices", 5_000), ("analysis_algorithms", 60)));

        var devices = response.Figures.Single(f => f.Figure == "connected_devices");
        Assert.Equal("shortfall", devices.Status);
        Assert.Equal(2_500, devices.Observed);
        Assert.Equal(5_000, devices.Declared);
        var algorithms = response.Figures.Single(f => f.Figure == "analysis_algorithms");
        Assert.Equal(("shortfall", 30.0), (algorithms.Status, algorithms.Observed));
    }

    [Fact]
    public async Task FiguresWithoutASource_AndUnknownPlatforms_AreUnverifiable()
    {
        using var client = _server.Client();

        var response = await client.VerifyFiguresAsync(Request("never-scraped", ("connected_devices", 10), ("operator_staff", 36)));

        Assert.All(response.Figures, f => Assert.Equal("unverifiable", f.Status));
        Assert.All(response.Figures, f => Assert.False(f.HasObserved));
        Assert.Contains("never observed", response.Figures.Single(f => f.Figure == "connected_devices").Evidence.Description);
    }

    [Theory]
    [InlineData("", "platform_id")]
    [InlineData("bad id!", "platform_id")]
    public async Task BadPlatformId_FailsWithInvalidArgument_NamingTheField(string platform, string field)
    {
        using var client = _server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.VerifyFiguresAsync(Request(platform, ("connected_devices", 1))));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
    }

    [Fact]
    public async Task NegativeFigure_FailsWithInvalidArgument_NamingTheFigure()
    {
        using var client = _server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.VerifyFiguresAsync(Request("p1", ("connected_devices", -1))));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("declared.connected_devices", error.Status.Detail);
    }

    [Fact]
    public async Task KeyWithoutVerifyScope_IsDenied()
    {
        using var client = _server.Client(VerificationServer.ScoreOnlyKey);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.VerifyFiguresAsync(Request("p1", ("connected_devices", 1))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("verify", error.Status.Detail);
    }

    internal static V1.VerifyFiguresRequest Request(string platform, params (string Figure, double Value)[] figures)
    {
        var request = new V1.VerifyFiguresRequest { PlatformId = platform };
        foreach (var (figure, value) in figures)
        {
            request.Declared[figure] = value;
        }

        return request;
    }
}
