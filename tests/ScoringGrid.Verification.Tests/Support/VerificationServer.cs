using Microsoft.AspNetCore.Builder;
using ScoringGrid.Client;
using ScoringGrid.Server;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Verification.Tests.Support;

/// <summary>A real scoring server on a free loopback port, with or without the collector's Redis, with API keys.</summary>
public sealed class VerificationServer : IAsyncDisposable
{
    public const string AllScopesKey = "key-all";
    public const string ScoreOnlyKey = "key-score";

    private static readonly (string Key, string[] Scopes)[] Keys =
    [
        (AllScopesKey, ["score", "verify", "admin"]),
        (ScoreOnlyKey, ["score"]),
    ];

    private VerificationServer(WebApplication app, string address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public string Address { get; }

    /// <param name="redis">The collector's Redis (host:port), or null for a server without verification.</param>
    public static async Task<VerificationServer> StartAsync(string? redis)
    {
        var port = Ports.Free();
        var args = new List<string> { "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning" };
        if (redis is not null)
        {
            args.AddRange(["--ScoringGrid:Redis", redis]);
        }

        for (var i = 0; i < Keys.Length; i++)
        {
            args.AddRange(ApiKeyArguments.For(i, Keys[i].Key, "*", Keys[i].Scopes));
        }

        var app = ScoringServer.Build([.. args]);
        await app.StartAsync();
        return new VerificationServer(app, $"http://127.0.0.1:{port}");
    }

    public ScoringClient Client(string apiKey = AllScopesKey) => ScoringClient.Create(Address, apiKey);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
