using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;
using ScoringGrid.V1;

namespace ScoringGrid.Rounds.Server.Tests.Rounds;

/// <summary>A Zhejiang round from creation to publication, over gRPC, with the keys a province would use.</summary>
[Collection(RedisCollection.Name)]
public sealed class RoundLifecycleTests(RedisServerFixture redis) : IAsyncLifetime
{
    private RoundsServer _server = null!;

    public async Task InitializeAsync() => _server = await RoundsServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ARound_GoesFromSubmissions_ThroughExpertScores_ToARankedExportedPublishedRound()
    {
        using var admin = _server.Rounds();
        using var portal = _server.Rounds(RoundsServer.ZhejiangPortal);
        using var expert = _server.Rounds(RoundsServer.ZhejiangExpert);
        var id = RoundsServer.NewRoundId("zj");

        var round = await admin.CreateRoundAsync(id, Applications.Zhejiang, "Zhejiang first batch");
        Assert.Equal((V1.RoundState.Open, "zhejiang", RoundsServer.Admin), (round.State, round.Tenant, round.CreatedBy));
        Assert.StartsWith(Applications.Zhejiang + "@", round.RuleSet, StringComparison.Ordinal);
        Assert.Equal(round, await admin.CreateRoundAsync(id, Applications.Zhejiang, "Zhejiang first batch"));

        // Submissions: a retried call changes nothing; a resubmission replaces and both stay in the history.
        var profile = new V1.ApplicantProfile { District = "鄞州区", MainBusiness = "模具", SalesRevenueWan = 5200, ProfitWan = 310, ItLead = "张工", Phone = "0574-8888" };
        var first = await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a1", "ningbo", 0.5), profile);
        var retried = await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a1", "ningbo", 0.5));
        var replaced = await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a1", "ningbo", 0.6));
        await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a2", "ningbo", 0.8));
        await portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a3", "hangzhou", 0.3));

        Assert.Equal((1, false, false), (first.Revision, first.Replaced, first.Unchanged));
        Assert.True(first.AuditSequence > 0);
        Assert.Equal((1, true, 0L, first.InputSha256), (retried.Revision, retried.Unchanged, retried.AuditSequence, retried.InputSha256));
        Assert.Equal((2, true, false), (replaced.Revision, replaced.Replaced, replaced.Unchanged));
        var history = await portal.GetSubmissionHistoryAsync(id, "a1");
        Assert.Equal([1, 2], history.Revisions.Select(r => r.Revision));
        Assert.All(history.Revisions, r => Assert.Equal(RoundsServer.ZhejiangPortal, r.KeyId));
        Assert.Equal(first.InputSha256, history.Revisions[0].Sha256);

        // Expert scores: a range while lines are missing, then the exact total.
        var partial = await expert.EnterExpertScoreAsync(Score(id, "a1", "expert.xinchuang", 3));
        var self = partial.Result.SelfScore;
        Assert.InRange(self, 40, 50);
        Assert.Equal(self + 3, partial.Result.TotalScoreMin, 6);
        Assert.Equal(self + 3 + 21, partial.Result.TotalScoreMax, 6);
        RoundEvaluation last = partial;
        foreach (var (line, weight) in Applications.ZhejiangExpertLines.Skip(1))
        {
            last = await expert.EnterExpertScoreAsync(Score(id, "a1", line, weight));
        }

        Assert.False(last.Result.HasTotalScoreMin);
        Assert.False(last.Result.HasTotalScoreMax);
        Assert.Equal(self + 3 + 21, last.Result.TotalScore, 6);
        Assert.True(last.AuditSequence > 0);

        var closed = await admin.TransitionRoundAsync(id, V1.RoundState.Closed);
        Assert.Equal(V1.RoundState.Closed, closed.State);
        var late = await Assert.ThrowsAsync<RpcException>(() => portal.SubmitApplicationAsync(id, Applications.Zhejiang2021("a4", "ningbo", 0.9)));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains("closed", late.Status.Detail, StringComparison.Ordinal);

        // Ranking: total score; a2's N values are the round's largest, so in the first horizontal tier.
        var ranking = await portal.RankRoundAsync(id);
        Assert.Equal("total_score", ranking.Mode);
        Assert.Equal([0.1, 0.3, 0.6], ranking.Tiers);
        Assert.Equal(["a1", "a2", "a3"], ranking.Entries.Select(e => e.ApplicationId));
        Assert.Equal([1, 2, 3], ranking.Entries.Select(e => e.Rank));
        var a2 = ranking.Entries[1];
        Assert.NotEmpty(a2.Horizontal);
        Assert.All(a2.Horizontal.Where(h => h.Part == "N"), h => Assert.Equal((1, 3, 1), (h.Position, h.Of, h.Tier)));
        Assert.All(ranking.Entries[2].Horizontal.Where(h => h.Part == "N"), h => Assert.Equal(3, h.Position));

        // The recommendation order per city, as the seed's table.
        var export = await portal.ExportRecommendationsAsync(id);
        Assert.Equal(["hangzhou", "ningbo"], export.Tables.Select(t => t.City));
        var ningbo = export.Tables[1];
        Assert.Equal(2, ningbo.Rows);
        var lines = ningbo.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("序号,区县,企业名称", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("1,鄞州区,企业 a1,模具,5200,310", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,", lines[2], StringComparison.Ordinal);
        Assert.Contains("鄞州区", ningbo.Json, StringComparison.Ordinal);
        var hangzhou = Assert.Single((await portal.ExportRecommendationsAsync(id, "hangzhou")).Tables);
        Assert.Equal(1, hangzhou.Rows);

        var published = await admin.TransitionRoundAsync(id, V1.RoundState.Published);
        Assert.Equal(V1.RoundState.Published, published.State);
        Assert.Equal(V1.RoundState.Published, (await portal.GetRoundAsync(id)).State);
        var frozen = await Assert.ThrowsAsync<RpcException>(() => expert.EnterExpertScoreAsync(Score(id, "a2", "expert.xinchuang", 1)));
        Assert.Equal(StatusCode.FailedPrecondition, frozen.StatusCode);
        var backwards = await Assert.ThrowsAsync<RpcException>(() => admin.TransitionRoundAsync(id, V1.RoundState.Open));
        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);
    }

    [Fact]
    public async Task BadRequests_FailWithTheLibrarysStatus_NamingTheField()
    {
        using var admin = _server.Rounds();
        var id = RoundsServer.NewRoundId("zj");
        await admin.CreateRoundAsync(id, Applications.Zhejiang);

        var missing = await Assert.ThrowsAsync<RpcException>(() => admin.GetRoundAsync(RoundsServer.NewRoundId("none")));
        var exists = await Assert.ThrowsAsync<RpcException>(() => admin.CreateRoundAsync(id, Applications.Hebei));
        var wrongRuleSet = await Assert.ThrowsAsync<RpcException>(() => admin.SubmitApplicationAsync(id, Applications.Hebei2018("h1", "CC-h1")));
        var badLine = await Assert.ThrowsAsync<RpcException>(() => admin.EnterExpertScoreAsync(Score(id, "a1", "expert.nothing", 1)));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("round_id:", missing.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.AlreadyExists, exists.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, wrongRuleSet.StatusCode);
        Assert.StartsWith("ruleset:", wrongRuleSet.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, badLine.StatusCode);
        Assert.StartsWith("line:", badLine.Status.Detail, StringComparison.Ordinal);
    }

    internal static EnterExpertScoreRequest Score(string roundId, string applicationId, string line, double score, string expertId = "") =>
        new() { RoundId = roundId, ApplicationId = applicationId, Line = line, Score = score, ExpertId = expertId };
}
