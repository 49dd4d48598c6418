using System.Diagnostics;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>
/// Finds the real gRPC peers the interop tests need and fails with what to install when one is
/// missing — interop tests are never skipped silently.
/// </summary>
public static class Peers
{
    /// <summary>Debian's python (apt python3-grpcio), not a pyenv python3 that may be first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    private const string InstallHint = "run `bash scripts/install-deps.sh` (apt: python3-grpcio python3-protobuf protobuf-compiler; npm ci in tests/interop/node)";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string InteropDirectory => Path.Combine(RepositoryRoot, "tests", "interop");

    public static string TestProto => Path.Combine(RepositoryRoot, "tests", "ScoringGrid.Grpc.Tests", "Protos", "test_service.proto");

    public static string HealthProto => Path.Combine(RepositoryRoot, "proto", "grpc", "health", "v1", "health.proto");

    /// <summary>Checks python + grpcio + protoc, and generates the Python message modules into a temp dir.</summary>
    public static async Task<string> PreparePythonAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing; {InstallHint}.");
        }

        PeerResult probe = await PeerProcess.RunAsync(Python, ["-c", "import grpc, google.protobuf; print(grpc.__version__)"], TimeSpan.FromSeconds(30));
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Python} cannot import grpc/google.protobuf ({probe.StandardError.Trim()}); {InstallHint}.");
        }

        string protoc = FindOnPath("protoc") ?? throw new InvalidOperationException($"protoc is not on PATH; {InstallHint}.");
        string root = Directory.CreateTempSubdirectory("sg-grpc-py-").FullName;
        string source = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
        string output = Directory.CreateDirectory(Path.Combine(root, "gen")).FullName;
        // health.proto is compiled from a flat copy: a generated "grpc/" package would shadow the grpc library.
        File.Copy(HealthProto, Path.Combine(source, "health.proto"));
        File.Copy(TestProto, Path.Combine(source, "test_service.proto"));
        PeerResult generated = await PeerProcess.RunAsync(protoc, [$"-I{source}", $"--python_out={output}", "health.proto", "test_service.proto"], TimeSpan.FromSeconds(60));
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed: {generated.StandardError}");
        }

        return output;
    }

    /// <summary>Checks node and the npm-installed @grpc/grpc-js; returns the node executable.</summary>
    public static string RequireNode()
    {
        string node = FindOnPath("node") ?? throw new InvalidOperationException($"node is not on PATH; install Node.js 20 and {InstallHint}.");
        string grpcJs = Path.Combine(InteropDirectory, "node", "node_modules", "@grpc", "grpc-js");
        if (!Directory.Exists(grpcJs))
        {
            throw new InvalidOperationException($"{grpcJs} is missing; {InstallHint}.");
        }

        return node;
    }

    private static string? FindOnPath(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRepositoryRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ScoringGrid.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("ScoringGrid.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record PeerResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs peer processes with a clean environment (no proxies, no foreign PYTHONPATH).</summary>
public static class PeerProcess
{
    public static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (string variable in new[] { "PYTHONPATH", "PYTHONHOME", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "grpc_proxy", "all_proxy", "ALL_PROXY" })
        {
            info.Environment.Remove(variable);
        }

        return info;
    }

    public static async Task<PeerResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(CreateStartInfo(fileName, arguments))!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}. stderr: {await stderr}");
        }

        return new PeerResult(process.ExitCode, await stdout, await stderr);
    }
}
