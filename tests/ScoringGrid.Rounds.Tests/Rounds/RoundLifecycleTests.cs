using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Rounds;

[Collection(RedisCollection.Name)]
public sealed class RoundLifecycleTests(RedisServerFixture redis)
{
    [Fact]
    public async Task ARound_PinsTheNewestVersion_AndTheProvinceAsTenant()
    {
        var h = new RoundsHarness(redis);

        var round = await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin", title: "Zhejiang first batch");

        Assert.Equal(RoundsHarness.ShippedKey(Applications.Zhejiang), round.RuleSet);
        Assert.Equal(("zhejiang", RoundState.Open, "key-admin"), (round.Tenant, round.State, round.CreatedBy));
        Assert.Equal(round, await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin", title: "again"));
        Assert.Equal(["zj-1"], (await h.Rounds.ListRoundsAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task ARoundIdTakenByAnotherRuleSet_IsAlreadyExists()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("r", Applications.Zhejiang, "key-admin");

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.CreateRoundAsync("r", Applications.Hebei, "key-admin"));

        Assert.Equal(RoundsErrorCodes.AlreadyExists, e.Code);
    }

    [Fact]
    public async Task ATenantCannotRunAnotherProvincesProgramme()
    {
        var h = new RoundsHarness(redis);

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.CreateRoundAsync("r", Applications.Zhejiang, "key-admin", tenant: "hebei"));

        Assert.Equal((RoundsErrorCodes.InvalidArgument, "tenant"), (e.Code, e.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a:b")]
    [InlineData("a{b}")]
    public async Task BadRoundIds_AreRefused(string id)
    {
        var h = new RoundsHarness(redis);

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.CreateRoundAsync(id, Applications.Zhejiang, "key-admin"));

        Assert.Equal((RoundsErrorCodes.InvalidArgument, "round_id"), (e.Code, e.Field));
    }

    [Fact]
    public async Task States_GoForwardOnly_AndSubmissionsNeedAnOpenRound()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));

        var skip = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.PublishRoundAsync("zj-1", "key-admin"));
        await h.Rounds.CloseRoundAsync("zj-1", "key-admin");
        var late = await Assert.ThrowsAsync<RoundsException>(() => h.SubmitAsync("zj-1", Applications.Zhejiang2021("a2", "ningbo", 0.5)));
        var back = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.TransitionAsync("zj-1", RoundState.Open, "key-admin"));
        await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "expert.xinchuang", 3, "key-expert");
        var published = await h.Rounds.PublishRoundAsync("zj-1", "key-admin");
        var frozen = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "expert.xinchuang", 4, "key-expert"));

        Assert.All([skip, late, back, frozen], e => Assert.Equal(RoundsErrorCodes.FailedPrecondition, e.Code));
        Assert.Equal(RoundState.Published, published.State);
        Assert.Equal(RoundState.Published, (await h.Rounds.GetRoundAsync("zj-1")).State);
    }

    [Fact]
    public async Task AnUnknownRound_IsNotFound()
    {
        var h = new RoundsHarness(redis);

        var e = await Assert.ThrowsAsync<RoundsException>(() => h.SubmitAsync("nope", Applications.Zhejiang2021("a1", "ningbo", 0.5)));

        Assert.Equal(RoundsErrorCodes.NotFound, e.Code);
    }
}
