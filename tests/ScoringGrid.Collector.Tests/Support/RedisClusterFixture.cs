using System.Diagnostics;
using System.Globalization;
using System.Net;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Tests.Shared;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// A three-master Redis Cluster on loopback, connected the way the collector connects
/// (<see cref="CollectorRedis.Connect"/> with a configuration string listing the three nodes).
/// </summary>
public sealed class RedisClusterFixture : IDisposable
{
    private readonly RedisClusterProcess _cluster = new();

    public RedisClusterFixture()
    {
        try
        {
            Connection = CollectorRedis.Connect(_cluster.Configuration);
            WaitForTopology();
        }
        catch
        {
            Connection?.Dispose();
            _cluster.Dispose();
            throw;
        }
    }

    public RedisClusterProcess Cluster => _cluster;

    public ConnectionMultiplexer Connection { get; }

    /// <summary>A fresh platform id whose keys hash to a slot of node <paramref name="node"/>.</summary>
    public string PlatformIdOn(int node, string prefix)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var id = CollectorHarness.NewPlatformId(prefix);
            if (RedisClusterProcess.NodeOfSlot(Connection.HashSlot(RedisKeys.Last(id))) == node)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"no '{prefix}' platform id hashed to node {node} in 1,000 tries");
    }

    /// <summary>
    /// Where <paramref name="platformId"/>'s keys physically are: the slot of its hash tag as the
    /// server computes it, and how many keys each node holds in that slot (asked node by node,
    /// so no redirection is involved).
    /// </summary>
    public (int Slot, long[] KeysPerNode) WhereStored(string platformId)
    {
        var slot = int.Parse(_cluster.Send(0, "CLUSTER", "KEYSLOT", (string)RedisKeys.Last(platformId)!), CultureInfo.InvariantCulture);
        var keys = new long[RedisClusterProcess.NodeCount];
        for (var node = 0; node < keys.Length; node++)
        {
            keys[node] = long.Parse(_cluster.Send(node, "CLUSTER", "COUNTKEYSINSLOT", slot.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        }

        return (slot, keys);
    }

    /// <summary>The node the multiplexer routes <paramref name="slot"/> to, by its cluster map.</summary>
    public int RoutedNode(int slot)
    {
        var map = Connection.GetServer(Connection.GetEndPoints()[0]).ClusterConfiguration;
        var port = ((IPEndPoint)map.GetBySlot(slot).EndPoint).Port;
        return _cluster.Ports.ToList().IndexOf(port);
    }

    public void Dispose()
    {
        Connection.Dispose();
        _cluster.Dispose();
    }

    // The multiplexer reads CLUSTER NODES while connecting; wait until it knows all three masters.
    private void WaitForTopology()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var server = Connection.GetServer(Connection.GetEndPoints()[0]);
            if (server.IsConnected && server.ServerType == ServerType.Cluster
                && server.ClusterConfiguration?.Nodes.Count(static n => !n.IsSlave && n.Slots.Count > 0) == RedisClusterProcess.NodeCount)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"the multiplexer did not see {RedisClusterProcess.NodeCount} masters within 10 s: {Connection.GetStatus()}");
            }

            Thread.Sleep(50);
        }
    }
}
