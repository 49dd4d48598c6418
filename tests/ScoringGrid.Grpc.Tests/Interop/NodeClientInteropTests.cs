using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Grpc.Tests.Interop;

/// <summary>Node @grpc/grpc-js (a client we did not write) against our Kestrel server.</summary>
[Collection(KestrelCollection.Name)]
public class NodeClientInteropTests(KestrelServerFixture fixture)
{
    [Fact]
    public async Task NodeClient_PassesEveryCheck_AgainstOurServer()
    {
        string node = Peers.RequireNode();
        string script = Path.Combine(Peers.InteropDirectory, "node", "client.js");

        PeerResult result = await PeerProcess.RunAsync(node, [script, fixture.Server.Target, Peers.TestProto, Peers.HealthProto], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        new InteropResults(result).AssertCommonChecks();
    }
}
