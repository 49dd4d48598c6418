using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using ScoringGrid.Client;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// The server binds the URLs it is given itself (gRPC endpoints), so the host must not bind them too:
/// it used to, and Kestrel then warned at every start that it was overriding them.
/// </summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Urls_AreServed_WithoutAWarningAtStart(bool equalsForm)
    {
        int port = FreePort();
        string url = $"http://127.0.0.1:{port}";
        var log = new WarningLog();
        string[] args = equalsForm ? [$"--urls={url}"] : ["--urls", url];
        await using WebApplication app = ScoringServer.Build(args, builder => builder.Logging.AddProvider(log));

        await app.StartAsync();
        using ScoringClient client = ScoringClient.Create(url);
        var ruleSets = await client.ListRuleSetsAsync();
        await app.StopAsync();

        Assert.NotEmpty(ruleSets.RuleSets);
        Assert.Equal([url], app.Urls);
        Assert.DoesNotContain(log.Entries, entry => entry.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Records what is logged at Warning and above, with its category.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(WarningLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Entries.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
