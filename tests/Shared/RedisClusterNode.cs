using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ScoringGrid.Tests.Shared;

/// <summary>One cluster-mode redis-server of a <see cref="RedisClusterProcess"/>, in its own temporary directory.</summary>
internal sealed class RedisClusterNode : IDisposable
{
    private const int OutputLinesKept = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-redis-cluster-").FullName;
    private readonly Queue<string> _output = new();
    private readonly Process _process;

    private RedisClusterNode(string redisServer, int port, int busPort)
    {
        Port = port;
        BusPort = busPort;
        // The bus port is chosen explicitly: the default, port + 10,000, overflows for the high
        // ephemeral ports a free-port probe returns.
        var info = new ProcessStartInfo(redisServer)
        {
            ArgumentList =
            {
                "--port", Text(port), "--cluster-port", Text(busPort),
                "--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(_dir, "nodes.conf"),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _dir,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        }
        catch
        {
            Directory.Delete(_dir, recursive: true);
            throw;
        }

        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int BusPort { get; }

    /// <summary>Starts a node on fresh free ports and waits for PING.</summary>
    public static RedisClusterNode Start()
    {
        var redisServer = RedisServerProcess.FindRedisServer();
        // A probed free port can be taken by another process before redis binds it: try again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var port = RedisServerProcess.FreePort();
            int busPort;
            do
            {
                busPort = RedisServerProcess.FreePort();
            }
            while (busPort == port);

            var node = new RedisClusterNode(redisServer, port, busPort);
            try
            {
                node.WaitForPing();
                return node;
            }
            catch (InvalidOperationException) when (attempt < 3 && node._process.HasExited)
            {
                node.Dispose();
            }
            catch
            {
                node.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitForPing()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            try
            {
                if (RedisClusterProcess.SendToPort(Port, "PING") == "PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output, so the message has redis' reason
                throw new InvalidOperationException(
                    $"cluster redis-server on port {Port} exited at start with code {_process.ExitCode}: {Output()}");
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"cluster redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds:0} s: {Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join(" | ", _output);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
