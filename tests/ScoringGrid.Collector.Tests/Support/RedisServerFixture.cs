using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ScoringGrid.Collector;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// A real redis-server on a free loopback port, in a temporary directory, killed at the end.
/// Stop() saves an RDB snapshot first, so Start() on the same port brings the data back (the
/// outage tests need a Redis that returns with its data, as one with AOF would).
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-redis-").FullName;
    private Process? _process;

    public RedisServerFixture()
    {
        Port = FreePort();
        Start();
        Connection = CollectorRedis.Connect(Endpoint);
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public ConnectionMultiplexer Connection { get; }

    public void Start()
    {
        var exe = FindRedisServer();
        var info = new ProcessStartInfo(exe)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
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

    /// <summary>Waits until the shared connection answers again after a restart.</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            try
            {
                await Connection.GetDatabase().PingAsync();
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("the Redis connection did not come back");
    }

    public void Dispose()
    {
        Connection.Dispose();
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit(5_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRedisServer()
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

    private static int FreePort()
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
