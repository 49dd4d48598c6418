using StackExchange.Redis;

namespace ScoringGrid.Collector;

/// <summary>Opens the Redis connection the way the collector needs it.</summary>
public static class CollectorRedis
{
    /// <summary>
    /// Connects without failing when Redis is down: the multiplexer keeps reconnecting in the
    /// background while scrapes buffer in memory, and commands fail fast until it is back.
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="log">Receives the connection log, or <see langword="null"/>.</param>
    public static ConnectionMultiplexer Connect(string configuration, TextWriter? log = null)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 5_000;
        options.ConnectRetry = 1;
        return ConnectionMultiplexer.Connect(options, log);
    }
}
