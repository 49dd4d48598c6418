using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Grpc.Tests.Interop;

/// <summary>Python grpcio (a client we did not write) against our Kestrel server.</summary>
[Collection(KestrelCollection.Name)]
public class PythonClientInteropTests(KestrelServerFixture fixture)
{
    [Fact]
    public async Task PythonClient_PassesEveryCheck_AgainstOurServer()
    {
        string generated = await Peers.PreparePythonAsync();
        string script = Path.Combine(Peers.InteropDirectory, "python", "client.py");

        PeerResult result = await PeerProcess.RunAsync(Peers.Python, [script, "--target", fixture.Server.Target, "--gen", generated], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.StandardError);
        var results = new InteropResults(result);
        results.AssertCommonChecks();
        Assert.Equal("UNIMPLEMENTED", results.String("unimplemented", "code"));
    }
}
