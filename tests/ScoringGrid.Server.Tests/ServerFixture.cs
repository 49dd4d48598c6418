using Microsoft.AspNetCore.Builder;
using ScoringGrid.Client;
using ScoringGrid.Server;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests;

/// <summary>A real ScoringGrid server on free loopback ports (gRPC h2c + HTTP/1.1), stopped on dispose.</summary>
public sealed class ServerFixture : IAsyncDisposable
{
    private ServerFixture(WebApplication app, int grpcPort, int httpPort)
    {
        App = app;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        HttpAddress = $"http://127.0.0.1:{httpPort}";
    }

    public WebApplication App { get; }

    public string GrpcAddress { get; }

    public string HttpAddress { get; }

    /// <summary>Keys every secured test uses: the key text is the id, so tests can send it.</summary>
    public static readonly (string Key, string Tenant, string[] Scopes, double Rate)[] StandardKeys =
    [
        ("key-jiangsu", "jiangsu", ["score"], 0),
        ("key-admin", "*", ["score", "verify", "admin"], 0),
        ("key-verify-only", "*", ["verify"], 0),
        ("key-slow", "*", ["score"], 0.001),
        ("key-paced", "*", ["score"], 20),
    ];

    public static async Task<ServerFixture> StartAsync(bool secured = false, string? ruleSetDirectory = null, params string[] extraArgs)
    {
        var (app, grpcPort, httpPort) = await ServerOnFreePorts.StartAsync((grpcPort, httpPort) =>
        {
            var args = new List<string>
            {
                "--urls", $"http://127.0.0.1:{grpcPort}",
                "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{httpPort}",
                "--Logging:LogLevel:Default", "Warning",
            };
            if (ruleSetDirectory is not null)
            {
                args.AddRange(["--ScoringGrid:RuleSets", ruleSetDirectory]);
            }

            if (secured)
            {
                args.AddRange(KeyArguments());
            }

            args.AddRange(extraArgs);
            return [.. args];
        });
        return new ServerFixture(app, grpcPort, httpPort);
    }

    private static IEnumerable<string> KeyArguments() =>
        StandardKeys.SelectMany((k, i) => ApiKeyArguments.For(i, k.Key, k.Tenant, k.Scopes, k.Rate, burst: k.Rate > 0 ? 2 : 0));

    public ScoringClient Client(string? apiKey = null) => ScoringClient.Create(GrpcAddress, apiKey);

    public HttpClient Http(string? apiKey = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(HttpAddress) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort() => ServerOnFreePorts.FreePort();
}
