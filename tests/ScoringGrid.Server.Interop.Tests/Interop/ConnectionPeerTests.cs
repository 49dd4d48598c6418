using Microsoft.AspNetCore.Builder;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// The server managing its connections, seen from Python grpcio and Node grpc-js. With
/// ScoringGrid:MaxConnectionAge, a stream open across its connection's GOAWAY finishes on it, and a
/// client calling on across several ages reconnects by itself without a single call failing. With
/// ScoringGrid:KeepAlivePing, an idle client answers the server's pings and keeps its connection.
/// Connections are counted by the server, in its /metrics.
/// </summary>
public sealed class ConnectionPeerTests
{
    // The age the server gives each connection (a setting), and the peers pace themselves by (seconds).
    private const string AgeSetting = "00:00:01";
    private const string Age = "1";

    private static string Example => Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "js-star-2019-*.json").Single();

    public static TheoryData<string> PeerNames => ["python", "node"];

    [Theory]
    [MemberData(nameof(PeerNames))]
    public async Task APeer_KeepsItsStreamAndItsCalls_AcrossConnectionAges(string peer)
    {
        var (checks, connections) = await RunAsync(peer, ["--ScoringGrid:MaxConnectionAge", AgeSetting], ["--age", Age]);

        Assert.Equal("OK", checks.String("stream_across_age", "code"));
        Assert.Equal(["before", "after-0", "after-1", "after-2"],
            checks["stream_across_age"].GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        // Three ages of calls, each 20 ms or so apart: dozens, across at least two GOAWAYs, none failed.
        var unary = checks["unary_across_ages"];
        Assert.Empty(unary.GetProperty("failures").EnumerateArray());
        Assert.True(unary.GetProperty("calls").GetInt32() >= 20, unary.ToString());
        // The ages really passed under the client: one channel, a connection per age.
        Assert.True(connections >= 3, $"{connections} connections");
    }

    [Theory]
    [MemberData(nameof(PeerNames))]
    public async Task AnIdlePeer_AnswersTheServersPings_AndKeepsItsConnection(string peer)
    {
        // A ping after a second of silence, and the connection closed 3 s later unless it is answered:
        // six seconds of silence outlast that, so a peer that did not answer would be on a second
        // connection. (Three seconds, not one, to answer: a server starved of CPU for a second reads
        // the answer late, and would take its own lateness for the peer's.)
        var (checks, connections) = await RunAsync(peer,
            ["--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:03"],
            ["--checks", "idle_across_pings", "--idle", "6"]);

        Assert.Equal("OK", checks.String("idle_across_pings", "code"));
        Assert.Equal(1, connections);
    }

    private static async Task<(InteropResults Checks, int Connections)> RunAsync(string peer, string[] serverArgs, string[] peerArgs)
    {
        var (app, port, httpPort) = await ServerOnFreePorts.StartAsync((grpc, http) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{http}",
            "--Logging:LogLevel:Default", "Warning", .. serverArgs,
        ]);
        try
        {
            var target = $"127.0.0.1:{port}";
            var result = peer == "python"
                ? await PeerProcess.RunAsync(Peers.Python,
                    [ScoringPeers.PythonScript("connection_client.py"), "--target", target, "--gen", await ScoringPeers.PreparePythonAsync(), "--example", Example, .. peerArgs],
                    TimeSpan.FromMinutes(1))
                : await PeerProcess.RunAsync(Peers.RequireNode(),
                    [ScoringPeers.NodeScript("connection_client.js"), "--target", target, "--example", Example, "--proto", ScoringPeers.ProtoDirectory, .. peerArgs],
                    TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.StandardError);
            // Counted by the server itself (Kestrel's instruments in /metrics), on the gRPC port.
            var opened = await ScrapedMetrics.ValueAsync($"http://127.0.0.1:{httpPort}", $"scoringgrid_connections_opened_total{{port=\"{port}\"}}");
            return (new InteropResults(result), (int)(opened ?? 0));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
