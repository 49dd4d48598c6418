using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>
/// Generates applications around each rule set's shipped example: items, figures, flags, dates and
/// expert scores varied so that every level (and none) is reached, with odd values (-0, extremes,
/// fractions, non-ASCII ids) and a few invalid documents. Deterministic for a seed.
/// </summary>
internal sealed class ApplicationGenerator(RuleSetCatalog catalog, int seed)
{
    private static readonly string[] Deployments = ["public", "private", "hybrid", "dedicated"];
    private static readonly string[] Ids = ["", "a", "申报-0042", "🙂 emoji id", "id with spaces", "x\u00e9\u00df"];
    private static readonly double[] OddFigures = [0, -0.0, double.Epsilon, 1e-300, 0.1 + 0.2, 1e15, 1e300, double.MaxValue];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, V1.Application> _examples = catalog.RuleSets.ToDictionary(rs => rs.Id, rs => Examples.Message(rs.Id), StringComparer.Ordinal);
    private CompiledRuleSet _ruleSet = catalog.RuleSets[0];

    public (V1.Application? Application, V1.ResultView View) Next()
    {
        // Runs of one rule set, as a portal sends them, so EvaluateStream's reused result is reused.
        if (_random.NextDouble() < 0.15)
        {
            _ruleSet = catalog.RuleSets[_random.Next(catalog.RuleSets.Count)];
        }

        var view = (V1.ResultView)_random.Next(3);
        return _random.NextDouble() < 0.003 ? (null, view) : (Application(_ruleSet), view);
    }

    private V1.Application Application(CompiledRuleSet rs)
    {
        var example = _examples[rs.Id];
        var app = example.Clone();
        app.Id = Chance(0.7) ? $"{example.Id}-{_random.Next(100_000)}" : Pick(Ids);
        app.Ruleset = Chance(0.8) ? rs.Id : rs.Key;
        app.Deployment = Pick(Deployments);
        if (Chance(0.05))
        {
            app.Applicant.Province = Pick(["anhui", "", rs.Province]);
        }

        Items(rs, app);
        Figures(rs, example, app);
        foreach (var flag in rs.FlagIds)
        {
            if (Chance(0.9))
            {
                app.Flags[flag] = Chance(0.85);
            }
            else
            {
                app.Flags.Remove(flag);
            }
        }

        Dates(rs, app);
        ExpertScores(rs, app);
        Invalid(app);
        return app;
    }

    private void Items(CompiledRuleSet rs, V1.Application app)
    {
        var density = _random.NextDouble();
        app.Items.Clear();
        foreach (var item in rs.ItemIds)
        {
            if (_random.NextDouble() < density)
            {
                app.Items.Add(item);
            }
        }
    }

    private void Figures(CompiledRuleSet rs, V1.Application example, V1.Application app)
    {
        foreach (var figure in rs.FigureIds)
        {
            if (Chance(0.15))
            {
                app.Figures.Remove(figure);
                continue;
            }

            var typical = example.Figures.TryGetValue(figure, out var v) && v > 0 ? v : Math.Pow(10, _random.Next(0, 7));
            app.Figures[figure] = _random.Next(10) switch
            {
                0 => Pick(OddFigures),
                1 => Math.Round(typical * _random.NextDouble()),
                2 => typical * _random.NextDouble() * 3,
                _ => Math.Round(typical * (0.5 + _random.NextDouble()), _random.Next(3)),
            };
        }

        // Ratio lines refuse a part larger than its whole (cloud_x > total_x); keep most applications scorable.
        foreach (var figure in rs.FigureIds)
        {
            if (!figure.StartsWith("cloud_", StringComparison.Ordinal) || !app.Figures.TryGetValue(figure, out var part))
            {
                continue;
            }

            var rest = figure["cloud_".Length..];
            foreach (var whole in (string[])["total_" + rest, "it_" + rest])
            {
                if (app.Figures.TryGetValue(whole, out var w) && part > w && Chance(0.98))
                {
                    app.Figures[figure] = Math.Round(w * _random.NextDouble(), 1);
                }
            }
        }
    }

    private void Dates(CompiledRuleSet rs, V1.Application app)
    {
        foreach (var date in rs.DateIds)
        {
            if (Chance(0.2))
            {
                app.Dates.Remove(date);
                continue;
            }

            var day = new DateOnly(2014, 1, 1).AddDays(_random.Next(365 * 9));
            app.Dates[date] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void ExpertScores(CompiledRuleSet rs, V1.Application app)
    {
        foreach (var line in rs.Rules)
        {
            if (line.Kind != "expert")
            {
                continue;
            }

            var weight = line.MaxPoints;
            switch (_random.Next(4))
            {
                case 0:
                    app.ExpertScores.Remove(line.Id);
                    break;
                case 1:
                    app.ExpertScores[line.Id] = Value.ForNumber(Math.Round(weight * _random.NextDouble() * 2) / 2);
                    break;
                case 2:
                    app.ExpertScores[line.Id] = Value.ForNumber(weight * _random.NextDouble());
                    break;
                default:
                    var scores = new Value[_random.Next(1, 4)];
                    for (var i = 0; i < scores.Length; i++)
                    {
                        scores[i] = Value.ForNumber(Math.Round(weight * _random.NextDouble(), 1));
                    }

                    app.ExpertScores[line.Id] = Value.ForList(scores);
                    break;
            }
        }
    }

    // About one application in fifteen is refused, for a reason its error response names.
    private void Invalid(V1.Application app)
    {
        switch (_random.Next(90))
        {
            case 0:
                app.Items.Add("no.such.item");
                break;
            case 1:
                app.Ruleset = "no-such-programme";
                break;
            case 2:
                app.Figures["no_such_figure"] = 1;
                break;
            case 3 when app.Figures.Count > 0:
                app.Figures[app.Figures.Keys.First()] = -1;
                break;
            case 4 when app.Dates.Count > 0:
                app.Dates[app.Dates.Keys.First()] = "2019-02-30";
                break;
            case 5:
                app.ExpertScores["expert.nothing"] = Value.ForNumber(1);
                break;
        }
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
