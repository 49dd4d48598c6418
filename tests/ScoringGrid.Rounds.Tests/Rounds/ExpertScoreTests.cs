using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Rounds;

[Collection(RedisCollection.Name)]
public sealed class ExpertScoreTests(RedisServerFixture redis)
{
    [Fact]
    public async Task SeveralExperts_AreAveraged_AndTheTotalIsARangeUntilAllLinesAreIn()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));

        await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "expert.xinchuang", 3, "key-expert-1");
        var partial = await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e2", "expert.xinchuang", 4, "key-expert-2");

        Assert.Equal(3.5, partial.Result.ExpertScore);
        Assert.Equal(37.5 + 3.5, partial.Result.TotalScoreMin);
        Assert.Equal(37.5 + 3.5 + 21, partial.Result.TotalScoreMax);

        (string Line, double Score)[] rest =
            [("expert.cloud_native", 2), ("expert.cloud_mgmt", 5), ("expert.platform_use", 1), ("expert.new_manufacturing", 0), ("expert.performance_case", 4)];
        ApplicationEvaluation last = partial;
        foreach (var (line, score) in rest)
        {
            last = await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", line, score, "key-expert-1");
        }

        Assert.Null(last.Result.TotalScoreMin);
        Assert.Null(last.Result.TotalScoreMax);
        Assert.Equal(37.5 + 3.5 + 12, last.Result.TotalScore);
        var again = await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e2", "expert.xinchuang", 2, "key-expert-2");
        Assert.Equal(37.5 + 2.5 + 12, again.Result.TotalScore);
    }

    [Fact]
    public async Task ScoresOutsideTheLine_AndUnknownLines_AreRefused()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));

        var high = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "expert.xinchuang", 4.5, "k"));
        var line = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "infra.storage", 1, "k"));
        var app = await Assert.ThrowsAsync<RoundsException>(() => h.Rounds.EnterExpertScoreAsync("zj-1", "zz", "e1", "expert.xinchuang", 1, "k"));

        Assert.Equal("score", high.Field);
        Assert.Equal("line", line.Field);
        Assert.Equal(RoundsErrorCodes.NotFound, app.Code);
    }
}
