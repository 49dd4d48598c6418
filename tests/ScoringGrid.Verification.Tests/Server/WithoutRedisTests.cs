using ScoringGrid.Grpc;
using ScoringGrid.Verification.Tests.Support;

namespace ScoringGrid.Verification.Tests.Server;

/// <summary>A server started without <c>--ScoringGrid:Redis</c> refuses verification and says which setting is missing.</summary>
public sealed class WithoutRedisTests : IAsyncLifetime
{
    private VerificationServer _server = null!;

    public async Task InitializeAsync() => _server = await VerificationServer.StartAsync(redis: null);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task VerifyFigures_FailsWithFailedPrecondition_NamingTheSetting()
    {
        using var client = _server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.VerifyFiguresAsync(VerifyFiguresTests.Request("p1", ("connected_devices", 5_000))));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("--ScoringGrid:Redis", error.Status.Detail);
    }

    [Fact]
    public async Task EvaluateWithVerify_FailsWithFailedPrecondition_NamingTheSetting()
    {
        using var client = _server.Client();
        var application = Examples.Message("js-iiot-platform-2019");
        application.Verify = true;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(application));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("--ScoringGrid:Redis", error.Status.Detail);
    }

    [Fact]
    public async Task EvaluateWithoutVerify_StillScores()
    {
        using var client = _server.Client();

        var response = await client.EvaluateAsync(Examples.Message("js-iiot-platform-2019"));

        Assert.Equal("industry", response.Result.Level);
    }
}
