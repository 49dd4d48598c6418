using System.Diagnostics;
using System.Globalization;
using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Grpc.Tests.Interop;

/// <summary>A Python grpcio server (tests/interop/python/server.py) on a free loopback port.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string generated = await Peers.PreparePythonAsync();
        string script = Path.Combine(Peers.InteropDirectory, "python", "server.py");
        _process = Process.Start(PeerProcess.CreateStartInfo(Peers.Python, [script, "--gen", generated]))!;
        Task<string> stderr = _process.StandardError.ReadToEndAsync();
        string? line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"server.py did not report its port: '{line}'. stderr: {(_process.HasExited ? await stderr : string.Empty)}");
        }

        Address = new Uri($"http://127.0.0.1:{int.Parse(line.AsSpan(5), CultureInfo.InvariantCulture)}");
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

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
