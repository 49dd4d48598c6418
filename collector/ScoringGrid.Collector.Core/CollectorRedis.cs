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
    /// <exception cref="ArgumentException">The configuration is malformed or names no endpoint.</exception>
    public static ConnectionMultiplexer Connect(string configuration, TextWriter? log = null) =>
        ConnectionMultiplexer.Connect(Options(configuration), log);

    /// <summary>The connection options <see cref="Connect"/> uses; checks a configuration before anything connects.</summary>
    /// <exception cref="ArgumentException">The configuration is malformed or names no endpoint.</exception>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        if (options.EndPoints.Count == 0)
        {
            // The library would say only "No endpoints specified", without the value.
            throw new ArgumentException($"'{configuration}' names no Redis endpoint (host:port).");
        }

        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 5_000;
        options.ConnectRetry = 1;
        return options;
    }
}
