using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.PlatformSimulator.Internal;

namespace ScoringGrid.PlatformSimulator;

/// <summary>
/// A fake platform serving rulebook §7 metrics on <c>http://127.0.0.1:PORT/metrics</c>. The
/// mode can be switched while it runs, so a test can make a platform flap or lie mid-scenario.
/// </summary>
public sealed class PlatformSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorOptions _options;
    private readonly MetricsBody _body;
    private long _requests;
    private long _served;
    private volatile SimulatorMode _mode;

    private PlatformSimulator(WebApplication app, SimulatorOptions options, Uri url)
    {
        _app = app;
        _options = options;
        _body = new MetricsBody(options);
        _mode = options.Mode;
        MetricsUrl = url;
    }

    /// <summary>The metrics endpoint.</summary>
    public Uri MetricsUrl { get; }

    /// <summary>The current behaviour; may be changed at any time.</summary>
    public SimulatorMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>Requests received so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Metric bodies served so far (counters advance once per body).</summary>
    public long BodiesServed => Interlocked.Read(ref _served);

    /// <summary>Starts a simulator on 127.0.0.1.</summary>
    /// <param name="options">The platform's shape; port 0 picks a free port.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<PlatformSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        PlatformSimulator? simulator = null;
        app.MapGet("/metrics", (HttpContext context) => simulator!.ServeAsync(context));
        // The platform's own resource API, whose declared concurrency and response time evaluators load-test.
        var resource = new ResourceEndpoint(options.CapacityRps, options.ResourceLatency);
        app.MapGet("/api/resource", resource.ServeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator = new PlatformSimulator(app, options, new Uri(new Uri(address), "/metrics"));
        return simulator;
    }

    /// <summary>The figures an honest platform of these options would declare (gauges only; counters depend on time).</summary>
    /// <param name="options">The options.</param>
    public static IReadOnlyDictionary<string, double> DeclaredFigures(SimulatorOptions options) => DeclaredFigureTable.For(options);

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        var response = context.Response;
        if (_options.BearerToken is { } token && context.Request.Headers.Authorization != $"Bearer {token}")
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var mode = _mode;
        response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        switch (mode)
        {
            case SimulatorMode.Flapping when ((n - 1) / _options.FlapEvery) % 2 == 1:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case SimulatorMode.Slow:
                await Task.Delay(_options.Delay, context.RequestAborted).ConfigureAwait(false);
                break;
            case SimulatorMode.Garbage:
                await response.Body.WriteAsync("\u0000\u00ff<html>not metrics {{{ 12 x\n"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
                return;
            case SimulatorMode.Huge:
                await WriteHugeAsync(response, context.RequestAborted).ConfigureAwait(false);
                return;
        }

        var body = _body.Render(mode, Interlocked.Increment(ref _served));
        response.ContentLength = body.Length; // one write, no chunked encoding
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task WriteHugeAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        // Valid comment lines, streamed without Content-Length: the collector must stop reading at its limit.
        var line = Encoding.ASCII.GetBytes("# padding " + new string('x', 1013) + "\n");
        var chunk = new byte[line.Length * 64];
        for (var i = 0; i < 64; i++)
        {
            line.CopyTo(chunk, i * line.Length);
        }

        try
        {
            for (long written = 0; written < _options.HugeBytes; written += chunk.Length)
            {
                await response.Body.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The scraper hung up at its limit, as it should.
        }
    }
}
