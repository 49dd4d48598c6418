using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>Python grpcio (a client we did not write) against the real Scoring server.</summary>
[Collection(ScoringServerCollection.Name)]
public class PythonScoringClientTests(ScoringServerFixture server)
{
    [Fact]
    public async Task PythonClient_PassesEveryScoringCheck()
    {
        var generated = await ScoringPeers.PreparePythonAsync();

        var result = await PeerProcess.RunAsync(Peers.Python,
            [ScoringPeers.PythonScript("scoring_client.py"), "--target", server.Target, "--gen", generated, "--examples", ScoringPeers.ExamplesDirectory],
            TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        ScoringPeerChecks.AssertEveryCheck(new InteropResults(result));
    }
}
