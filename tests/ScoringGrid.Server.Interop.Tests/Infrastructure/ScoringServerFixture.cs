using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;

namespace ScoringGrid.Server.Interop.Tests.Infrastructure;

/// <summary>The real ScoringGrid server (<see cref="ScoringServer.Build"/>) serving gRPC over h2c on a free loopback port.</summary>
public sealed class ScoringServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary><c>127.0.0.1:PORT</c>, the form grpcio and grpc-js take as a target.</summary>
    public string Target { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        _app = ScoringServer.Build(["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning"]);
        await _app.StartAsync();
        Target = $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ScoringServerCollection : ICollectionFixture<ScoringServerFixture>
{
    public const string Name = "Scoring server";
}
