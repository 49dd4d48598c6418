using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Observability;

/// <summary>
/// What the server process writes to its console: one line of text per event by default, and one JSON
/// object per line, with the event's named values, when Logging:Console:FormatterName is json.
/// </summary>
public sealed partial class ConsoleLogTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("json")]
    [InlineData("JSON")] // the console logger ignores the name's case, so the check does too
    public async Task JsonFormat_WritesEveryEventAsOneJsonObjectWithItsNamedValues(string formatter)
    {
        var url = $"http://127.0.0.1:{ServerFixture.FreePort()}";
        using var server = DotnetProcess.Start("ScoringGrid.Server.dll", ["--urls", url, "--Logging:Console:FormatterName", formatter]);

        await server.WaitForLineAsync(line => line.Contains("\"EventId\":1,", StringComparison.Ordinal), StartTimeout);

        var events = server.Stdout.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var serving = Assert.Single(events, e => e.GetProperty("Category").GetString() == "ScoringGrid.Server" && e.GetProperty("EventId").GetInt32() == 1);
        Assert.Equal("Information", serving.GetProperty("LogLevel").GetString());
        Assert.Equal(url, serving.GetProperty("State").GetProperty("Urls").GetString());
        Assert.Equal(6, serving.GetProperty("State").GetProperty("RuleSets").GetInt32());
        Assert.Equal(0, serving.GetProperty("State").GetProperty("Keys").GetInt32());
        var open = Assert.Single(events, e => e.GetProperty("Category").GetString() == "ScoringGrid.Server" && e.GetProperty("EventId").GetInt32() == 2);
        Assert.Equal("Warning", open.GetProperty("LogLevel").GetString());
        foreach (var e in events)
        {
            var timestamp = e.GetProperty("Timestamp").GetString()!;
            Assert.True(
                DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at),
                $"timestamp '{timestamp}' is not UTC ISO 8601 with milliseconds");
            Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        }
    }

    [Fact]
    public async Task DefaultFormat_WritesOneLineOfTextPerEvent()
    {
        var url = $"http://127.0.0.1:{ServerFixture.FreePort()}";
        using var server = DotnetProcess.Start("ScoringGrid.Server.dll", ["--urls", url]);

        var serving = await server.WaitForLineAsync(line => line.Contains("ScoringGrid.Server[1]", StringComparison.Ordinal), StartTimeout);

        Assert.Matches(TextLine(), serving);
        Assert.EndsWith($"info: ScoringGrid.Server[1] ScoringGrid serving on {url} with 6 rule sets and 0 API keys", serving, StringComparison.Ordinal);
        Assert.All(server.Stdout, line => Assert.Matches(TextLine(), line));
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (trce|dbug|info|warn|fail|crit): \S+\[\d+\] ")]
    private static partial Regex TextLine();
}
