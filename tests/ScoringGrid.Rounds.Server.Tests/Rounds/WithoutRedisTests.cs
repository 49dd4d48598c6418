using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Rounds;

/// <summary>A server started without <c>--ScoringGrid:Redis</c> refuses every Rounds call and says which setting is missing.</summary>
public sealed class WithoutRedisTests : IAsyncLifetime
{
    private RoundsServer _server = null!;

    public async Task InitializeAsync() => _server = await RoundsServer.StartAsync(redis: null);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryRoundsCall_FailsWithFailedPrecondition_NamingTheSetting()
    {
        using var admin = _server.Rounds();

        RpcException[] errors =
        [
            await Assert.ThrowsAsync<RpcException>(() => admin.CreateRoundAsync("r1", Applications.Zhejiang)),
            await Assert.ThrowsAsync<RpcException>(() => admin.ListRoundsAsync()),
            await Assert.ThrowsAsync<RpcException>(() => admin.SubmitApplicationAsync("r1", Applications.Zhejiang2021("a1", "ningbo", 0.5))),
            await Assert.ThrowsAsync<RpcException>(() => admin.RankRoundAsync("r1")),
            await Assert.ThrowsAsync<RpcException>(() => admin.DisqualifyAsync("CC-1", "r")),
        ];

        Assert.All(errors, e =>
        {
            Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
            Assert.Contains("--ScoringGrid:Redis", e.Status.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ScopesAreStillCheckedFirst_AndPlainScoringStillWorks()
    {
        using var score = _server.Rounds(RoundsServer.ScoreAll);
        using var scoring = _server.Scoring();

        var error = await Assert.ThrowsAsync<RpcException>(() => score.CreateRoundAsync("r1", Applications.Zhejiang));
        var hebei = await scoring.EvaluateAsync(Applications.Hebei2018("h1", "CC-1"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.True(hebei.Result.Eligible);
    }
}
