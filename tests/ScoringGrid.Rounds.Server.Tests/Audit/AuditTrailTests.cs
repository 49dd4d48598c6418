using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Rounds;
using ScoringGrid.Rounds.Server.Tests.Support;
using ScoringGrid.V1;

namespace ScoringGrid.Rounds.Server.Tests.Audit;

/// <summary>The audit trail over gRPC: who, when, what was scored; every record re-derives to the same result.</summary>
[Collection(RedisCollection.Name)]
public sealed class AuditTrailTests(RedisServerFixture redis) : IAsyncLifetime
{
    private RoundsServer _server = null!;

    public async Task InitializeAsync() => _server = await RoundsServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheTrail_RecordsSubmissionsAndExpertScores_AndEveryRecordRederivesEqual()
    {
        using var admin = _server.Rounds();
        using var portal = _server.Rounds(RoundsServer.ZhejiangPortal);
        var id = RoundsServer.NewRoundId("zj");
        await admin.CreateRoundAsync(id, Applications.Zhejiang);
        var receipt = await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a1", "ningbo", 0.5));
        await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a2", "hangzhou", 0.7));
        await admin.EnterExpertScoreAsync(RoundLifecycleTests.Score(id, "a1", "expert.xinchuang", 3, expertId: "e1"));

        var round = (await portal.GetAuditTrailAsync(new GetAuditTrailRequest { RoundId = id })).Records;
        var a1 = (await portal.GetAuditTrailAsync(new GetAuditTrailRequest { RoundId = id, ApplicationId = "a1" })).Records;
        var page = (await portal.GetAuditTrailAsync(new GetAuditTrailRequest { RoundId = id, Start = 1, Count = 1 })).Records;

        Assert.Equal(["submission", "submission", "expert_score"], round.Select(r => r.Kind));
        Assert.Equal([1L, 2L, 3L], round.Select(r => r.Sequence));
        Assert.Equal([1L, 3L], a1.Select(r => r.Sequence));
        Assert.Equal(2, Assert.Single(page).Sequence);
        var submission = round[0];
        Assert.Equal((receipt.AuditSequence, RoundsServer.ZhejiangPortal, "a1", 1), (submission.Sequence, submission.KeyId, submission.ApplicationId, submission.Revision));
        Assert.Equal(64, submission.InputSha256.Length);
        Assert.Contains("\"rule_set\"", submission.ResultJson, StringComparison.Ordinal);
        Assert.Equal((RoundsServer.Admin, "e1 expert.xinchuang = 3"), (round[2].KeyId, round[2].Detail));

        foreach (var record in round)
        {
            var rederived = await admin.RederiveAuditAsync(id, record.Sequence);
            Assert.True(rederived.Equal, $"record {record.Sequence} did not re-derive equal");
            Assert.True(rederived.InputIntact);
            Assert.Equal(record.ResultJson, rederived.ResultJson);
            Assert.Equal(record, rederived.Record);
        }
    }

    [Fact]
    public async Task AnUnknownSequence_IsNotFound()
    {
        using var admin = _server.Rounds();
        var id = RoundsServer.NewRoundId("zj");
        await admin.CreateRoundAsync(id, Applications.Zhejiang);

        var error = await Assert.ThrowsAsync<RpcException>(() => admin.RederiveAuditAsync(id, 42));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("sequence:", error.Status.Detail, StringComparison.Ordinal);
    }
}
