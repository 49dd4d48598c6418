using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace ScoringGrid.Rounds.Tests.Support;

/// <summary>
/// A real redis-server on a free loopback port with AOF on (<c>appendfsync always</c>) in a
/// temporary directory. <see cref="Kill"/> ends it without a save; <see cref="Start"/> on the same
/// directory brings back exactly what the AOF holds.
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-rounds-redis-").FullName;
    private Process? _process;

    public RedisServerFixture()
    {
        Port = FreePort();
        Start();
        var options = ConfigurationOptions.Parse(Endpoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 10_000;
        options.AllowAdmin = true;
        Connection = ConnectionMultiplexer.Connect(options);
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public ConnectionMultiplexer Connection { get; }

    public void Start()
    {
        var info = new ProcessStartInfo(FindRedisServer())
        {
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--dir", _dir,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

    /// <summary>Kills the server (SIGKILL): no save, no AOF rewrite; only what was fsynced survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Waits until the shared connection answers again after a restart.</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
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
        Kill();
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
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not installed (not on PATH): apt-get install redis-server");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool TrySend(string command, out string reply)
    {
        reply = "";
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
