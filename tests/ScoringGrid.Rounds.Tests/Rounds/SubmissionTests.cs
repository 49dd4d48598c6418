using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Rounds;

[Collection(RedisCollection.Name)]
public sealed class SubmissionTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Resubmission_ReplacesTheCurrentOne_AndTheHistoryKeepsBoth()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");

        var first = await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));
        var second = await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 2.0 / 3), keyId: "key-portal-2");

        Assert.Equal((1, false), (first.Revision, first.Replaced));
        Assert.Equal((2, true), (second.Revision, second.Replaced));
        Assert.NotEqual(first.InputSha256, second.InputSha256);
        var history = await h.Rounds.GetSubmissionHistoryAsync("zj-1", "a1");
        Assert.Equal([first.InputSha256, second.InputSha256], history.Select(r => r.Sha256));
        Assert.Equal(["key-portal", "key-portal-2"], history.Select(r => r.KeyId));
        Assert.Equal(["a1"], await h.Rounds.ListApplicationsAsync("zj-1"));
        var evaluation = await h.Rounds.EvaluateAsync("zj-1", "a1", "key-admin");
        Assert.Equal(50, evaluation.Result.SelfScore);
        var trail = await h.Rounds.GetAuditTrailAsync("zj-1", "a1");
        Assert.Equal([AuditKinds.Submission, AuditKinds.Submission, AuditKinds.Evaluation], trail.Select(r => r.Kind));
        Assert.Equal([1, 2], trail.Take(2).Select(r => r.Revision ?? 0));
    }

    [Fact]
    public async Task TheSameBytesAgain_ChangeNothing()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        var app = Applications.Zhejiang2021("a1", "ningbo", 0.5);

        await h.SubmitAsync("zj-1", app);
        var retry = await h.SubmitAsync("zj-1", app);

        Assert.True(retry.Unchanged);
        Assert.Equal(1, retry.Revision);
        Assert.Single(await h.Rounds.GetSubmissionHistoryAsync("zj-1", "a1"));
        Assert.Single(await h.Rounds.GetAuditTrailAsync("zj-1", "a1"));
    }

    [Fact]
    public async Task AnApplicationForAnotherRuleSet_IsRefused()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.SubmitAsync("zj-1", Applications.Hebei2018("h1", "CC-h1")));

        Assert.Equal((RoundsErrorCodes.InvalidArgument, "ruleset"), (e.Code, e.Field));
        Assert.Empty(await h.Rounds.ListApplicationsAsync("zj-1"));
    }

    [Fact]
    public async Task AnApplicationPinnedToTheRoundsVersion_IsAccepted()
    {
        var h = new RoundsHarness(redis);
        var round = await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        var app = Applications.Zhejiang2021("a1", "ningbo", 0.5);
        app.RuleSet = round.RuleSet;

        var receipt = await h.SubmitAsync("zj-1", app);

        Assert.Equal(1, receipt.Revision);
    }

    [Fact]
    public async Task AnUnscorableApplication_IsRefusedWithTheScoringError()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        var app = Applications.Zhejiang2021("a1", "ningbo", 0.5);
        app.Figures["cloud_storage_tb"] = 500;

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.SubmitAsync("zj-1", app));

        Assert.Equal(RoundsErrorCodes.InvalidArgument, e.Code);
        Assert.Contains("infra.storage", e.Field + e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_IsRefused()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.SubmitApplicationAsync("zj-1", "{\"id\":"u8.ToArray(), "key-portal"));

        Assert.Equal(RoundsErrorCodes.InvalidArgument, e.Code);
    }
}
