using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Rounds;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Security;

/// <summary>Each Rounds method needs its scope: <c>score</c> to submit and read, <c>admin</c> to manage, <c>admin</c> or <c>expert</c> to score lines.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScopeTests(RedisServerFixture redis) : IAsyncLifetime
{
    private RoundsServer _server = null!;
    private string _roundId = "";

    public async Task InitializeAsync()
    {
        _server = await RoundsServer.StartAsync(redis.Endpoint);
        _roundId = RoundsServer.NewRoundId("zj");
        using var admin = _server.Rounds();
        await admin.CreateRoundAsync(_roundId, Applications.Zhejiang);
        await admin.SubmitApplicationAsync(_roundId, Applications.Zhejiang2021("a1", "ningbo", 0.5));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AScoreKey_CannotManageRounds_OrScoreLines()
    {
        using var score = _server.Rounds(RoundsServer.ScoreAll);

        var create = await Assert.ThrowsAsync<RpcException>(() => score.CreateRoundAsync(RoundsServer.NewRoundId("zj"), Applications.Zhejiang));
        var close = await Assert.ThrowsAsync<RpcException>(() => score.TransitionRoundAsync(_roundId, V1.RoundState.Closed));
        var replay = await Assert.ThrowsAsync<RpcException>(() => score.ReplayRoundAsync(_roundId, Applications.Zhejiang));
        var rederive = await Assert.ThrowsAsync<RpcException>(() => score.RederiveAuditAsync(_roundId, 1));
        var ban = await Assert.ThrowsAsync<RpcException>(() => score.DisqualifyAsync("CC-x", "r"));
        var lift = await Assert.ThrowsAsync<RpcException>(() => score.LiftDisqualificationAsync("CC-x", "r"));
        var line = await Assert.ThrowsAsync<RpcException>(() => score.EnterExpertScoreAsync(RoundLifecycleTests.Score(_roundId, "a1", "expert.xinchuang", 1)));

        Assert.All([create, close, replay, rederive, ban, lift, line], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("lacks the 'admin' scope", create.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("lacks the 'admin' or 'expert' scope", line.Status.Detail, StringComparison.Ordinal);
        // What the score scope does allow.
        Assert.Single((await score.RankRoundAsync(_roundId)).Entries);
        Assert.Single((await score.GetSubmissionHistoryAsync(_roundId, "a1")).Revisions);
    }

    [Fact]
    public async Task AnExpertKey_EntersItsOwnScores_ButCannotCreateRoundsOrSubmit()
    {
        using var expert = _server.Rounds(RoundsServer.ZhejiangExpert);

        var scored = await expert.EnterExpertScoreAsync(RoundLifecycleTests.Score(_roundId, "a1", "expert.cloud_mgmt", 4));
        var create = await Assert.ThrowsAsync<RpcException>(() => expert.CreateRoundAsync(RoundsServer.NewRoundId("zj"), Applications.Zhejiang));
        var submit = await Assert.ThrowsAsync<RpcException>(() => expert.SubmitApplicationAsync(_roundId, Applications.Zhejiang2021("a2", "ningbo", 0.5)));
        var asSomeoneElse = await Assert.ThrowsAsync<RpcException>(() =>
            expert.EnterExpertScoreAsync(RoundLifecycleTests.Score(_roundId, "a1", "expert.cloud_mgmt", 5, expertId: "another-expert")));

        Assert.Equal(4, scored.Result.ExpertScore);
        Assert.All([create, submit, asSomeoneElse], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.StartsWith("expert_id:", asSomeoneElse.Status.Detail, StringComparison.Ordinal);
        using var admin = _server.Rounds();
        var trail = await admin.GetAuditTrailAsync(new V1.GetAuditTrailRequest { RoundId = _roundId, ApplicationId = "a1" });
        Assert.Contains(trail.Records, r => r.Kind == "expert_score" && r.KeyId == RoundsServer.ZhejiangExpert && r.Detail.StartsWith(RoundsServer.ZhejiangExpert + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdmin_MayEnterScoresOnAnExpertsBehalf()
    {
        using var admin = _server.Rounds();

        await admin.EnterExpertScoreAsync(RoundLifecycleTests.Score(_roundId, "a1", "expert.xinchuang", 2, expertId: "e1"));
        var second = await admin.EnterExpertScoreAsync(RoundLifecycleTests.Score(_roundId, "a1", "expert.xinchuang", 3, expertId: "e2"));

        Assert.Equal(2.5, second.Result.ExpertScore);
    }

    [Fact]
    public async Task NoKey_IsUnauthenticated()
    {
        using var anonymous = _server.Rounds(apiKey: "");

        var error = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListRoundsAsync());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
