using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// For every laddered rule set, every numeric, count and flag rule at every level: exactly at the
/// rulebook's threshold passes, one unit below fails. Thresholds come from <see cref="RulebookSection"/>,
/// written from the rulebook, never from the YAML.
public class RulebookThresholdUnitTests
{
    public static TheoryData<string, string, string> Baselines
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var s in RulebookSection.All)
            {
                foreach (var variant in s.Variants)
                {
                    foreach (var level in s.Levels)
                    {
                        data.Add(s.RuleSetId, variant, level);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string, string, string, string, double, bool> Thresholds
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string, double, bool>();
            foreach (var s in RulebookSection.All)
            {
                foreach (var variant in s.Variants)
                {
                    foreach (var t in s.Thresholds.Where(t => t.Variant.Length == 0 || t.Variant == variant))
                    {
                        data.Add(s.RuleSetId, variant, t.Level, t.Rule, t.Target, t.Value, t.Items);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string, string, string, string> Flags
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var s in RulebookSection.All)
            {
                foreach (var variant in s.Variants)
                {
                    foreach (var f in s.RequiredFlags.Where(f => f.Variant.Length == 0 || f.Variant == variant))
                    {
                        data.Add(s.RuleSetId, variant, f.Level, f.Rule, f.Flag);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void MinimalApplication_ReachesExactlyItsLevel(string ruleSet, string variant, string level)
    {
        var section = RulebookSection.For(ruleSet);

        var result = Shipped.Score(section.Minimal(level, variant));

        Assert.Equal(level, result.Level);
        Assert.True(result.Eligible);
        Assert.All(result.Criteria.Where(c => c.Level == level), c => Assert.True(c.Passed, c.Explanation));
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Rule_AtThresholdPasses_OneUnitBelowFails(string ruleSet, string variant, string level, string rule, string target, double threshold, bool items) =>
        AssertThreshold(Shipped.Catalog, ruleSet, variant, level, rule, target, threshold, items);

    [Fact]
    public void ThresholdCheck_CatchesATypoInARuleFile()
    {
        // 4-star daily_data_rw_ops is 10,000 in the rulebook; a file saying 1,000 must fail the check.
        var text = Shipped.RuleFileText("js-star-2018");
        var typo = text.Replace("3-star: 1000, 4-star: 10000,", "3-star: 1000, 4-star: 1000,", StringComparison.Ordinal);
        Assert.NotEqual(text, typo);
        var catalog = RuleSetCatalog.Create([RuleSetCatalog.Compile("js-star-2018.yaml", typo)]);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertThreshold(catalog, "js-star-2018", "", "4-star", "daily_data_rw", "daily_data_rw_ops", 10_000, items: false));
        AssertThreshold(catalog, "js-star-2018", "", "5-star", "daily_data_rw", "daily_data_rw_ops", 50_000, items: false);
    }

    private static void AssertThreshold(
        RuleSetCatalog catalog, string ruleSet, string variant, string level, string rule, string target, double threshold, bool items)
    {
        var section = RulebookSection.For(ruleSet);
        var at = Score(catalog, section.Minimal(level, variant));
        var atCriterion = at.Criterion(rule, level);
        Assert.True(atCriterion.Passed, atCriterion.Explanation);
        Assert.Equal(level, at.Level);

        var below = section.Minimal(level, variant);
        if (items)
        {
            below.Untick(section.Lists[target][(int)threshold - 1]);
        }
        else
        {
            below.Figure(target, threshold - 1);
        }

        var result = Score(catalog, below);
        var failed = result.Criterion(rule, level);
        Assert.False(failed.Passed, failed.Explanation);
        Assert.Equal(threshold - 1, failed.Observed);
        Assert.Equal(threshold, failed.Required);
        Assert.True(result.LevelIndex < section.LevelIndex(level), $"still reached {result.Level}");
    }

    private static ScoreResult Score(RuleSetCatalog catalog, AppBuilder app)
    {
        var outcome = catalog.Score(app.Build());
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        return outcome.Result;
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public void RequiredFlag_NoOrUndeclared_FailsTheRuleAtThatLevel(string ruleSet, string variant, string level, string rule, string flag)
    {
        var section = RulebookSection.For(ruleSet);

        foreach (var app in new[] { section.Minimal(level, variant).Flag(flag, false), section.Minimal(level, variant).NoFlag(flag) })
        {
            var result = Shipped.Score(app);
            var failed = result.Criterion(rule, level);
            Assert.False(failed.Passed, failed.Explanation);
            Assert.Contains(flag, failed.Explanation, StringComparison.Ordinal);
            Assert.True(result.LevelIndex < section.LevelIndex(level), $"still reached {result.Level}");
        }
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void OtherProvince_FailsTheGateAtEveryLevel(string ruleSet, string variant, string level)
    {
        var section = RulebookSection.For(ruleSet);

        var result = Shipped.Score(section.Minimal(level, variant).Province(section.Province == "hebei" ? "jiangsu" : "hebei"));

        Assert.Equal("", result.Level);
        Assert.False(result.Eligible);
        Assert.Contains(result.Criteria, c => c.Level == level && c.Id.StartsWith("gate.", StringComparison.Ordinal) && !c.Passed);
    }
}
