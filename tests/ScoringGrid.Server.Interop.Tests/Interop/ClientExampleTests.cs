using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Interop.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// The examples in clients/examples, run as a portal developer would run them against a real server:
/// Python over gRPC (Evaluate), Node over gRPC (EvaluateStream) and Node over REST with fetch
/// (evaluate:batch). Each prints what offline scoring computes, a bad application's error in its
/// place, and why a call that cannot be made failed.
/// </summary>
public sealed class ClientExampleTests : IAsyncLifetime
{
    private static readonly string ExamplesRoot = Path.Combine(Peers.RepositoryRoot, "clients", "examples");
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("sg-client-examples-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EachExample_PrintsWhatOfflineScoringComputes_AndABadApplicationsErrorInItsPlace()
    {
        var files = Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "*.json").Order(StringComparer.Ordinal).ToList();
        var (unknownItem, unknownRuleSet) = (BadApplication("bad-item", "no.such.item", null), BadApplication("bad-ruleset", null, "js-star-1999"));
        string[] inputs = [unknownItem, .. files, unknownRuleSet];
        var (app, grpcPort, httpPort) = await ServerOnFreePorts.StartAsync((grpc, http) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{http}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;

        var expected = new StringBuilder();
        expected.Append("bad-item error INVALID_ARGUMENT: items[11]: unknown item 'no.such.item' for rule set js-star-2019@2019.1\n");
        var catalog = RuleSetCatalog.LoadShipped();
        foreach (var file in files)
        {
            var result = catalog.Score(ApplicationJson.Parse(File.ReadAllText(file), out _)!).Result!;
            var total = result.TotalScore is { } t ? t.ToString(CultureInfo.InvariantCulture) : "-";
            var failed = result.Criteria.Count(c => !c.Passed);
            expected.Append(CultureInfo.InvariantCulture,
                $"{result.ApplicationId} {result.RuleSetId}@{result.Version} level={(result.Level.Length > 0 ? result.Level : "-")} total={total} failed={failed} gaps={result.Gaps.Count}\n");
            foreach (var gap in result.Gaps)
            {
                expected.Append(CultureInfo.InvariantCulture, $"  next: {gap.Text}\n");
            }
        }

        expected.Append("bad-ruleset error NOT_FOUND: ruleset: unknown rule set 'js-star-1999'; loaded: ");
        expected.Append(string.Join(", ", catalog.RuleSets.Select(rs => rs.Key)) + "\n");

        foreach (var (example, output) in await RunAllAsync($"127.0.0.1:{grpcPort}", $"http://127.0.0.1:{httpPort}", null, inputs))
        {
            Assert.True(output.ExitCode == 2, $"{example}: exit {output.ExitCode}: {output.StandardError}");
            Assert.Equal(expected.ToString(), output.StandardOutput);
        }
    }

    [Fact]
    public async Task EachExample_SaysWhyACallWasRefused_AndSendsAKeyWhenGivenOne()
    {
        const string key = "key-portal";
        var (app, grpcPort, httpPort) = await ServerOnFreePorts.StartAsync((grpc, http) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{http}", "--Logging:LogLevel:Default", "Warning",
            .. ApiKeyArguments.For(0, key, "*", ["score"]),
        ]);
        await using var server = app;
        var example = Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "js-star-2019-*.json").Single();
        var (target, url) = ($"127.0.0.1:{grpcPort}", $"http://127.0.0.1:{httpPort}");

        foreach (var (name, output) in await RunAllAsync(target, url, null, [example]))
        {
            Assert.True(output.ExitCode == 1, $"{name}: exit {output.ExitCode}");
            Assert.Empty(output.StandardOutput);
            Assert.Equal("error: UNAUTHENTICATED: missing API key: send 'authorization: Bearer <key>'\n", output.StandardError);
        }

        foreach (var (name, output) in await RunAllAsync(target, url, key, [example]))
        {
            Assert.True(output.ExitCode == 0, $"{name}: exit {output.ExitCode}: {output.StandardError}");
            Assert.StartsWith("js2019-0001 js-star-2019@2019.1 level=3-star ", output.StandardOutput, StringComparison.Ordinal);
        }
    }

    /// <summary>The three examples on the same inputs, one after another.</summary>
    private static async Task<List<(string Example, PeerResult Output)>> RunAllAsync(string target, string url, string? key, string[] inputs)
    {
        var node = Peers.RequireNode();
        var nodeExamples = Path.Combine(ExamplesRoot, "node");
        Assert.True(Directory.Exists(Path.Combine(nodeExamples, "node_modules", "@grpc", "grpc-js")),
            $"{nodeExamples}/node_modules is missing: run scripts/install-deps.sh (npm ci there)");
        var generated = await ScoringPeers.PreparePythonAsync();
        string[] keyArgs = key is null ? [] : ["--api-key", key];
        var timeout = TimeSpan.FromMinutes(1);
        return
        [
            ("python/score.py", await PeerProcess.RunAsync(Peers.Python,
                [Path.Combine(ExamplesRoot, "python", "score.py"), "--target", target, "--gen", generated, .. keyArgs, .. inputs], timeout)),
            ("node/score.js", await PeerProcess.RunAsync(node, [Path.Combine(nodeExamples, "score.js"), "--target", target, .. keyArgs, .. inputs], timeout)),
            ("node/score_rest.js", await PeerProcess.RunAsync(node, [Path.Combine(nodeExamples, "score_rest.js"), "--url", url, .. keyArgs, .. inputs], timeout)),
        ];
    }

    /// <summary>The js-star-2019 example with an item its rule set does not know, or naming a rule set that does not exist.</summary>
    private string BadApplication(string id, string? extraItem, string? ruleSet)
    {
        var document = JsonNode.Parse(File.ReadAllText(Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "js-star-2019-*.json").Single()))!.AsObject();
        document["id"] = id;
        if (extraItem is not null)
        {
            document["items"]!.AsArray().Add(extraItem);
        }

        if (ruleSet is not null)
        {
            document["ruleset"] = ruleSet;
        }

        var path = Path.Combine(_scratch.FullName, id + ".json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }
}
