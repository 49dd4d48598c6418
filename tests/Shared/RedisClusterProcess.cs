using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// A three-master Redis Cluster on loopback: three real redis-server processes in cluster mode,
/// each in its own temporary directory, the 16,384 hash slots split into three ranges, no
/// replicas. The constructor returns once every node reports <c>cluster_state:ok</c>, and
/// <see cref="Dispose"/> kills the processes and deletes the directories (also when forming fails).
/// Link it together with <c>RedisServerProcess.cs</c>.
/// </summary>
public sealed class RedisClusterProcess : IDisposable
{
    public const int SlotCount = 16_384;

    public const int NodeCount = 3;

    // Gossip settles in well under a second, but a master only turns its state to ok 2 s after
    // it starts evaluating it (CLUSTER_WRITABLE_DELAY); the rest is slack for a loaded machine.
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(30);

    private readonly List<RedisClusterNode> _nodes = new(NodeCount);

    public RedisClusterProcess()
    {
        try
        {
            for (var i = 0; i < NodeCount; i++)
            {
                _nodes.Add(RedisClusterNode.Start());
            }

            Form();
            WaitUntilOk();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The client ports of the nodes; node <c>i</c> owns <see cref="SlotsOf"/>(<c>i</c>).</summary>
    public IReadOnlyList<int> Ports => _nodes.ConvertAll(static n => n.Port);

    /// <summary>A StackExchange.Redis configuration string listing every node.</summary>
    public string Configuration => string.Join(',', _nodes.ConvertAll(static n => $"127.0.0.1:{n.Port}"));

    /// <summary>The hash slots node <paramref name="node"/> owns, both ends inclusive.</summary>
    public static (int First, int Last) SlotsOf(int node) =>
        (node * SlotCount / NodeCount, ((node + 1) * SlotCount / NodeCount) - 1);

    /// <summary>The node that owns <paramref name="slot"/>.</summary>
    public static int NodeOfSlot(int slot) => Enumerable.Range(0, NodeCount).First(i => SlotsOf(i).Last >= slot);

    /// <summary>
    /// Sends one command to node <paramref name="node"/> itself, with no redirection, and returns
    /// a simple, integer or bulk reply as text (empty for a nil bulk). Array replies are not supported.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node answered with an error (e.g. <c>MOVED</c>).</exception>
    public string Send(int node, params string[] args) => SendToPort(_nodes[node].Port, args);

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _nodes.Clear();
    }

    // What `redis-cli --cluster create --cluster-replicas 0` does: a distinct config epoch per
    // node (so no epoch collision has to be resolved), one slot range each, then MEET.
    private void Form()
    {
        for (var i = 0; i < NodeCount; i++)
        {
            var (first, last) = SlotsOf(i);
            Send(i, "CLUSTER", "SET-CONFIG-EPOCH", Text(i + 1));
            Send(i, "CLUSTER", "ADDSLOTSRANGE", Text(first), Text(last));
        }

        for (var i = 1; i < NodeCount; i++)
        {
            Send(0, "CLUSTER", "MEET", "127.0.0.1", Text(_nodes[i].Port), Text(_nodes[i].BusPort));
        }
    }

    private void WaitUntilOk()
    {
        var clock = Stopwatch.StartNew();
        var states = new string[NodeCount];
        while (true)
        {
            var ok = true;
            for (var i = 0; i < NodeCount; i++)
            {
                var info = Send(i, "CLUSTER", "INFO");
                states[i] = info.Split("\r\n")[0];
                ok &= info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    && info.Contains($"cluster_known_nodes:{NodeCount}", StringComparison.Ordinal);
            }

            if (ok)
            {
                return;
            }

            if (clock.Elapsed > FormTimeout)
            {
                throw new TimeoutException(
                    $"the Redis Cluster on ports {string.Join(", ", Ports)} did not reach cluster_state:ok within {FormTimeout.TotalSeconds:0} s; nodes say: {string.Join("; ", states)}");
            }

            Thread.Sleep(50);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string SendToPort(int port, params string[] args)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.ReadTimeout = 5_000;
        stream.WriteTimeout = 5_000;
        var request = new StringBuilder().Append('*').Append(args.Length).Append("\r\n");
        foreach (var arg in args)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        }

        stream.Write(Encoding.UTF8.GetBytes(request.ToString()));
        var line = ReadLine(stream);
        switch (line[0])
        {
            case '+' or ':':
                return line[1..];
            case '-':
                throw new InvalidOperationException($"redis on port {port} answered '{string.Join(' ', args)}' with {line[1..]}");
            case '$':
                var length = int.Parse(line.AsSpan(1), CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return string.Empty;
                }

                var body = new byte[length + 2];
                stream.ReadExactly(body);
                return Encoding.UTF8.GetString(body, 0, length);
            default:
                throw new InvalidOperationException($"unsupported reply to '{string.Join(' ', args)}': {line}");
        }
    }

    private static string ReadLine(NetworkStream stream)
    {
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) is not '\n' and not -1)
        {
            if (b != '\r')
            {
                line.Append((char)b);
            }
        }

        return line.Length > 0 ? line.ToString() : throw new IOException("redis closed the connection without a reply");
    }
}
