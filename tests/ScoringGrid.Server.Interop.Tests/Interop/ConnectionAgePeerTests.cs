using Microsoft.AspNetCore.Builder;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// ScoringGrid:MaxConnectionAge seen from Python grpcio and Node grpc-js: a stream open across its
/// connection's GOAWAY finishes on it, and a client calling on across several ages reconnects by
/// itself without a single call failing.
/// </summary>
public sealed class ConnectionAgePeerTests
{
    // The age the server gives each connection, and the peers pace themselves by.
    private const string Age = "1";

    private static string Example => Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, "js-star-2019-*.json").Single();

    [Fact]
    public async Task PythonClient_KeepsItsStreamAndItsCalls_AcrossConnectionAges()
    {
        var generated = await ScoringPeers.PreparePythonAsync();
        var (app, port) = await StartAsync();
        var target = $"127.0.0.1:{port}";
        using var connections = new KestrelConnectionCounter(port);
        try
        {
            var result = await PeerProcess.RunAsync(Peers.Python,
                [ScoringPeers.PythonScript("connection_age_client.py"), "--target", target, "--gen", generated, "--example", Example, "--age", Age],
                TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.StandardError);
            AssertChecks(new InteropResults(result));
            // The ages really passed under the client: one channel, a connection per age.
            Assert.True(connections.Opened >= 3, $"{connections.Opened} connections");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task NodeClient_KeepsItsStreamAndItsCalls_AcrossConnectionAges()
    {
        var node = Peers.RequireNode();
        var (app, port) = await StartAsync();
        var target = $"127.0.0.1:{port}";
        using var connections = new KestrelConnectionCounter(port);
        try
        {
            var result = await PeerProcess.RunAsync(node,
                [ScoringPeers.NodeScript("connection_age_client.js"), "--target", target, "--example", Example, "--age", Age, "--proto", ScoringPeers.ProtoDirectory],
                TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0, result.StandardError);
            AssertChecks(new InteropResults(result));
            // The ages really passed under the client: one channel, a connection per age.
            Assert.True(connections.Opened >= 3, $"{connections.Opened} connections");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void AssertChecks(InteropResults checks)
    {
        Assert.Equal("OK", checks.String("stream_across_age", "code"));
        Assert.Equal(["before", "after-0", "after-1", "after-2"],
            checks["stream_across_age"].GetProperty("ids").EnumerateArray().Select(e => e.GetString()));

        // Three ages of calls, each 20 ms or so apart: dozens, across at least two GOAWAYs, none failed.
        var unary = checks["unary_across_ages"];
        Assert.Empty(unary.GetProperty("failures").EnumerateArray());
        Assert.True(unary.GetProperty("calls").GetInt32() >= 20, unary.ToString());
    }

    private static async Task<(WebApplication App, int Port)> StartAsync()
    {
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning",
            "--ScoringGrid:MaxConnectionAge", TimeSpan.FromSeconds(int.Parse(Age, System.Globalization.CultureInfo.InvariantCulture)).ToString("c"),
        ]);
        return (app, port);
    }
}
