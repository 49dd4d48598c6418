using System.Net;
using System.Net.Sockets;

namespace ScoringGrid.Cli.Tests;

/// <summary>Loopback ports for the servers these tests start.</summary>
internal static class Loopback
{
    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
