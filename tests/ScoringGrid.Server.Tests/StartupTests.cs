using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using ScoringGrid.Client;
using ScoringGrid.Tests.Shared;

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
        int port = ServerFixture.FreePort();
        string url = $"http://127.0.0.1:{port}";
        var log = new LogRecorder(LogLevel.Warning);
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

    [Fact]
    public async Task AnEmptyRuleDirectory_IsServed_WithAWarningNamingIt()
    {
        var directory = Directory.CreateTempSubdirectory("sg-empty-rules-").FullName;
        try
        {
            string url = $"http://127.0.0.1:{ServerFixture.FreePort()}";
            var log = new LogRecorder(LogLevel.Warning);
            await using WebApplication app = ScoringServer.Build(["--urls", url, "--ScoringGrid:RuleSets", directory], builder => builder.Logging.AddProvider(log));

            await app.StartAsync();
            using ScoringClient client = ScoringClient.Create(url);
            var ruleSets = await client.ListRuleSetsAsync();
            await app.StopAsync();

            Assert.Empty(ruleSets.RuleSets);
            var warning = Assert.Single(log.Entries, entry => entry.Category == "ScoringGrid.Server" && entry.Message.StartsWith("No rule files", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(directory, warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
