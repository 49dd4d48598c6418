using System.Collections.Concurrent;
using System.Diagnostics;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// The built server (<c>dotnet ScoringGrid.Server.dll</c>, next to this assembly through the project
/// reference) as a separate process, for what only a process shows: its exit code and what it writes.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ServerProcess(Process process) => _process = process;

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public static ServerProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ScoringGrid.Server.dll");
        Assert.True(File.Exists(dll) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ScoringGrid.Server.runtimeconfig.json")), $"ScoringGrid.Server.dll not found in {AppContext.BaseDirectory}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start ScoringGrid.Server");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => Keep(server._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(server._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The first standard-output line that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (var line in _stdout)
            {
                if (match(line))
                {
                    return line;
                }
            }

            if (deadline.IsCancellationRequested || _process.HasExited)
            {
                Assert.Fail($"no such line within {timeout}; stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The exit code, once the process has ended and its output has been read to the end.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
