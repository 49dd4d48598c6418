using System.Collections.Concurrent;
using System.Diagnostics;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// A built program of this repository (<c>dotnet NAME.dll</c>, next to the test assembly through a project
/// reference) run as a separate process, for what only a process shows: its exit code and what it writes.
/// Standard output and error are kept apart (a program's log and its one-line errors arrive on different
/// threads, in no fixed order between the two) and together, for failure messages.
/// </summary>
/// <remarks>Source-linked into the test projects that start the server or the collector.</remarks>
internal sealed class DotnetProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _lines = new();

    private DotnetProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    /// <summary>Every line written so far, standard output and error together.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The last 40 lines of both streams, for a failure message.</summary>
    public string Output => string.Join('\n', _lines.TakeLast(40));

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static DotnetProcess Start(string dll, IEnumerable<string> args, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        Assert.True(
            File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")),
            $"{dll} (with its runtimeconfig) not found in {AppContext.BaseDirectory}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var started = new DotnetProcess(process);
        process.OutputDataReceived += (_, e) => started.Keep(started._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(started._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
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

    /// <summary>SIGKILL: the program gets no shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(ConcurrentQueue<string> stream, string? line)
    {
        if (line is not null)
        {
            stream.Enqueue(line);
            _lines.Enqueue(line);
        }
    }
}
