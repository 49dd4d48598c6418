using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Ranking;

[Collection(RedisCollection.Name)]
public sealed class RankingTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Zhejiang_RanksByTotal_TiesGoToTheEarlierSubmissionThenTheLowerId()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("late-but-first", "ningbo", 0.5));
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("best", "ningbo", 2.0 / 3));
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("b-second", "ningbo", 0.5));
        // Same instant, same score: the application id decides.
        await h.Rounds.SubmitApplicationAsync("zj-1", Applications.Zhejiang2021("c-same", "ningbo", 0.5), "k");
        await h.Rounds.SubmitApplicationAsync("zj-1", Applications.Zhejiang2021("a-same", "ningbo", 0.5), "k");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("ineligible", "ningbo", 1, eligible: false));

        var ranking = await h.Rounds.RankRoundAsync("zj-1", "key-admin");

        Assert.Equal(RankingMode.TotalScore, ranking.Mode);
        Assert.Equal(["best", "late-but-first", "b-second", "a-same", "c-same", "ineligible"], ranking.Entries.Select(e => e.ApplicationId));
        Assert.Equal([1, 2, 3, 4, 5, 6], ranking.Entries.Select(e => e.Rank));
        Assert.Equal(37.5, ranking.Entries[1].TotalScore);
        Assert.Equal(37.5 + 25, ranking.Entries[1].TotalScoreMax);
        Assert.Equal(75, ranking.Entries[^1].TotalScore);
        Assert.False(ranking.Entries[^1].Eligible);
    }

    [Fact]
    public async Task Zhejiang_HorizontalScores_RankNAndMIntoTheRuleSetsTiers()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        // scale k: every N and M grows with k, so app-10 has the largest values.
        for (var k = 1; k <= 10; k++)
        {
            await h.SubmitAsync("zj-1", Applications.Zhejiang2021($"app-{k:00}", "ningbo", 0.5, scale: k));
        }

        var ranking = await h.Rounds.RankRoundAsync("zj-1");

        Assert.Equal([0.1, 0.3, 0.6], ranking.Tiers);
        var storageN = ranking.Entries.ToDictionary(e => e.ApplicationId, e => e.Horizontal.Single(s => s.LineId == "infra.storage" && s.Part == "N"));
        // 10 values, tiers 10 % / 30 % / 60 %: positions 1 | 2–3 | 4–6 | 7–10.
        Assert.Equal([4, 4, 4, 4, 3, 3, 3, 2, 2, 1], Enumerable.Range(1, 10).Select(k => storageN[$"app-{k:00}"].Tier));
        Assert.Equal(1, storageN["app-10"].Position);
        Assert.Equal(10, storageN["app-01"].Of);
        var parts = ranking.Entries[0].Horizontal;
        Assert.Equal(27, parts.Count);
        Assert.Equal(["N"], parts.Where(p => p.LineId is "collab.systems" or "collab.data" or "investment").Select(p => p.Part).Distinct());
        Assert.Equal(2, parts.Count(p => p.LineId == "infra.servers"));
        // collab.data counts 3 ticked items for everyone: all share position 1 and the first tier.
        Assert.All(ranking.Entries, e => Assert.Equal((1, 1), (e.Horizontal.Single(p => p.LineId == "collab.data").Position, e.Horizontal.Single(p => p.LineId == "collab.data").Tier)));
    }

    [Fact]
    public async Task Hebei_RanksTheEligibleByExpertTotal_AndExcludesTheRest()
    {
        var h = new RoundsHarness(redis, withRegistry: true);
        await h.Rounds.CreateRoundAsync("hb-1", Applications.Hebei, "key-admin");
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-low", "CC-1"));
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-high", "CC-2"));
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-dirty", "CC-3", eligible: false));
        await h.SubmitAsync("hb-1", Applications.Hebei2018("h-banned", "CC-4"));
        await h.Registry.DisqualifyAsync("CC-4", "forged invoices", new DateOnly(2020, 5, 1), "key-evaluator");
        await h.Rounds.CloseRoundAsync("hb-1", "key-admin");
        foreach (var (app, score) in new[] { ("h-low", 20.0), ("h-high", 35.0), ("h-dirty", 40.0), ("h-banned", 40.0) })
        {
            await h.Rounds.EnterExpertScoreAsync("hb-1", app, "e1", "expert.application_depth", score, "key-expert");
            await h.Rounds.EnterExpertScoreAsync("hb-1", app, "e2", "expert.application_depth", score - 10, "key-expert");
        }

        var ranking = await h.Rounds.RankRoundAsync("hb-1");

        Assert.Equal(RankingMode.ExpertAmongEligible, ranking.Mode);
        Assert.Equal(["h-high", "h-low"], ranking.Entries.Select(e => e.ApplicationId));
        Assert.Equal([30.0, 15.0], ranking.Entries.Select(e => e.ExpertScore ?? -1));
        Assert.Equal(["h-banned", "h-dirty"], ranking.Excluded.Order(StringComparer.Ordinal));
        Assert.All(ranking.Entries, e => Assert.Equal("benchmark", e.Level));
    }

    [Fact]
    public async Task Laddered_RanksByLevel_ThenByFirstSubmission()
    {
        var h = new RoundsHarness(redis);
        var round = await h.Rounds.CreateRoundAsync("js-1", "js-star-2019", "key-admin");
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "js-star-2019-suzhou-gear.json"));
        var full = ScoringGrid.Scoring.ApplicationJson.Parse(json, out _)!;
        var lower = ScoringGrid.Scoring.ApplicationJson.Parse(json, out _)!;
        // The example is 3-star; one more pooled item and an innovation item make it 5-star.
        full.Items.AddRange(["data.basic", "innov.remote_ops"]);
        lower.Items.RemoveAll(i => i.StartsWith("data.", StringComparison.Ordinal) || i.StartsWith("dev", StringComparison.Ordinal));
        lower.Id = "a-lower";
        full.Id = "z-full-first";
        await h.SubmitAsync("js-1", lower);
        await h.SubmitAsync("js-1", full);
        full.Id = "b-full-second";
        await h.SubmitAsync("js-1", full);

        var ranking = await h.Rounds.RankRoundAsync("js-1");

        Assert.Equal(RankingMode.LevelThenScore, ranking.Mode);
        Assert.Equal(round.RuleSet, ranking.RuleSet);
        Assert.Equal(["z-full-first", "b-full-second", "a-lower"], ranking.Entries.Select(e => e.ApplicationId));
        Assert.Equal("5-star", ranking.Entries[0].Level);
        Assert.Equal("3-star", ranking.Entries[2].Level);
    }
}
