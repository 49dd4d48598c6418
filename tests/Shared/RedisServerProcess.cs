using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// A real redis-server process on a free loopback port, in its own temporary directory. Test
/// projects link this file and wrap it in a fixture with the connection options they need.
/// With <c>appendOnly</c>, every write is fsynced to an AOF (<c>appendfsync always</c>), so a
/// <see cref="Kill"/> keeps all acknowledged writes; without it, <see cref="Stop"/> saves a snapshot.
/// Either way <see cref="Start"/> on the same port and directory brings the data back.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private readonly bool _appendOnly;
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-redis-").FullName;
    private Process? _process;

    public RedisServerProcess(bool appendOnly)
    {
        _appendOnly = appendOnly;
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public void Start()
    {
        var info = new ProcessStartInfo(FindRedisServer())
        {
            ArgumentList = { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--dir", _dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _appendOnly ? ["--appendonly", "yes", "--appendfsync", "always"] : new[] { "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (TrySend("PING\r\n", out var reply) && reply.StartsWith("+PONG", StringComparison.Ordinal))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {_process.ExitCode}");
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 10 s");
    }

    /// <summary>Saves a snapshot and shuts the server down (data comes back on <see cref="Start"/>).</summary>
    public void Stop()
    {
        TrySend("SHUTDOWN SAVE\r\n", out _);
        if (_process is { } p && !p.WaitForExit(10_000))
        {
            p.Kill();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Kills the server (SIGKILL): no save, no AOF rewrite; only what was fsynced survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit(5_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): its sockets stay open and accept bytes, but nothing is answered until
    /// <see cref="Thaw"/>, the way a stalled host or a lost reply looks to a client.
    /// </summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen server run again (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>Waits until <paramref name="connection"/> answers again after a restart.</summary>
    public static async Task WaitConnectedAsync(ConnectionMultiplexer connection, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("the Redis connection did not come back");
    }

    private void Signal(string signal)
    {
        var pid = (_process ?? throw new InvalidOperationException("redis-server is not running")).Id;
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed with {kill.ExitCode}");
        }
    }

    public void Dispose()
    {
        Kill(); // SIGKILL ends a frozen server too
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Shared with RedisClusterProcess, which test projects link next to this file.
    internal static string FindRedisServer()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not installed (not on PATH). These tests need a real Redis: run `bash scripts/install-deps.sh` (apt package redis-server).");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool TrySend(string command, out string reply)
    {
        reply = string.Empty;
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(command));
            stream.ReadTimeout = 5_000;
            var buffer = new byte[256];
            var read = stream.Read(buffer);
            reply = Encoding.ASCII.GetString(buffer, 0, read);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }
}
