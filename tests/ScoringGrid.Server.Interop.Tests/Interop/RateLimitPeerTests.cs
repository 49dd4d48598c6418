using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using ScoringGrid.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// A rate-limited key seen from Python grpcio and Node grpc-js: the refusal carries gRPC's server
/// pushback, each client's own retry policy waits as long as it says, and a stream is paced instead
/// of refused. Each peer gets a server of its own, so the key's tokens are its alone.
/// </summary>
/// <remarks>
/// The checks are built so that a slow machine cannot pass a call that should be refused: the refusal
/// comes from two concurrent calls against a burst of one (one of them is refused however late they
/// come), the server's handlers are warmed by another key first, and the peer connects its channels
/// before it spends a token. A token comes once a second, so only a stall of a whole second between
/// two of the peer's consecutive calls could let the retried call through on its first attempt.
/// </remarks>
public sealed partial class RateLimitPeerTests
{
    private const string Key = "key-one-per-second";
    private const string WarmUpKey = "key-warm-up";

    private static string Example => Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "js-star-2019-*.json").Single();

    [Fact]
    public async Task PythonClient_IsToldWhenToRetry_AndItsRetryPolicyWaitsThatLong()
    {
        var generated = await ScoringPeers.PreparePythonAsync();
        await using var server = await StartAsync();

        var result = await PeerProcess.RunAsync(Peers.Python,
            [ScoringPeers.PythonScript("rate_limit_client.py"), "--target", server.Target, "--key", Key, "--gen", generated, "--example", Example],
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError);
        AssertChecks(new InteropResults(result));
    }

    [Fact]
    public async Task NodeClient_IsToldWhenToRetry_AndItsRetryPolicyWaitsThatLong()
    {
        var node = Peers.RequireNode();
        await using var server = await StartAsync();

        var result = await PeerProcess.RunAsync(node,
            [ScoringPeers.NodeScript("rate_limit_client.js"), "--target", server.Target, "--key", Key, "--example", Example, "--proto", ScoringPeers.ProtoDirectory],
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError);
        AssertChecks(new InteropResults(result));
    }

    private static void AssertChecks(InteropResults checks)
    {
        // Of two concurrent calls against a burst of one, one passed and one was refused, with the wait
        // in the trailer and the same wait in the message.
        Assert.Equal("1", checks.String("refused", "passed"));
        Assert.Equal("RESOURCE_EXHAUSTED", checks.String("refused", "code"));
        var pushback = int.Parse(checks.String("refused", "pushback_ms"), CultureInfo.InvariantCulture);
        Assert.InRange(pushback, 1, 1000);
        var details = checks.String("refused", "details");
        var match = RefusalMessage().Match(details);
        Assert.True(match.Success, details);
        Assert.Equal(pushback / 1000.0, double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture), 3);
        // And in the rich error model, as google.rpc.RetryInfo.
        Assert.Equal(pushback, checks["refused"].GetProperty("retry_delay_ms").GetInt32());

        // The client retried after the pushback, not after its own 1-2 ms backoff (three attempts of
        // that would all have been refused): the call passed, and no sooner than a token could come.
        Assert.Equal("OK", checks.String("retried", "code"));
        Assert.Equal("6", checks.String("retried", "rule_sets"));
        Assert.True(checks["retried"].GetProperty("elapsed_ms").GetInt32() >= 100, checks["retried"].ToString());

        // Four applications at one per second with a burst of one: all answered, in order.
        var stream = checks["paced_stream"];
        Assert.Equal(["paced-0", "paced-1", "paced-2", "paced-3"], stream.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.All(stream.GetProperty("outcomes").EnumerateArray(), o => Assert.Equal("result", o.GetString()));

        // The last token comes 3 s after the first; unpaced, or paced but held back, the answers arrive together.
        var arrivals = stream.GetProperty("arrival_ms").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.True(arrivals[^1] >= 1500, $"answers arrived {string.Join(", ", arrivals)} ms after the first: together, not as paced");
    }

    private static async Task<RateLimitedServer> StartAsync()
    {
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning",
            .. ApiKeyArguments.For(0, Key, "*", ["score"], ratePerSecond: 1, burst: 1),
            .. ApiKeyArguments.For(1, WarmUpKey, "*", ["score"]),
        ]);
        var server = new RateLimitedServer(app, $"127.0.0.1:{port}");

        // The first call to a new server compiles its handlers; warm them with an unlimited key, so the
        // peer's calls on the limited key are not spread apart by that.
        using var warmUp = ScoringClient.Create($"http://{server.Target}", WarmUpKey);
        await warmUp.ListRuleSetsAsync();
        var application = new JsonParser(JsonParser.Settings.Default).Parse<V1.Application>(File.ReadAllText(Example));
        await foreach (var _ in warmUp.EvaluateManyAsync([application], view: V1.ResultView.Scores))
        {
        }

        return server;
    }

    [GeneratedRegex(@"^API key 'key-one-per-second' is over its rate limit \(rate 1/s, burst 1\); retry after (?<seconds>\d+(\.\d{1,3})?) s$")]
    private static partial Regex RefusalMessage();

    private sealed class RateLimitedServer(WebApplication app, string target) : IAsyncDisposable
    {
        public string Target { get; } = target;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
