using System.Text.Json;
using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Json;

/// Results as JSON use the snake_case names of proto/scoringgrid/v1/result.proto.
public class ScoreResultJsonUnitTests
{
    private static readonly string[] ResultFields =
    [
        "rule_set", "version", "digest", "application_id", "level", "eligible", "self_score", "expert_score", "total_score",
        "total_score_min", "total_score_max", "subsidy_yuan", "priorities", "criteria", "gaps", "notes",
    ];

    private static readonly string[] CriterionFields =
        ["id", "level", "passed", "observed", "required", "points", "max_points", "explanation", "explanation_zh"];

    private static readonly string[] GapFields = ["level", "kind", "target", "current", "needed", "text", "text_zh"];

    public static TheoryData<string> ExampleFiles => [.. Examples.Files.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Result_UsesProtoFieldNames_AndCarriesRuleSetVersionDigest(string file)
    {
        var result = Shipped.Score(Examples.Load(file));
        var rs = Shipped.RuleSet(result.RuleSetId);

        using var doc = JsonDocument.Parse(ScoreResultJson.ToJson(result));
        var root = doc.RootElement;

        AssertNamesWithin(root, ResultFields);
        Assert.Equal(rs.Id, root.GetProperty("rule_set").GetString());
        Assert.Equal(rs.Version, root.GetProperty("version").GetString());
        Assert.Equal(rs.Digest, root.GetProperty("digest").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("digest").GetString()!);
        Assert.Equal(result.Level, root.GetProperty("level").GetString());
        Assert.Equal(result.Criteria.Count, root.GetProperty("criteria").GetArrayLength());
        var i = 0;
        foreach (var c in root.GetProperty("criteria").EnumerateArray())
        {
            // "kind" is written too, though result.proto's Criterion has no such field (see the report).
            AssertNamesWithin(c, [.. CriterionFields, "kind"]);

            // Texts written as UTF-8 straight into the JSON read as the result's strings.
            Assert.Equal(result.Criteria[i].Explanation, c.GetProperty("explanation").GetString());
            Assert.Equal(result.Criteria[i].ExplanationZh, c.GetProperty("explanation_zh").GetString());
            i++;
        }

        i = 0;
        foreach (var g in root.GetProperty("gaps").EnumerateArray())
        {
            AssertNamesWithin(g, GapFields);
            Assert.Equal(result.Gaps[i].Text, g.GetProperty("text").GetString());
            Assert.Equal(result.Gaps[i].TextZh, g.GetProperty("text_zh").GetString());
            i++;
        }

        Assert.Equal(result.Gaps.Count, i);
    }

    [Fact]
    public void ScoredResult_WritesScoresAndRange()
    {
        var result = Shipped.Score(Examples.Load("zj-cloud-enterprise-2021-ningbo-molds.json"));

        using var doc = JsonDocument.Parse(ScoreResultJson.ToJson(result));
        var root = doc.RootElement;

        Assert.Equal(46.23, root.GetProperty("self_score").GetDouble());
        Assert.Equal(10.25, root.GetProperty("expert_score").GetDouble());
        Assert.Equal(56.48, root.GetProperty("total_score").GetDouble());
        Assert.Equal(56.48, root.GetProperty("total_score_min").GetDouble());
        Assert.Equal(68.48, root.GetProperty("total_score_max").GetDouble());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("priorities").ValueKind);
        // Chinese is written as is, not \u-escaped.
        Assert.Contains("还差 1,240", ScoreResultJson.ToJson(Shipped.Score(Examples.Load("js-iiot-platform-2019-xcmg-link.json"))), StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredObserved_IsOmitted_NotNull()
    {
        var result = Shipped.Score(new JsStar2019Rulebook().Minimal("3-star").NoFigure("annual_cloud_investment_yuan"));

        using var doc = JsonDocument.Parse(ScoreResultJson.ToJson(result));
        var investment = doc.RootElement.GetProperty("criteria").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "investment" && c.GetProperty("level").GetString() == "3-star");

        Assert.False(investment.TryGetProperty("observed", out _));
        Assert.Equal(10_000, investment.GetProperty("required").GetDouble());
        Assert.False(investment.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Error_IsWrittenAsErrorObject_WithCodeFieldMessage()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = ScoreResultJson.CreateWriter(buffer))
        {
            ScoreResultJson.WriteError(w, new ScoringError(ScoringErrorCodes.InvalidArgument, "figures.x", "unknown figure 'x'"), "app-7");
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("app-7", doc.RootElement.GetProperty("application_id").GetString());
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal("figures.x", error.GetProperty("field").GetString());
        Assert.Equal("unknown figure 'x'", error.GetProperty("message").GetString());
    }

    private static void AssertNamesWithin(JsonElement element, string[] allowed)
    {
        foreach (var p in element.EnumerateObject())
        {
            Assert.Contains(p.Name, allowed);
        }
    }
}
