using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>Node @grpc/grpc-js (a client we did not write) against the real Scoring server.</summary>
[Collection(ScoringServerCollection.Name)]
public class NodeScoringClientTests(ScoringServerFixture server)
{
    [Fact]
    public async Task NodeClient_PassesEveryScoringCheck() => await RunAsync(server);

    /// <summary>Every check through the node client; over TLS when the server serves it.</summary>
    internal static async Task RunAsync(ScoringServerFixture server)
    {
        var node = Peers.RequireNode();
        List<string> arguments =
            [ScoringPeers.NodeScript("scoring_client.js"), "--target", server.Target, "--examples", ScoringPeers.ExamplesDirectory, "--proto", ScoringPeers.ProtoDirectory];
        if (server.RootCertificatePath is { } root)
        {
            arguments.AddRange(["--root-cert", root]);
        }

        var result = await PeerProcess.RunAsync(node, [.. arguments], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        ScoringPeerChecks.AssertEveryCheck(new InteropResults(result));
    }
}
