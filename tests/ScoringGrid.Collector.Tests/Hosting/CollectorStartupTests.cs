using System.Text.Json;
using ScoringGrid.Collector.Tests.Support;

namespace ScoringGrid.Collector.Tests.Hosting;

/// <summary>
/// The collector process writes its console log as the server does: text lines by default, JSON lines
/// when Logging__Console__FormatterName is json. What it cannot start with (a formatter name it does not
/// have, an address in use) ends it with one line and exit code 2.
/// </summary>
public sealed class CollectorStartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task JsonFormat_WritesItsEventsAsJsonLines()
    {
        // Nothing listens on the Redis port: the collector still starts, and says so at Warning.
        using var collector = CollectorProcess.Start([new("Logging__Console__FormatterName", "json")], "--redis", $"127.0.0.1:{CollectorProcess.FreePort()}");

        using var deadline = new CancellationTokenSource(Timeout);
        JsonElement? redisDown = null;
        while (redisDown is null)
        {
            Assert.False(collector.HasExited, $"the collector exited:\n{collector.Output}");
            await Task.Delay(100, deadline.Token);
            foreach (var line in collector.Lines)
            {
                var entry = JsonDocument.Parse(line).RootElement;
                if (entry.GetProperty("EventId").GetInt32() == 102)
                {
                    redisDown = entry;
                }
            }
        }

        Assert.Equal("Warning", redisDown.Value.GetProperty("LogLevel").GetString());
        Assert.EndsWith("Z", redisDown.Value.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        Assert.All(collector.Lines, line => Assert.StartsWith("{\"Timestamp\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownFormat_EndsTheProcessWithExitCode2_NamingTheSetting()
    {
        using var collector = CollectorProcess.Start([new("Logging__Console__FormatterName", "jsno")], "--redis", $"127.0.0.1:{CollectorProcess.FreePort()}");

        var exitCode = await collector.WaitForExitAsync(Timeout);

        Assert.Equal(2, exitCode);
        Assert.Equal(["Logging:Console:FormatterName: 'jsno' is not a console log format; use simple, json or systemd."], collector.Stderr);
    }

    [Fact]
    public async Task AnAddressInUse_EndsTheProcessWithExitCode2_NamingIt()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        using var collector = CollectorProcess.Start([], "--redis", $"127.0.0.1:{CollectorProcess.FreePort()}", "--listen", url);

        var exitCode = await collector.WaitForExitAsync(Timeout);

        Assert.Equal(2, exitCode);
        // Standard error alone: the host's own log of the failure goes to standard output, in no fixed order with it.
        Assert.Equal($"Failed to bind to address {url}: address already in use.", collector.Stderr[^1]);
    }
}
