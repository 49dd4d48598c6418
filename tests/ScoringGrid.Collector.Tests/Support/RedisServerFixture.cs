using ScoringGrid.Collector;
using ScoringGrid.Tests.Shared;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// A real redis-server for the collector's tests, connected the way the collector connects
/// (<see cref="CollectorRedis.Connect"/>). Stop() saves a snapshot first, so Start() brings the data
/// back (the outage tests need a Redis that returns with its data, as one with AOF would).
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly RedisServerProcess _server = new(appendOnly: false);

    public RedisServerFixture() => Connection = CollectorRedis.Connect(Endpoint);

    public int Port => _server.Port;

    public string Endpoint => _server.Endpoint;

    public ConnectionMultiplexer Connection { get; }

    public void Start() => _server.Start();

    /// <summary>Saves a snapshot and shuts the server down (data comes back on <see cref="Start"/>).</summary>
    public void Stop() => _server.Stop();

    /// <summary>Stops the server answering (SIGSTOP) without closing its sockets; see <see cref="Thaw"/>.</summary>
    public void Freeze() => _server.Freeze();

    public void Thaw() => _server.Thaw();

    /// <summary>Waits until the shared connection answers again after a restart.</summary>
    public Task WaitConnectedAsync(TimeSpan timeout) => RedisServerProcess.WaitConnectedAsync(Connection, timeout);

    public void Dispose()
    {
        Connection.Dispose();
        _server.Dispose();
    }
}
