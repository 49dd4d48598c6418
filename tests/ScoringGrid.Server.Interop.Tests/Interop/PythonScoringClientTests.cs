using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>Python grpcio (a client we did not write) against the real Scoring server.</summary>
[Collection(ScoringServerCollection.Name)]
public class PythonScoringClientTests(ScoringServerFixture server)
{
    [Fact]
    public async Task PythonClient_PassesEveryScoringCheck() => await RunAsync(server);

    /// <summary>Every check through the python client; over TLS when the server serves it.</summary>
    internal static async Task RunAsync(ScoringServerFixture server)
    {
        var generated = await ScoringPeers.PreparePythonAsync();
        List<string> arguments = [ScoringPeers.PythonScript("scoring_client.py"), "--target", server.Target, "--gen", generated, "--examples", ScoringPeers.ExamplesDirectory];
        if (server.RootCertificatePath is { } root)
        {
            arguments.AddRange(["--root-cert", root]);
        }

        var result = await PeerProcess.RunAsync(Peers.Python, [.. arguments], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        ScoringPeerChecks.AssertEveryCheck(new InteropResults(result));
    }
}
