using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// One loopback server for many targets (<c>/t/{platform}</c>), serving a one-gauge body and
/// recording when each target was requested, so tests can count scrapes per target and per
/// scrape slot whichever collector made them.
/// </summary>
public sealed class CountingEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _requests = new(StringComparer.Ordinal);

    private CountingEndpoint(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<CountingEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        CountingEndpoint? endpoint = null;
        app.MapGet("/t/{platform}", (string platform) =>
        {
            endpoint!._requests.GetOrAdd(platform, static _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(TimeProvider.System.GetUtcNow());
            return Results.Text("# TYPE sg_test_gauge gauge\nsg_test_gauge 1\n", "text/plain; version=0.0.4");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new CountingEndpoint(app, new Uri(address));
        return endpoint;
    }

    public Uri Url(string platformId) => new(BaseUrl, $"/t/{platformId}");

    public ScrapeTarget Target(string platformId, TimeSpan interval) => new()
    {
        PlatformId = platformId,
        Url = Url(platformId),
        Interval = interval,
        Timeout = interval / 2,
    };

    public IReadOnlyList<DateTimeOffset> Requests(string platformId) =>
        _requests.TryGetValue(platformId, out var queue) ? [.. queue] : [];

    public DateTimeOffset? FirstAfter(string platformId, DateTimeOffset after) =>
        Requests(platformId).Where(t => t > after).Order().Cast<DateTimeOffset?>().FirstOrDefault();

    public int CountSince(string platformId, DateTimeOffset since) => Requests(platformId).Count(t => t >= since);

    /// <summary>
    /// Fails if a target was requested twice in one scrape slot (ScrapeTiming's slots, the same for
    /// every collector). A slot's window runs from a quarter interval before it to three quarters
    /// after: under a lease a scrape starts at its slot and at most half an interval later, and
    /// the request may take a moment more to arrive.
    /// </summary>
    public void AssertNoSlotScrapedTwice(IEnumerable<string> platformIds, TimeSpan interval)
    {
        var doubles = new List<string>();
        foreach (var id in platformIds)
        {
            var offset = ScrapeTiming.Offset(id, interval);
            foreach (var slot in Requests(id)
                .GroupBy(t => Math.Floor((t - DateTimeOffset.UnixEpoch - offset + (interval / 4)) / interval))
                .Where(g => g.Count() > 1))
            {
                doubles.Add($"{id} slot {slot.Key}: {string.Join(", ", slot.Select(t => t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
            }
        }

        Assert.True(doubles.Count == 0, $"scraped twice in one slot:\n{string.Join('\n', doubles)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
