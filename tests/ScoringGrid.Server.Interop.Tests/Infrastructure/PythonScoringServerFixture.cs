using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Infrastructure;

/// <summary>A python grpcio server implementing scoringgrid.v1.Scoring (tests/interop/python/scoring_server.py) on a free loopback port.</summary>
public sealed class PythonScoringServerFixture : IAsyncLifetime
{
    private PythonPeerServer? _server;

    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await PythonPeerServer.StartAsync(ScoringPeers.PythonScript("scoring_server.py"), await ScoringPeers.PreparePythonAsync());
        Address = _server.Address;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
