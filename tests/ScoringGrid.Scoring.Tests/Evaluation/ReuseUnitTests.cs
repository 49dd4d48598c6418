using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// Scoring many applications into one reused result gives the same JSON as fresh results.
public class ReuseUnitTests
{
    [Fact]
    public void ReusedResult_WritesTheSameJsonAsAFreshResult()
    {
        var random = new Random(7);
        var applications = new List<Application>();
        foreach (var section in RulebookSection.All)
        {
            foreach (var variant in section.Variants)
            {
                foreach (var level in section.Levels)
                {
                    applications.Add(section.Minimal(level, variant).Build());
                    applications.Add(section.Minimal(level, variant).Flag(section.RequiredFlags[0].Flag, false).Tick(
                        section.Lists.Values.SelectMany(l => l).Where(_ => random.Next(3) == 0)).Build());
                }
            }
        }

        applications.AddRange(Examples.Files.Select(f => Examples.Load(Path.GetFileName(f))));
        applications = [.. applications.OrderBy(_ => random.Next())];

        var reused = new Dictionary<string, ScoreResult>(StringComparer.Ordinal);
        foreach (var app in applications)
        {
            var rs = Shipped.RuleSet(app.RuleSet);
            var fresh = rs.Score(app);
            Assert.True(fresh.Succeeded);
            var freshJson = ScoreResultJson.ToJson(fresh.Result);

            var outcome = reused.TryGetValue(rs.Key, out var buffer) ? rs.Score(app, buffer) : rs.Score(app);
            Assert.True(outcome.Succeeded);
            if (buffer is not null)
            {
                Assert.Same(buffer, outcome.Result);
            }

            reused[rs.Key] = outcome.Result;
            Assert.Equal(freshJson, ScoreResultJson.ToJson(outcome.Result));
        }
    }

    [Fact]
    public void ReusedResult_AfterARejectedApplication_ScoresTheNextOneCleanly()
    {
        var rs = Shipped.RuleSet("js-star-2018");
        var book = new JsStar2018Rulebook();
        var first = rs.Score(book.Minimal("5-star").Tick("core.it.dev").Build());
        Assert.True(first.Succeeded);
        Assert.NotEmpty(first.Result.Notes);

        Assert.False(rs.Score(book.Minimal("3-star").Figure("daily_data_rw_ops", -1).Build(), first.Result).Succeeded);

        var next = book.Minimal("3-star").Build();
        var again = rs.Score(next, first.Result);
        Assert.True(again.Succeeded);
        Assert.Equal(ScoreResultJson.ToJson(rs.Score(next).Result!), ScoreResultJson.ToJson(again.Result));
    }

    [Fact]
    public void ResultOfAnotherRuleSet_IsNotReused()
    {
        var other = Shipped.Score(Examples.Load("js-star-2019-suzhou-gear.json"));
        var rs = Shipped.RuleSet("js-star-2018");

        var outcome = rs.Score(new JsStar2018Rulebook().Minimal("3-star").Build(), other);

        Assert.True(outcome.Succeeded);
        Assert.NotSame(other, outcome.Result);
        Assert.Equal("js-star-2018", outcome.Result.RuleSetId);
        Assert.Equal("js-star-2019", other.RuleSetId);
    }

    [Fact]
    public void ReturnedResult_IsRentedAgain_AndScoresLikeAFreshOne()
    {
        var rs = Shipped.RuleSet("js-star-2018");
        var book = new JsStar2018Rulebook();
        var rented = rs.RentResult();
        Assert.Same(rs, rented.RuleSet);
        Assert.True(rs.Score(book.Minimal("5-star").Tick("core.it.dev").Build(), rented).Succeeded);
        rs.ReturnResult(rented);

        var again = rs.RentResult();
        var next = book.Minimal("3-star").Build();
        var outcome = rs.Score(next, again);

        Assert.True(outcome.Succeeded);
        Assert.Same(rented, again);
        Assert.Same(again, outcome.Result);
        Assert.Equal(ScoreResultJson.ToJson(rs.Score(next).Result!), ScoreResultJson.ToJson(outcome.Result));
    }

    [Fact]
    public void ResultsRentedTogether_AreDistinct_AndOtherRuleSetsResultsAreNotTaken()
    {
        var rs = Shipped.RuleSet("js-star-2018");
        var other = Shipped.RuleSet("js-star-2019");
        var first = rs.RentResult();
        var second = rs.RentResult();
        Assert.NotSame(first, second);

        other.ReturnResult(first); // not other's: ignored
        var fromOther = other.RentResult();

        Assert.NotSame(first, fromOther);
        Assert.Same(other, fromOther.RuleSet);
    }

    [Fact]
    public async Task ConcurrentRenters_NeverHoldTheSameResult()
    {
        var rs = Shipped.RuleSet("js-star-2019");
        var held = new System.Collections.Concurrent.ConcurrentDictionary<ScoreResult, bool>(ReferenceEqualityComparer.Instance);
        var clashes = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var result = rs.RentResult();
                if (!held.TryAdd(result, true))
                {
                    Interlocked.Increment(ref clashes);
                }

                Thread.SpinWait(i % 7);
                held.TryRemove(result, out bool _);
                rs.ReturnResult(result);
            }
        }));

        await Task.WhenAll(workers);

        Assert.Equal(0, clashes);
    }
}
