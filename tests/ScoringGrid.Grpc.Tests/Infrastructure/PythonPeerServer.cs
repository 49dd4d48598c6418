using System.Diagnostics;
using System.Globalization;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>
/// A Python grpcio server script (tests/interop/python) run as a process: it binds a free loopback
/// port, prints <c>PORT n</c>, and stops when its stdin closes.
/// </summary>
public sealed class PythonPeerServer : IAsyncDisposable
{
    private readonly Process _process;

    private PythonPeerServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public static async Task<PythonPeerServer> StartAsync(string script, string generated)
    {
        var process = Process.Start(PeerProcess.CreateStartInfo(Peers.Python, [script, "--gen", generated]))!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(script)} did not report its port: '{line}'. stderr: {(process.HasExited ? await stderr : string.Empty)}");
        }

        return new PythonPeerServer(process, int.Parse(line.AsSpan(5), CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        // Closing stdin is the server's signal to stop.
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
