using System.Diagnostics;
using System.Globalization;
using ScoringGrid.Grpc.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Infrastructure;

/// <summary>A python grpcio server implementing scoringgrid.v1.Scoring (tests/interop/python/scoring_server.py) on a free loopback port.</summary>
public sealed class PythonScoringServerFixture : IAsyncLifetime
{
    private Process? _process;

    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var generated = await ScoringPeers.PreparePythonAsync();
        _process = Process.Start(PeerProcess.CreateStartInfo(Peers.Python, [ScoringPeers.PythonScript("scoring_server.py"), "--gen", generated]))!;
        var stderr = _process.StandardError.ReadToEndAsync();
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scoring_server.py did not report its port: '{line}'. stderr: {(_process.HasExited ? await stderr : string.Empty)}");
        }

        Address = $"http://127.0.0.1:{int.Parse(line.AsSpan(5), CultureInfo.InvariantCulture)}";
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
