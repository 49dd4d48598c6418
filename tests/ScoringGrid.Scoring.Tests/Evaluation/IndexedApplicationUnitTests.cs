using System.Text;
using ScoringGrid.Scoring.Internal.Evaluation;
using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// <summary>
/// An application declared by UTF-8 ids (<see cref="IndexedApplication"/>) against the same
/// application as an <see cref="Application"/>: identical results and errors, or a refused
/// declaration where the application path names an error.
/// </summary>
public sealed class IndexedApplicationUnitTests
{
    private static readonly string[] Deployments = ["", "public", "private", "hybrid", "dedicated", "cloud"];
    private static readonly string[] Provinces = ["jiangsu", "hebei", "zhejiang", ""];
    private static readonly string[] Providers = ["", "Tianyi Cloud", "Alibaba Cloud", "unknown"];
    private static readonly double[] Values = [0, 1, 3, 10, 50, 100, 500, 1_000, 5_000, 20_000, 120_000, 1e6, 2.5];

    [Fact]
    public void EveryShippedRuleSet_FindsEachIdByItsUtf8Bytes_AndNoNearMiss()
    {
        foreach (var rs in Shipped.Catalog.RuleSets)
        {
            (Utf8IdTable Table, IReadOnlyList<string> Ids)[] kinds =
                [(rs.ItemTable, rs.ItemIds), (rs.FigureTable, rs.FigureIds), (rs.FlagTable, rs.FlagIds), (rs.DateTable, rs.DateIds)];
            foreach (var (table, ids) in kinds)
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    var bytes = Encoding.UTF8.GetBytes(ids[i]);
                    Assert.Equal(i, table.Find(bytes));
                    Assert.Equal(-1, table.Find(bytes[..^1]));
                    Assert.Equal(-1, table.Find([.. bytes, (byte)'x']));
                    for (var at = 0; at < bytes.Length; at++)
                    {
                        var changed = (byte[])bytes.Clone();
                        changed[at] ^= 0x20;
                        if (!ids.Contains(Encoding.UTF8.GetString(changed)))
                        {
                            Assert.Equal(-1, table.Find(changed));
                        }
                    }
                }

                Assert.Equal(-1, table.Find([]));
            }
        }
    }

    [Fact]
    public void Utf8IdTable_ThousandsOfSimilarIds_FindsEveryOne_AndRefusesDuplicates()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            ids.Add(i % 3 == 0 ? $"item.{i:D5}" : i % 3 == 1 ? $"设备接入.{i}" : $"a.very.long.common.prefix.shared.by.many.ids.{i}.end");
        }

        var table = Utf8IdTable.Build(ids);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(i, table.Find(Encoding.UTF8.GetBytes(ids[i])));
        }

        for (var i = 3_000; i < 6_000; i++)
        {
            Assert.Equal(-1, table.Find(Encoding.UTF8.GetBytes($"item.{i:D5}")));
        }

        Assert.Throws<ArgumentException>(() => Utf8IdTable.Build(["a", "b", "a"]));
        Assert.Equal(-1, Utf8IdTable.Build([]).Find("a"u8));
    }

    [Fact]
    public void GeneratedApplications_EveryRuleSet_ScoreAsTheApplicationDoes()
    {
        var random = new Random(20261203);
        var refused = 0;
        var failed = 0;
        var scored = 0;
        var notes = 0;
        foreach (var rs in Shipped.Catalog.RuleSets)
        {
            var indexed = new IndexedApplication(rs);
            var reused = rs.RentResult();
            for (var n = 0; n < 400; n++)
            {
                var app = Generate(rs, random);
                var expected = rs.Score(app);
                if (!Declare(indexed, app))
                {
                    // Refused only where the application names an error.
                    Assert.False(expected.Succeeded, $"{rs.Key}: refused, yet the application scores");
                    refused++;
                    indexed.Reset();
                    continue;
                }

                var actual = rs.Score(indexed, reused);
                Assert.Equal(expected.Succeeded, actual.Succeeded);
                if (!expected.Succeeded || !actual.Succeeded)
                {
                    Assert.Equal((expected.Error!.Code, expected.Error.Field, expected.Error.Message), (actual.Error!.Code, actual.Error.Field, actual.Error.Message));
                    failed++;
                    continue;
                }

                Assert.Same(reused, actual.Result);
                Assert.Equal(ScoreResultJson.ToJson(expected.Result), ScoreResultJson.ToJson(actual.Result));
                notes += actual.Result.Notes.Count > rs.Notes.Count ? 1 : 0;
                scored++;
            }
        }

        // Every way is exercised: results, errors found when scoring, declarations refused, notes on ignored items.
        Assert.True(scored > 1_000, $"{scored} scored");
        Assert.True(failed > 20, $"{failed} failed when scored");
        Assert.True(refused > 100, $"{refused} refused");
        Assert.True(notes > 5, $"{notes} with notes");
    }

    [Fact]
    public void ShippedExamples_ScoreAsTheirApplications()
    {
        var declared = 0;
        foreach (var file in Examples.Files)
        {
            var app = Examples.Load(Path.GetFileName(file));
            var rs = Shipped.RuleSet(app.RuleSet);
            var indexed = new IndexedApplication(rs);
            Assert.True(Declare(indexed, app), file);
            declared++;
            var outcome = rs.Score(indexed, rs.RentResult());
            Assert.True(outcome.Succeeded, file);
            Assert.Equal(ScoreResultJson.ToJson(Shipped.Score(app)), ScoreResultJson.ToJson(outcome.Result));
        }

        Assert.Equal(Examples.Files.Length, declared);
    }

    [Fact]
    public void ScoredResults_KeepTheirDeclarations_WhileTheApplicationIsReused()
    {
        // The declarations move into the result: the next application declared must not change it.
        var rs = Shipped.RuleSet("js-star-2019");
        var first = Examples.Load("js-star-2019-suzhou-gear.json");
        var indexed = new IndexedApplication(rs);
        Assert.True(Declare(indexed, first));
        var result = rs.Score(indexed, rs.RentResult()).Result!;
        var json = ScoreResultJson.ToJson(result);

        for (var i = 0; i < 3; i++)
        {
            var other = Generate(rs, new Random(i));
            if (Declare(indexed, other))
            {
                rs.Score(indexed, rs.RentResult());
            }
            else
            {
                indexed.Reset();
            }
        }

        Assert.Equal(json, ScoreResultJson.ToJson(result));
    }

    [Fact]
    public void Scoring_LeavesTheApplicationEmpty_WhateverTheOutcome()
    {
        var rs = Shipped.RuleSet("js-star-2019");
        var empty = ScoreResultJson.ToJson(rs.Score(new Application { RuleSet = rs.Id }).Result!);
        var indexed = new IndexedApplication(rs);

        Assert.True(Declare(indexed, Examples.Load("js-star-2019-suzhou-gear.json")));
        Assert.True(rs.Score(indexed, rs.RentResult()).Succeeded);
        Assert.Equal(empty, ScoreResultJson.ToJson(rs.Score(indexed, rs.RentResult()).Result!));

        Assert.True(Declare(indexed, Examples.Load("js-star-2019-suzhou-gear.json")));
        indexed.Deployment = "cloud";
        Assert.False(rs.Score(indexed, rs.RentResult()).Succeeded);
        Assert.Equal(empty, ScoreResultJson.ToJson(rs.Score(indexed, rs.RentResult()).Result!));
    }

    [Fact]
    public void Declarations_RefuseWhatTheRuleSetWouldNot()
    {
        var rs = Shipped.RuleSet("js-iiot-platform-2019");
        var indexed = new IndexedApplication(rs);
        var figure = Encoding.UTF8.GetBytes(rs.FigureIds[0]);
        var date = rs.DateIds.Count > 0 ? Encoding.UTF8.GetBytes(rs.DateIds[0]) : null;

        Assert.False(indexed.TryAddItem("no.such.item"u8));
        Assert.False(indexed.TrySetFlag("no_such_flag"u8, true));
        Assert.False(indexed.TrySetFigure(figure, -1));
        Assert.False(indexed.TrySetFigure(figure, double.NaN));
        Assert.False(indexed.TrySetFigure(figure, double.PositiveInfinity));
        Assert.True(indexed.TrySetFigure(figure, 0));
        Assert.False(indexed.TryAddItem(figure)); // a figure's id is no item
        if (date is not null)
        {
            Assert.True(indexed.TrySetDate(date, "2020-02-29"u8));
            Assert.False(indexed.TrySetDate(date, "2021-02-29"u8));
            Assert.False(indexed.TrySetDate(date, "2020-1-01"u8));
            Assert.False(indexed.TrySetDate(date, "2020-01-01 "u8));
            Assert.False(indexed.TrySetDate(date, "２０２０-01-01"u8));
        }

        Assert.Throws<ArgumentException>(() => Shipped.RuleSet("js-star-2019").Score(indexed, rs.RentResult()));
    }

    // Declares what the application declares, as a wire reader would; false at the first refusal.
    private static bool Declare(IndexedApplication indexed, Application app)
    {
        indexed.Id = app.Id;
        indexed.Deployment = app.Deployment;
        indexed.Province = app.Applicant.Province;
        indexed.Provider = app.Applicant.Provider;
        indexed.CreditCode = app.Applicant.CreditCode;
        var ok = true;
        foreach (var item in app.Items)
        {
            ok &= indexed.TryAddItem(Encoding.UTF8.GetBytes(item));
        }

        foreach (var (id, value) in app.Figures)
        {
            ok &= indexed.TrySetFigure(Encoding.UTF8.GetBytes(id), value);
        }

        foreach (var (id, value) in app.Flags)
        {
            ok &= indexed.TrySetFlag(Encoding.UTF8.GetBytes(id), value);
        }

        foreach (var (id, value) in app.Dates)
        {
            ok &= indexed.TrySetDate(Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(value));
        }

        foreach (var (id, scores) in app.ExpertScores)
        {
            ok &= indexed.TrySetExpertScores(Encoding.UTF8.GetBytes(id), scores);
        }

        return ok;
    }

    // Mostly the rule set's own ids with plausible values; now and then an unknown id, a bad figure,
    // a malformed date, an expert line or a deployment the rule set refuses.
    private static Application Generate(CompiledRuleSet rs, Random random)
    {
        var app = new Application
        {
            Id = $"gen-{random.Next(1_000_000)}",
            RuleSet = rs.Id,
            Deployment = Deployments[random.Next(Deployments.Length)],
        };
        app.Applicant.Province = random.Next(4) == 0 ? Provinces[random.Next(Provinces.Length)] : rs.Province;
        app.Applicant.Provider = Providers[random.Next(Providers.Length)];
        app.Applicant.CreditCode = "91320500MA1XXXXX" + random.Next(100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

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
            if (random.Next(4) != 0)
            {
                app.Figures[figure] = Values[random.Next(Values.Length)] * (random.Next(3) + 1);
            }
        }

        foreach (var flag in rs.FlagIds)
        {
            if (random.Next(5) != 0)
            {
                app.Flags[flag] = random.Next(4) != 0;
            }
        }

        foreach (var date in rs.DateIds)
        {
            if (random.Next(3) != 0)
            {
                app.Dates[date] = new DateOnly(2012 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        foreach (var line in rs.Rules)
        {
            if (line.Kind == "expert" && random.Next(3) > 0)
            {
                // One to three experts; now and then a score above the line's weight, or none entered.
                var scores = new double[random.Next(4)];
                for (var e = 0; e < scores.Length; e++)
                {
                    scores[e] = random.Next(25) == 0 ? line.MaxPoints + 1 : Math.Round(random.NextDouble() * line.MaxPoints, 1);
                }

                app.ExpertScores[line.Id] = scores;
            }
        }

        switch (random.Next(40))
        {
            case 0: app.Items.Add("no.such.item"); break;
            case 1 when rs.FigureIds.Count > 0: app.Figures[rs.FigureIds[0]] = -5; break;
            case 2: app.Flags["no_such_flag"] = true; break;
            case 3 when rs.DateIds.Count > 0: app.Dates[rs.DateIds[0]] = "2020-13-01"; break;
            case 4: app.Figures["no_such_figure"] = 1; break;
            case 5 when rs.ItemIds.Count > 0: app.Items.Add(rs.ItemIds[random.Next(rs.ItemIds.Count)]); break; // ticked twice
            case 6: app.ExpertScores["expert.any"] = [1]; break;
        }

        return app;
    }
}
