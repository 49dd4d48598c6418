using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using ScoringGrid.Client;
using ScoringGrid.Server;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Rounds.Server.Tests.Support;

/// <summary>A real scoring server on a free loopback port, with or without Redis, with API keys (the key text is its id).</summary>
public sealed class RoundsServer : IAsyncDisposable
{
    public const string Admin = "key-admin";
    public const string ScoreAll = "key-score";
    public const string ZhejiangPortal = "key-zj-portal";
    public const string HebeiPortal = "key-hb-portal";
    public const string ZhejiangExpert = "key-zj-expert";
    public const string ZhejiangAdmin = "key-zj-admin";

    private static readonly (string Key, string Tenant, string[] Scopes)[] Keys =
    [
        (Admin, "*", ["score", "admin"]),
        (ScoreAll, "*", ["score"]),
        (ZhejiangPortal, "zhejiang", ["score"]),
        (HebeiPortal, "hebei", ["score"]),
        (ZhejiangExpert, "zhejiang", ["expert"]),
        (ZhejiangAdmin, "zhejiang", ["score", "admin"]),
    ];

    private RoundsServer(WebApplication app, string address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public string Address { get; }

    /// <param name="redis">Redis (host:port), or null for a server without it.</param>
    /// <param name="ruleSetDirectory">Rule files to serve instead of the shipped ones.</param>
    public static async Task<RoundsServer> StartAsync(string? redis, string? ruleSetDirectory = null)
    {
        var port = FreePort();
        var args = new List<string> { "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning" };
        if (redis is not null)
        {
            args.AddRange(["--ScoringGrid:Redis", redis]);
        }

        if (ruleSetDirectory is not null)
        {
            args.AddRange(["--ScoringGrid:RuleSets", ruleSetDirectory]);
        }

        for (var i = 0; i < Keys.Length; i++)
        {
            args.AddRange(ApiKeyArguments.For(i, Keys[i].Key, Keys[i].Tenant, Keys[i].Scopes));
        }

        var app = ScoringServer.Build([.. args]);
        await app.StartAsync();
        return new RoundsServer(app, $"http://127.0.0.1:{port}");
    }

    public RoundsClient Rounds(string apiKey = Admin) => RoundsClient.Create(Address, apiKey);

    public ScoringClient Scoring(string apiKey = Admin) => ScoringClient.Create(Address, apiKey);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>A round id no other test uses (all tests share one Redis and the default key prefix).</summary>
    public static string NewRoundId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
