using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Scoring.Wire;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>
/// The reader's indexed path (ids straight into the rule set's <see cref="IndexedApplication"/>)
/// against the message path, on requests whose fields come in any order: rule set before or after
/// the ids, named twice, repeated ids and map entries (expert lines included, entered again or
/// emptied), the application split into two occurrences that merge, unknown ids, bad figures, dates
/// and expert scores. The answer's bytes must be those of the message path.
/// </summary>
public sealed class IndexedReadUnitTests
{
    private static readonly RuleSetCatalog Catalog = RuleSetCatalog.LoadShipped();
    private static readonly string[] RuleSets = ["js-star-2019", "js-iiot-platform-2019", "js-star-2018", "js-benchmark-factory-2019", "zj-cloud-enterprise-2021", "hb-benchmark-2018"];
    private static readonly string[] Deployments = ["", "public", "private", "hybrid", "cloud"];

    [Fact]
    public void ACanonicalRequest_IsReadIndexed_AndIdsBeforeTheRuleSet_AreNot()
    {
        var reader = new EvaluateRequestReader();
        var app = Examples.Message("js-star-2019");
        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = app }.ToByteArray(), Catalog, out _));
        Assert.NotNull(reader.Indexed);
        Assert.True(Catalog.TryResolve("js-star-2019", out var current, out _));
        Assert.Same(current, reader.Indexed.RuleSet);
        Assert.Equal(app.Id, reader.Indexed.Id);
        Assert.Equal(app.Applicant.CreditCode, reader.Indexed.CreditCode);
        Assert.Empty(reader.Application.Items); // the ids went to the indexed application

        // Items first, rule set last: read into the application, as without a catalog.
        var late = new V1.Application { Items = { app.Items } }.ToByteArray().Concat(new V1.Application { Ruleset = app.Ruleset }.ToByteArray()).ToArray();
        Assert.True(reader.TryRead(RequestBytes.Wrap(late), Catalog, out _));
        Assert.Null(reader.Indexed);
        Assert.Equal(app.Items, reader.Application.Items);

        // An unknown item sends the read back to the application, which keeps every id.
        var unknown = app.Clone();
        unknown.Items.Add("no.such.item");
        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = unknown }.ToByteArray(), Catalog, out _));
        Assert.Null(reader.Indexed);
        Assert.Equal(unknown.Items, reader.Application.Items);
        Assert.Equal(unknown.Figures.Count, reader.Application.Figures.Count);

        // Without a catalog nothing is indexed.
        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = app }.ToByteArray(), out _));
        Assert.Null(reader.Indexed);
    }

    [Fact]
    public void ShuffledRequests_FourThousand_AnswerAsTheMessagePathDoes()
    {
        var operations = ResponsePaths.Operations(Catalog);
        var random = new Random(4122026);
        var indexed = 0;
        var read = 0;
        var errors = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var bytes = Generate(random);
            var message = V1.EvaluateRequest.Parser.ParseFrom(bytes);
            var expected = operations.Evaluate(message.Application, CallerIdentity.Anonymous, Catalog, out var error, null, message.View).ToByteArray();
            if (message.Application?.Verify == true)
            {
                continue;
            }

            var output = new ArrayBufferWriter<byte>();
            Assert.Equal(WireEvaluation.Scored, operations.EvaluateForWire(bytes, CallerIdentity.Anonymous, Catalog, output));
            Assert.True(expected.AsSpan().SequenceEqual(output.WrittenSpan), $"request {Convert.ToHexString(bytes)}");

            var reader = EvaluateRequestReader.ForCurrentThread;
            indexed += reader.Indexed is null ? 0 : 1;
            read++;
            errors += error is null ? 0 : 1;
        }

        // Both reads are exercised, and answers with errors as well as results.
        Assert.InRange(indexed, read / 5, read - read / 10);
        Assert.InRange(errors, read / 20, read * 3 / 4);
    }

    // An application of a shipped rule set, field occurrence by field occurrence in random order,
    // mostly with the rule set first as serializers write it.
    private static byte[] Generate(Random random)
    {
        Assert.True(Catalog.TryResolve(RuleSets[random.Next(RuleSets.Length)], out var rs, out _));
        var chunks = new List<byte[]>
        {
            new V1.Application { Id = $"app-{random.Next(1000)}" }.ToByteArray(),
            new V1.Application { Applicant = new V1.Applicant { Name = "某某公司", Province = random.Next(8) == 0 ? "hebei" : rs.Province, CreditCode = "91320500MA1XXXXX01", Provider = "Tianyi Cloud" } }.ToByteArray(),
            new V1.Application { Deployment = Deployments[random.Next(Deployments.Length)] }.ToByteArray(),
        };
        foreach (var item in rs.ItemIds)
        {
            if (random.Next(3) == 0)
            {
                chunks.Add(new V1.Application { Items = { item } }.ToByteArray());
            }
        }

        foreach (var figure in rs.FigureIds)
        {
            if (random.Next(3) > 0)
            {
                chunks.Add(new V1.Application { Figures = { [figure] = random.Next(6) * Math.Pow(10, random.Next(5)) } }.ToByteArray());
            }
        }

        foreach (var flag in rs.FlagIds)
        {
            if (random.Next(4) > 0)
            {
                chunks.Add(new V1.Application { Flags = { [flag] = random.Next(4) > 0 } }.ToByteArray());
            }
        }

        foreach (var date in rs.DateIds)
        {
            chunks.Add(new V1.Application { Dates = { [date] = $"20{10 + random.Next(15)}-0{1 + random.Next(9)}-1{random.Next(10)}" } }.ToByteArray());
        }

        foreach (var line in rs.Rules)
        {
            // Expert lines: entered, sometimes again (the last entry wins), sometimes out of range or empty.
            for (var entry = random.Next(3) == 0 ? 2 : random.Next(2); entry > 0; entry--)
            {
                var scores = new Google.Protobuf.WellKnownTypes.Value[random.Next(4)];
                for (var e = 0; e < scores.Length; e++)
                {
                    var score = random.Next(200) == 0 ? line.MaxPoints + 0.5 : Math.Round(random.NextDouble() * line.MaxPoints, 1);
                    scores[e] = Google.Protobuf.WellKnownTypes.Value.ForNumber(score);
                }

                if (line.Kind == "expert")
                {
                    var value = scores.Length == 1 && random.Next(2) == 0 ? scores[0] : Google.Protobuf.WellKnownTypes.Value.ForList(scores);
                    chunks.Add(new V1.Application { ExpertScores = { [line.Id] = value } }.ToByteArray());
                }
            }
        }

        switch (random.Next(12))
        {
            case 0: chunks.Add(new V1.Application { Items = { "no.such.item" } }.ToByteArray()); break;
            case 1: chunks.Add(new V1.Application { Figures = { [rs.FigureIds[0]] = -1 } }.ToByteArray()); break;
            case 2: chunks.Add(new V1.Application { Flags = { ["no_such_flag"] = true } }.ToByteArray()); break;
            case 3 when rs.DateIds.Count > 0: chunks.Add(new V1.Application { Dates = { [rs.DateIds[0]] = "2020-02-30" } }.ToByteArray()); break;
            case 4: chunks.Add(new V1.Application { Figures = { [rs.FigureIds[0]] = 1e9 } }.ToByteArray()); break; // repeated: the last wins
            case 5 when rs.ItemIds.Count > 0: chunks.Add(new V1.Application { Items = { rs.ItemIds[0] } }.ToByteArray()); break;
            case 6: chunks.Add(new V1.Application { ExpertScores = { ["expert.x"] = Google.Protobuf.WellKnownTypes.Value.ForNumber(1) } }.ToByteArray()); break;
        }

        Shuffle(chunks, random);
        var ruleSet = new V1.Application { Ruleset = random.Next(5) == 0 ? rs.Key : rs.Id }.ToByteArray();
        switch (random.Next(10))
        {
            case 0: chunks.Insert(random.Next(chunks.Count + 1), ruleSet); break; // anywhere
            case 1:
                chunks.Insert(0, ruleSet);
                chunks.Insert(random.Next(1, chunks.Count + 1), new V1.Application { Ruleset = RuleSets[random.Next(RuleSets.Length)] }.ToByteArray());
                break;
            default: chunks.Insert(0, ruleSet); break;
        }

        var request = new List<byte>();
        if (random.Next(8) == 0)
        {
            // Two occurrences of the application, which merge.
            var cut = random.Next(chunks.Count + 1);
            request.AddRange(RequestBytes.Wrap([.. chunks.Take(cut).SelectMany(c => c)]));
            request.AddRange(RequestBytes.Wrap([.. chunks.Skip(cut).SelectMany(c => c)]));
        }
        else
        {
            request.AddRange(RequestBytes.Wrap([.. chunks.SelectMany(c => c)]));
        }

        request.AddRange(new V1.EvaluateRequest { View = (V1.ResultView)random.Next(3) }.ToByteArray());
        return [.. request];
    }

    private static void Shuffle(List<byte[]> chunks, Random random)
    {
        for (var i = chunks.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (chunks[i], chunks[j]) = (chunks[j], chunks[i]);
        }
    }
}
