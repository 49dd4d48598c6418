using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Security;

/// <summary>A key whose tenant is a province sees and touches only that province's rounds.</summary>
[Collection(RedisCollection.Name)]
public sealed class TenantTests(RedisServerFixture redis) : IAsyncLifetime
{
    private RoundsServer _server = null!;
    private string _zhejiang = "";
    private string _hebei = "";

    public async Task InitializeAsync()
    {
        _server = await RoundsServer.StartAsync(redis.Endpoint);
        _zhejiang = RoundsServer.NewRoundId("zj");
        _hebei = RoundsServer.NewRoundId("hb");
        using var admin = _server.Rounds();
        await admin.CreateRoundAsync(_zhejiang, Applications.Zhejiang);
        await admin.CreateRoundAsync(_hebei, Applications.Hebei);
        await admin.SubmitApplicationAsync(_hebei, Applications.Hebei2018("h1", "CC-" + _hebei));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AProvinceKey_CannotTouchAnotherProvincesRound()
    {
        using var zhejiang = _server.Rounds(RoundsServer.ZhejiangPortal);
        using var zhejiangAdmin = _server.Rounds(RoundsServer.ZhejiangAdmin);

        RpcException[] errors =
        [
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.GetRoundAsync(_hebei)),
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.SubmitApplicationAsync(_hebei, Applications.Hebei2018("h2", "CC-h2"))),
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.RankRoundAsync(_hebei)),
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.GetSubmissionHistoryAsync(_hebei, "h1")),
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.GetAuditTrailAsync(new V1.GetAuditTrailRequest { RoundId = _hebei })),
            await Assert.ThrowsAsync<RpcException>(() => zhejiang.ExportRecommendationsAsync(_hebei)),
            await Assert.ThrowsAsync<RpcException>(() => zhejiangAdmin.TransitionRoundAsync(_hebei, V1.RoundState.Closed)),
            await Assert.ThrowsAsync<RpcException>(() => zhejiangAdmin.CreateRoundAsync(RoundsServer.NewRoundId("hb"), Applications.Hebei)),
        ];

        Assert.All(errors, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("belongs to hebei", errors[0].Status.Detail, StringComparison.Ordinal);
        using var admin = _server.Rounds();
        Assert.Equal(V1.RoundState.Open, (await admin.GetRoundAsync(_hebei)).State);
    }

    [Fact]
    public async Task AProvinceKey_UsesItsOwnRounds()
    {
        using var zhejiangAdmin = _server.Rounds(RoundsServer.ZhejiangAdmin);
        var id = RoundsServer.NewRoundId("zj");

        var round = await zhejiangAdmin.CreateRoundAsync(id, Applications.Zhejiang);
        var receipt = await zhejiangAdmin.SubmitApplicationAsync(id, Applications.Zhejiang2021("a1", "ningbo", 0.5));

        Assert.Equal("zhejiang", round.Tenant);
        Assert.Equal(1, receipt.Revision);
    }

    [Fact]
    public async Task ListRounds_ShowsOnlyTheTenantsRounds()
    {
        using var zhejiang = _server.Rounds(RoundsServer.ZhejiangPortal);
        using var hebei = _server.Rounds(RoundsServer.HebeiPortal);
        using var everyone = _server.Rounds(RoundsServer.ScoreAll);

        var zj = (await zhejiang.ListRoundsAsync()).Rounds.Select(r => r.Id).ToList();
        var hb = (await hebei.ListRoundsAsync()).Rounds;
        var all = (await everyone.ListRoundsAsync()).Rounds.Select(r => r.Id).ToList();

        Assert.Contains(_zhejiang, zj);
        Assert.DoesNotContain(_hebei, zj);
        Assert.Contains(hb, r => r.Id == _hebei);
        Assert.All(hb, r => Assert.Equal("hebei", r.Tenant));
        Assert.Contains(_zhejiang, all);
        Assert.Contains(_hebei, all);
    }
}
