using System.Net;
using System.Net.Sockets;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>The built collector (<c>dotnet sg-collector.dll</c>) as a separate process on loopback.</summary>
public static class CollectorProcess
{
    /// <summary>Starts the collector with its HTTP endpoint on a free port (a later <c>--listen</c> in <paramref name="args"/> wins).</summary>
    internal static DotnetProcess Start(params string[] args) => Start([], args);

    /// <summary>Starts the collector with <paramref name="environment"/> added to this process's environment.</summary>
    internal static DotnetProcess Start(IEnumerable<KeyValuePair<string, string>> environment, params string[] args) =>
        DotnetProcess.Start("sg-collector.dll", ["--listen", $"http://127.0.0.1:{FreePort()}", .. args], environment);

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
