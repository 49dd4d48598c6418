using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// <summary>
/// A rule checked the same way at several levels is evaluated and explained once per result
/// (<see cref="CompiledRuleSet.SameOutcomeAs"/>): the shared outcome must be exactly what
/// evaluating that level on its own gives, and a rule whose check differs by level is never shared.
/// </summary>
public sealed class SameOutcomeUnitTests
{
    [Fact]
    public void SharedOutcomes_AreWhatEachLevelEvaluatesToOnItsOwn_OnGeneratedApplications()
    {
        var random = new Random(3122026);
        var shared = 0;
        foreach (var rs in Shipped.Catalog.RuleSets)
        {
            var result = rs.RentResult();
            for (var n = 0; n < 300; n++)
            {
                var outcome = rs.Score(Generate(rs, random), result);
                if (!outcome.Succeeded)
                {
                    continue;
                }

                var criteria = outcome.Result.Criteria;
                for (var i = 0; i < criteria.Count; i++)
                {
                    var same = rs.SameOutcomeAs(i);
                    if (same < 0)
                    {
                        continue;
                    }

                    shared++;
                    var alone = rs.Criteria[i].Evaluate(outcome.Result.Input);
                    Assert.Equal((alone.Passed, alone.Observed, alone.Required, alone.Points), (criteria[i].Passed, criteria[i].Observed, criteria[i].Required, criteria[i].Points));
                    alone.GetExplanations(out var en, out var zh);
                    Assert.Equal((en, zh), (criteria[i].Explanation, criteria[i].ExplanationZh));
                    Assert.Equal((en, zh), (criteria[same].Explanation, criteria[same].ExplanationZh));
                    Assert.Equal(criteria[same].Id, criteria[i].Id);
                    Assert.NotEqual(criteria[same].Level, criteria[i].Level);
                }
            }
        }

        Assert.True(shared > 1_000, $"{shared} shared outcomes checked");
    }

    [Fact]
    public void RulesWithPerLevelThresholdsOrConditions_AreNotShared_AndOneCheckForEveryLevelIs()
    {
        var iiot = Shipped.RuleSet("js-iiot-platform-2019");
        // Per-level thresholds (check with ge: {level: n}) and per-level conditions (at:).
        foreach (var rule in new[] { "monthly_model_calls", "analysis_algorithms", "devices", "managed_devices", "industrial_apps" })
        {
            var indices = Indices(iiot, rule);
            Assert.True(indices.Count >= 2, rule);
            Assert.All(indices, i => Assert.Equal(-1, iiot.SameOutcomeAs(i)));
        }

        var star = Shipped.RuleSet("js-star-2019");
        var province = Indices(star, "gate.province");
        Assert.Equal(3, province.Count);
        Assert.Equal([-1, province[0], province[0]], province.Select(star.SameOutcomeAs));
        var investment = Indices(star, "investment");
        Assert.Equal([-1, investment[0], investment[0]], investment.Select(star.SameOutcomeAs));
    }

    private static List<int> Indices(CompiledRuleSet rs, string ruleId)
    {
        var indices = new List<int>();
        var result = rs.Score(new Application { RuleSet = rs.Id }).Result!;
        for (var i = 0; i < result.Criteria.Count; i++)
        {
            if (result.Criteria[i].Id == ruleId)
            {
                indices.Add(i);
            }
        }

        return indices;
    }

    private static Application Generate(CompiledRuleSet rs, Random random)
    {
        var app = new Application { RuleSet = rs.Id, Deployment = random.Next(3) == 0 ? "private" : "public" };
        app.Applicant.Province = random.Next(5) == 0 ? "anhui" : rs.Province;
        var share = random.NextDouble();
        foreach (var item in rs.ItemIds)
        {
            if (random.NextDouble() < share)
            {
                app.Items.Add(item);
            }
        }

        foreach (var figure in rs.FigureIds)
        {
            app.Figures[figure] = random.Next(4) == 0 ? 0 : Math.Round(Math.Pow(10, random.NextDouble() * 6));
        }

        foreach (var flag in rs.FlagIds)
        {
            app.Flags[flag] = random.Next(5) > 0;
        }

        foreach (var date in rs.DateIds)
        {
            app.Dates[date] = new DateOnly(2012 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return app;
    }
}
