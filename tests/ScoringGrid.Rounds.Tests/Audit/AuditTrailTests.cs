using System.Text.Json;
using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Audit;

[Collection(RedisCollection.Name)]
public sealed class AuditTrailTests(RedisServerFixture redis)
{
    [Fact]
    public async Task EveryRecord_ReDerivesToTheSameResult()
    {
        var h = new RoundsHarness(redis, withRegistry: true);
        await h.Rounds.CreateRoundAsync("hb-1", Applications.Hebei, "key-admin");
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h1", "CC-1"));
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h2", "CC-2"), keyId: "key-portal-b");
        await h.Rounds.EnterExpertScoreAsync("hb-1", "h1", "e1", "expert.benefit", 21.5, "key-expert");
        await h.Registry.DisqualifyAsync("CC-2", "forged contract", new DateOnly(2021, 6, 1), "key-evaluator");
        await h.Rounds.RankRoundAsync("hb-1", "key-admin");
        // The ban is lifted later; the records still re-derive with the registry as it was.
        await h.Registry.LiftAsync("CC-2", "appeal upheld", "key-evaluator");

        var trail = await h.Rounds.GetAuditTrailAsync("hb-1");

        // Ranking re-scores both; h1's evaluation equals the one the expert score recorded, so only h2's (now banned) is new.
        Assert.Equal([AuditKinds.Submission, AuditKinds.Submission, AuditKinds.ExpertScore, AuditKinds.Evaluation], trail.Select(r => r.Kind));
        Assert.Equal([1L, 2, 3, 4], trail.Select(r => r.Sequence));
        var banned = trail.Single(r => r.Kind == AuditKinds.Evaluation && r.ApplicationId == "h2");
        Assert.Equal("forged contract", banned.Ban?.Reason);
        Assert.False(JsonDocument.Parse(banned.ResultJson).RootElement.GetProperty("eligible").GetBoolean());
        Assert.Equal("key-portal-b", trail[1].KeyId);
        Assert.All(trail, r => Assert.Equal(64, r.InputSha256.Length));
        foreach (var record in trail)
        {
            var again = await h.Rounds.RederiveAsync(record);
            Assert.True(again.InputIntact);
            Assert.True(again.Equal, $"record {record.Sequence} ({record.Kind}) re-derived differently:\n{record.ResultJson}\n{again.ResultJson}");
        }
    }

    [Fact]
    public async Task TheTrail_IsQueryableByApplication_AndRepeatsOfAnEvaluationAreNotRecordedTwice()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a2", "hangzhou", 0.5));

        await h.Rounds.RankRoundAsync("zj-1");
        await h.Rounds.RankRoundAsync("zj-1");
        var explicitEvaluation = await h.Rounds.EvaluateAsync("zj-1", "a1", "key-reviewer");

        var a1 = await h.Rounds.GetAuditTrailAsync("zj-1", "a1");
        Assert.Equal([AuditKinds.Submission, AuditKinds.Evaluation], a1.Select(r => r.Kind));
        Assert.Equal("key-reviewer", a1[^1].KeyId);
        Assert.Equal(a1[^1].Sequence, explicitEvaluation.AuditSequence);
        Assert.Equal(a1[0].InputSha256, a1[1].InputSha256);
        Assert.Equal(3, (await h.Rounds.GetAuditTrailAsync("zj-1")).Count);
        Assert.Equal(a1[1], await h.Rounds.GetAuditRecordAsync("zj-1", a1[1].Sequence));
    }

    [Fact]
    public async Task ATamperedRecord_DoesNotReDeriveEqual()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));
        var record = (await h.Rounds.GetAuditTrailAsync("zj-1", "a1")).Single();

        var input = await h.Rounds.RederiveAsync(record with { Input = record.Input.Replace("\"total_storage_tb\":100", "\"total_storage_tb\":200", StringComparison.Ordinal) });
        var result = await h.Rounds.RederiveAsync(record with { ResultJson = record.ResultJson.Replace("37.5", "38.5", StringComparison.Ordinal) });

        Assert.False(input.InputIntact);
        Assert.False(input.Equal);
        Assert.True(result.InputIntact);
        Assert.False(result.Equal);
    }
}
