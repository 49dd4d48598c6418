using System.Globalization;
using System.Text.Json;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>What every peer client (scoring_client.py, scoring_client.js) must have seen from our server.</summary>
internal static class ScoringPeerChecks
{
    private const int StreamSize = 200;

    /// <summary>Level per shipped example, by file-name prefix; the Zhejiang programme scores without levels.</summary>
    private static readonly Dictionary<string, string> ExpectedLevels = new(StringComparer.Ordinal)
    {
        ["hb-benchmark-2018-"] = "benchmark",
        ["js-benchmark-factory-2019-"] = "benchmark",
        ["js-iiot-platform-2019-"] = "industry",
        ["js-star-2018-"] = "4-star",
        ["js-star-2019-"] = "3-star",
        ["zj-cloud-enterprise-2021-"] = "",
    };

    public static void AssertEveryCheck(InteropResults results)
    {
        AssertExamples(results["evaluate"].GetProperty("results"));
        AssertStream(results["evaluate_stream"]);

        Assert.Equal("INVALID_ARGUMENT", results.String("unknown_item", "code"));
        var details = results.String("unknown_item", "details");
        Assert.StartsWith("items[11]: ", details, StringComparison.Ordinal);
        Assert.Contains("app.does_not_exist", details, StringComparison.Ordinal);
        // The same error in the rich error model (grpc-status-details-bin), the field as a BadRequest violation.
        Assert.Equal("3", results.String("unknown_item", "status_code"));
        Assert.Equal(details, results.String("unknown_item", "status_message"));
        Assert.Equal(["items[11]"], Strings(results["unknown_item"].GetProperty("fields")));

        Assert.Equal("NOT_FOUND", results.String("unknown_rule_set", "code"));
        Assert.Contains("no-such-programme", results.String("unknown_rule_set", "details"), StringComparison.Ordinal);

        Assert.Equal("SERVING", results.String("health", "status"));

        // One response arrived while the stream was open, then the 1 s deadline ended the call.
        Assert.Equal("DEADLINE_EXCEEDED", results.String("deadline", "code"));
        Assert.Equal("1", results.String("deadline", "received"));
        Assert.InRange(results["deadline"].GetProperty("elapsed_ms").GetInt32(), 950, 6000);

        Assert.Equal("result", results.String("gzip", "outcome"));
        Assert.Equal("3-star", results.String("gzip", "level"));

        var ruleSets = results["rule_sets"];
        Assert.Equal(
            ["hb-benchmark-2018", "js-benchmark-factory-2019", "js-iiot-platform-2019", "js-star-2018", "js-star-2019", "zj-cloud-enterprise-2021"],
            Strings(ruleSets.GetProperty("ids")));
        Assert.Equal(["enterprise", "industry", "cross-industry"], Strings(ruleSets.GetProperty("levels")));
        Assert.Contains("cross-industry/monthly_model_calls", Strings(ruleSets.GetProperty("rules")));
        Assert.Equal("NOT_FOUND", results.String("rule_sets", "missing"));

        // Subsets: the API may grow services and methods without breaking discovery.
        var reflection = results["reflection"];
        Assert.Superset(
            Set("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "scoringgrid.v1.Scoring"),
            Set([.. Strings(reflection.GetProperty("services"))]));
        Assert.Superset(
            Set("google/protobuf/struct.proto", "scoringgrid/v1/application.proto", "scoringgrid/v1/result.proto", "scoringgrid/v1/ruleset.proto", "scoringgrid/v1/scoring.proto"),
            Set([.. Strings(reflection.GetProperty("files"))]));
        Assert.Superset(Set("Evaluate", "EvaluateStream", "GetRuleSet", "ListRuleSets"), Set([.. Strings(reflection.GetProperty("methods"))]));
    }

    /// <summary>Each example's level is the rulebook's, and the peer saw exactly what offline scoring computes.</summary>
    private static void AssertExamples(JsonElement results)
    {
        var catalog = RuleSetCatalog.LoadShipped();
        var files = Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedLevels.Count, files.Count);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var peer = results.GetProperty(name);
            var offline = catalog.Score(ApplicationJson.Parse(File.ReadAllText(file), out _)!).Result!;

            Assert.Equal("result", peer.GetProperty("outcome").GetString());
            Assert.Equal(ExpectedLevels.Single(e => name.StartsWith(e.Key, StringComparison.Ordinal)).Value, peer.GetProperty("level").GetString());
            Assert.Equal(offline.Level, peer.GetProperty("level").GetString());
            Assert.Equal(offline.ApplicationId, peer.GetProperty("application_id").GetString());
            Assert.Equal(offline.Digest, peer.GetProperty("digest").GetString());
            Assert.Equal(offline.Criteria.Count, peer.GetProperty("criteria").GetInt32());
            var total = peer.GetProperty("total_score");
            Assert.Equal(offline.TotalScore, total.ValueKind == JsonValueKind.Null ? null : total.GetDouble());
        }

        var zj = results.GetProperty(files.Select(Path.GetFileName).Single(n => n!.StartsWith("zj-", StringComparison.Ordinal))!);
        Assert.Equal(JsonValueKind.Number, zj.GetProperty("total_score").ValueKind);
    }

    /// <summary>200 responses in request order, tagged with their ids, errors in place naming the field.</summary>
    private static void AssertStream(JsonElement stream)
    {
        Assert.Equal(StreamSize, stream.GetProperty("count").GetInt32());
        Assert.Equal(Enumerable.Range(0, StreamSize).Select(i => $"app-{i}"), Strings(stream.GetProperty("ids")));
        var bad = Enumerable.Range(0, StreamSize).Where(i => i % 7 == 3).ToList();
        var errors = stream.GetProperty("errors");
        Assert.Equal(bad.Select(i => i.ToString(CultureInfo.InvariantCulture)), errors.EnumerateObject().Select(p => p.Name));
        foreach (var error in errors.EnumerateObject())
        {
            Assert.Equal("INVALID_ARGUMENT", error.Value.GetProperty("code").GetString());
            Assert.Equal("figures.annual_cloud_investment_yuan", error.Value.GetProperty("field").GetString());
        }

        Assert.Equal(StreamSize - bad.Count, stream.GetProperty("results").GetInt32());
    }

    private static HashSet<string> Set(params string[] items) => new(items, StringComparer.Ordinal);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
