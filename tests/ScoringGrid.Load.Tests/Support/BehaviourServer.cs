using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScoringGrid.Load.Tests.Support;

/// <summary>
/// An in-process Kestrel server on a free 127.0.0.1 port whose behaviour is known:
/// <c>/fixed?ms=20</c> answers after exactly that long, <c>/bucket</c> holds a token bucket of
/// <see cref="BucketRate"/> requests/s (503 beyond), <c>/stall</c> stalls every request for one
/// second once, at the <see cref="StallAtRequest"/>-th request; <c>/grpc-unavailable</c> answers
/// HTTP 200 with grpc-status 14.
/// </summary>
public sealed class BehaviourServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _bucketGate = new();
    private double _tokens;
    private long _bucketStamp;
    private long _stallCount;
    private Task? _stall;

    private BehaviourServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int BucketRate { get; init; } = 400;

    public int BucketBurst { get; init; } = 20;

    public long StallAtRequest { get; init; } = 100;

    public TimeSpan StallLength { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long <c>/fixed</c> actually held each request, in ms, up to its answer: never less than asked,
    /// more when the machine wakes the server late. What a client measures can be compared with it.
    /// </summary>
    public ConcurrentQueue<double> FixedHeldMs { get; } = new();

    public static async Task<BehaviourServer> StartAsync(bool http2 = false, int bucketRate = 400, long stallAtRequest = 100)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0,
            l => l.Protocols = http2 ? HttpProtocols.Http2 : HttpProtocols.Http1));
        var app = builder.Build();
        var server = new BehaviourServer(app) { BucketRate = bucketRate, StallAtRequest = stallAtRequest };
        server._tokens = server.BucketBurst;
        server._bucketStamp = Stopwatch.GetTimestamp();
        app.MapGet("/fixed", server.FixedAsync);
        app.MapPost("/fixed", server.FixedAsync);
        app.MapGet("/bucket", server.Bucket);
        app.MapGet("/stall", server.StallAsync);
        app.MapPost("/scoringgrid.v1.Scoring/Evaluate", static (HttpContext c) =>
        {
            c.Response.ContentType = "application/grpc";
            c.Response.Headers["grpc-status"] = "14";
            c.Response.Headers["grpc-message"] = "unavailable on purpose";
            return Task.CompletedTask;
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public long BucketRejections;

    // Sleeps most of the time, then yields until the exact length: Task.Delay alone oversleeps by up to a timer tick.
    private async Task FixedAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var ms = double.Parse(context.Request.Query["ms"].FirstOrDefault() ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        var target = TimeSpan.FromMilliseconds(ms);
        if (target > TimeSpan.FromMilliseconds(3))
        {
            await Task.Delay(target - TimeSpan.FromMilliseconds(2.5));
        }

        while (Stopwatch.GetElapsedTime(start) < target)
        {
            await Task.Yield();
        }

        FixedHeldMs.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        await context.Response.WriteAsync("ok");
    }

    private IResult Bucket()
    {
        lock (_bucketGate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(BucketBurst, _tokens + (Stopwatch.GetElapsedTime(_bucketStamp, now).TotalSeconds * BucketRate));
            _bucketStamp = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return Results.Text("ok");
            }
        }

        Interlocked.Increment(ref BucketRejections);
        return Results.StatusCode(503);
    }

    private async Task<IResult> StallAsync()
    {
        if (Interlocked.Increment(ref _stallCount) == StallAtRequest)
        {
            Volatile.Write(ref _stall, Task.Delay(StallLength));
        }

        if (Volatile.Read(ref _stall) is { IsCompleted: false } stall)
        {
            await stall;
        }

        return Results.Text("ok");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
