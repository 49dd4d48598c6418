using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using ScoringGrid.Client;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
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
    public async Task AnEmptyRuleDirectory_IsServed_WithAWarningNamingIt_AndScoringIsNotServingUntilARuleFileComes()
    {
        var directory = Directory.CreateTempSubdirectory("sg-empty-rules-").FullName;
        try
        {
            string url = $"http://127.0.0.1:{ServerFixture.FreePort()}";
            var log = new LogRecorder(LogLevel.Warning);
            await using WebApplication app = ScoringServer.Build(["--urls", url, "--ScoringGrid:RuleSets", directory], builder => builder.Logging.AddProvider(log));

            await app.StartAsync();
            using ScoringClient client = ScoringClient.Create(url);
            using var channel = GrpcChannel.ForAddress(url);
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(url) };
            var ruleSets = await client.ListRuleSetsAsync();
            var before = await ScoringHealthAsync(channel);
            var readyBefore = await ReadinessAsync(http);

            // A reload that brings the first rule set brings the service into SERVING.
            File.Copy(Path.Combine(AppContext.BaseDirectory, "rulesets", "js-star-2019.yaml"), Path.Combine(directory, "js-star-2019.yaml"));
            var after = before;
            for (var deadline = DateTime.UtcNow.AddSeconds(20); after != HealthCheckResponse.Types.ServingStatus.Serving && DateTime.UtcNow < deadline; await Task.Delay(100))
            {
                after = await ScoringHealthAsync(channel);
            }

            var scored = await client.EvaluateAsync(Examples.Message("js-star-2019"));
            var readyAfter = await ReadinessAsync(http);
            await app.StopAsync();

            Assert.Empty(ruleSets.RuleSets);
            var warning = Assert.Single(log.Entries, entry => entry.Category == "ScoringGrid.Server" && entry.Message.StartsWith("No rule files", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(directory, warning.Message, StringComparison.Ordinal);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, before);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, after);
            // The same over HTTP, for probes that do not speak gRPC.
            Assert.Equal((503, "not ready: no rule set is loaded\n"), readyBefore);
            Assert.Equal((200, "ready\n"), readyAfter);
            Assert.Equal("3-star", scored.Result.Level);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Status, string Body)> ReadinessAsync(HttpClient http)
    {
        // REST is answered on the gRPC endpoint too, over HTTP/2.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/readyz") { Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> ScoringHealthAsync(GrpcChannel channel)
    {
        var check = new Method<HealthCheckRequest, HealthCheckResponse>(
            MethodType.Unary, "grpc.health.v1.Health", "Check", Marshallers.Create(HealthCheckRequest.Parser), Marshallers.Create(HealthCheckResponse.Parser));
        return (await channel.UnaryAsync(check, new HealthCheckRequest { Service = "scoringgrid.v1.Scoring" })).Status;
    }
}
