using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// Ticking one more item or raising one figure never lowers the level, for every laddered rule set.
public class MonotonicityUnitTests
{
    // A denominator: more developers in total raises the 20 % third-party requirement (rulebook §5).
    private static readonly HashSet<string> Denominators = ["total_developers"];

    public static TheoryData<string> LadderedRuleSets => [.. RulebookSection.All.Select(s => s.RuleSetId)];

    [Theory]
    [MemberData(nameof(LadderedRuleSets))]
    public void OneMoreItemOrAHigherFigure_NeverLowersTheLevel(string ruleSetId)
    {
        var rs = Shipped.RuleSet(ruleSetId);
        var section = RulebookSection.For(ruleSetId);
        var random = new Random(ruleSetId.GetHashCode(StringComparison.Ordinal) & 0x7fff ^ 2019);
        var reached = new int[rs.Levels.Count + 1];
        for (var run = 0; run < 1_000; run++)
        {
            var app = RandomApplication(rs, section, random);
            var before = Score(rs, app.Build());
            reached[before + 1]++;

            var unticked = rs.ItemIds.Where(i => !app.Items.Contains(i)).ToArray();
            if (unticked.Length > 0)
            {
                var item = unticked[random.Next(unticked.Length)];
                var after = Score(rs, app.Copy().Tick(item).Build());
                Assert.True(after >= before, $"ticking {item} lowered the level from {before} to {after}");
            }

            var figure = rs.FigureIds[random.Next(rs.FigureIds.Count)];
            if (!Denominators.Contains(figure))
            {
                var current = app.Figures.TryGetValue(figure, out var v) ? v : 0;
                var raised = current + 1 + random.Next(0, (int)Math.Max(1, current));
                var after = Score(rs, app.Copy().Figure(figure, raised).Build());
                Assert.True(after >= before, $"raising {figure} from {current} to {raised} lowered the level from {before} to {after}");
            }
        }

        // The generator must reach every level (and none) or the property says little.
        Assert.All(reached, count => Assert.True(count > 0, $"levels reached: {string.Join(", ", reached)}"));
    }

    private static int Score(CompiledRuleSet rs, Application app)
    {
        var outcome = rs.Score(app);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        return outcome.Result.LevelIndex;
    }

    /// Around a random level's baseline: items dropped or added, figures scaled, flags flipped now and then.
    private static AppBuilder RandomApplication(CompiledRuleSet rs, RulebookSection section, Random random)
    {
        var level = section.Levels[random.Next(section.Levels.Length)];
        var app = section.Minimal(level, section.Variants[random.Next(section.Variants.Length)]);
        foreach (var item in app.Items.ToArray())
        {
            if (random.Next(12) == 0)
            {
                app.Untick(item);
            }
        }

        foreach (var item in rs.ItemIds)
        {
            if (random.Next(5) == 0)
            {
                app.Tick(item);
            }
        }

        foreach (var (figure, value) in app.Figures.ToArray())
        {
            var factor = random.Next(8) == 0 ? 0.8 + random.NextDouble() * 0.2 : 1 + random.NextDouble() * 0.5;
            app.Figure(figure, Math.Round(value * factor));
        }

        foreach (var flag in rs.FlagIds)
        {
            if (random.Next(25) == 0)
            {
                app.Flag(flag, random.Next(2) == 0);
            }
        }

        if (random.Next(10) == 0)
        {
            app.Deployment(new[] { "public", "private", "hybrid", "dedicated" }[random.Next(4)]);
        }

        return app;
    }
}
