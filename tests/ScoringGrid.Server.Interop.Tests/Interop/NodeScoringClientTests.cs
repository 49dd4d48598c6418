using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>Node @grpc/grpc-js (a client we did not write) against the real Scoring server.</summary>
[Collection(ScoringServerCollection.Name)]
public class NodeScoringClientTests(ScoringServerFixture server)
{
    [Fact]
    public async Task NodeClient_PassesEveryScoringCheck()
    {
        var node = Peers.RequireNode();

        var result = await PeerProcess.RunAsync(node,
            [ScoringPeers.NodeScript("scoring_client.js"), "--target", server.Target, "--examples", ScoringPeers.ExamplesDirectory, "--proto", ScoringPeers.ProtoDirectory],
            TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        ScoringPeerChecks.AssertEveryCheck(new InteropResults(result));
    }
}
