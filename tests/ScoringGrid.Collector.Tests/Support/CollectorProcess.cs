using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// The built collector (<c>dotnet sg-collector.dll</c>, next to this assembly through the project
/// reference) as a separate process on loopback, its output kept for failure messages.
/// </summary>
public sealed class CollectorProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private CollectorProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>Every line written so far, standard output and error together (their order between the two streams is not kept).</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    /// <summary>The lines written to standard error, in order.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _errors];

    public int ExitCode => _process.ExitCode;

    public static CollectorProcess Start(params string[] args) => Start([], args);

    /// <summary>Starts the collector with <paramref name="environment"/> added to this process's environment.</summary>
    public static CollectorProcess Start(IEnumerable<KeyValuePair<string, string>> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sg-collector.dll");
        Assert.True(File.Exists(dll) && File.Exists(Path.Combine(AppContext.BaseDirectory, "sg-collector.runtimeconfig.json")), $"sg-collector.dll not found in {AppContext.BaseDirectory}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--listen");
        info.ArgumentList.Add($"http://127.0.0.1:{FreePort()}");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start sg-collector");
        var collector = new CollectorProcess(process);
        process.OutputDataReceived += (_, e) => collector.Keep(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            collector.Keep(e.Data);
            if (e.Data is not null)
            {
                collector._errors.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return collector;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGKILL: no shutdown, leases and membership stay in Redis until they expire.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
