using ScoringGrid.Tests.Shared;
using StackExchange.Redis;

namespace ScoringGrid.Rounds.Tests.Support;

/// <summary>
/// A real redis-server with AOF on (<c>appendfsync always</c>). <see cref="Kill"/> ends it without a
/// save; <see cref="Start"/> on the same directory brings back exactly what the AOF holds.
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly RedisServerProcess _server = new(appendOnly: true);

    public RedisServerFixture()
    {
        var options = ConfigurationOptions.Parse(Endpoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 10_000;
        options.AllowAdmin = true;
        Connection = ConnectionMultiplexer.Connect(options);
    }

    public int Port => _server.Port;

    public string Endpoint => _server.Endpoint;

    public ConnectionMultiplexer Connection { get; }

    public void Start() => _server.Start();

    /// <summary>Kills the server (SIGKILL): no save, no AOF rewrite; only what was fsynced survives.</summary>
    public void Kill() => _server.Kill();

    /// <summary>Stops the server answering (SIGSTOP) without closing its sockets; see <see cref="Thaw"/>.</summary>
    public void Freeze() => _server.Freeze();

    /// <summary>Lets a frozen server answer again (SIGCONT).</summary>
    public void Thaw() => _server.Thaw();

    /// <summary>Waits until the shared connection answers again after a restart.</summary>
    public Task WaitConnectedAsync(TimeSpan timeout) => RedisServerProcess.WaitConnectedAsync(Connection, timeout);

    public void Dispose()
    {
        Connection.Dispose();
        _server.Dispose();
    }
}
