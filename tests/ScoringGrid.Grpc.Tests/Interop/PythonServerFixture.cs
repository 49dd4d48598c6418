using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Grpc.Tests.Interop;

/// <summary>A Python grpcio server (tests/interop/python/server.py) on a free loopback port.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private PythonPeerServer? _server;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PythonPeerServer.StartAsync(Path.Combine(Peers.InteropDirectory, "python", "server.py"), await Peers.PreparePythonAsync());
        Address = new Uri(_server.Address);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
