using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using ScoringGrid.Server;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// Starts the real ScoringGrid server on loopback ports nothing listens on. A port found free can be
/// taken by a test running in parallel before the server binds it; the server then starts again on
/// other ports instead of failing the test with "address already in use".
/// </summary>
internal static class ServerOnFreePorts
{
    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Builds and starts the server with the arguments for two free ports (gRPC, HTTP/1.1).</summary>
    public static async Task<(WebApplication App, int GrpcPort, int HttpPort)> StartAsync(Func<int, int, string[]> arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var grpcPort = FreePort();
            var httpPort = FreePort();
            var app = ScoringServer.Build(arguments(grpcPort, httpPort));
            try
            {
                await app.StartAsync();
                return (app, grpcPort, httpPort);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }
}
