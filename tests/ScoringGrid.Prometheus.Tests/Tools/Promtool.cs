using System.Diagnostics;

namespace ScoringGrid.Prometheus.Tests.Tools;

/// Runs the real `promtool` (Debian package `prometheus`). Missing tool is a test failure,
/// not a skip: CI installs it, and a silently skipped check proves nothing.
internal static class Promtool
{
    public const string InstallHint = "install it with: sudo apt-get install -y prometheus";

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "promtool");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"promtool was not found on PATH ({path}); {InstallHint}");
        return null!;
    }

    /// `promtool check metrics < file`: the metrics linter reads the exposition from stdin.
    public static async Task<Outcome> CheckMetricsAsync(string file)
    {
        await using var input = File.OpenRead(file);
        return await CheckMetricsAsync(input);
    }

    /// `promtool check metrics` on an exposition already in hand (a server's scrape), through stdin.
    public static async Task<Outcome> CheckMetricsTextAsync(string exposition)
    {
        using var input = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(exposition));
        return await CheckMetricsAsync(input);
    }

    private static async Task<Outcome> CheckMetricsAsync(Stream input)
    {
        var start = new ProcessStartInfo(Locate(), ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await input.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("promtool check metrics did not finish within 60 s");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    public readonly record struct Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Describe() => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
    }
}
