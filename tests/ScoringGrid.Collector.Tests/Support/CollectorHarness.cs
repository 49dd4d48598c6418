using Microsoft.Extensions.Time.Testing;
using ScoringGrid.PlatformSimulator;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>A store, scraper and verifier over a real Redis, driven by a fake clock.</summary>
public sealed class CollectorHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public CollectorHarness(IConnectionMultiplexer redis, CollectorOptions? options = null, TimeProvider? time = null)
    {
        Redis = redis;
        Time = time ?? new FakeTimeProvider(Start);
        Metrics = new CollectorMetrics();
        Store = new SampleStore(redis, options ?? CollectorOptions.Default);
        Scraper = new Scraper(Store, Time, Metrics);
        Verifier = new FigureVerifier(Store, Time);
    }

    public IConnectionMultiplexer Redis { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider Fake => (FakeTimeProvider)Time;

    public CollectorMetrics Metrics { get; }

    public SampleStore Store { get; }

    public Scraper Scraper { get; }

    public FigureVerifier Verifier { get; }

    public static string NewPlatformId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static ScrapeTarget Target(string platformId, PlatformSimulator.PlatformSimulator simulator, TimeSpan? timeout = null) => new()
    {
        PlatformId = platformId,
        Url = simulator.MetricsUrl,
        Interval = TimeSpan.FromSeconds(15),
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    /// <summary>Scrapes <paramref name="count"/> times, advancing the fake clock by <paramref name="step"/> after each.</summary>
    public async Task<List<ScrapeResult>> ScrapeAsync(ScrapeTarget target, int count, TimeSpan step)
    {
        var results = new List<ScrapeResult>(count);
        for (var i = 0; i < count; i++)
        {
            results.Add(await Scraper.ScrapeAsync(target));
            Fake.Advance(step);
        }

        return results;
    }

    public async Task<FigureVerification> VerifyOneAsync(string platformId, string figure, double declared, TimeSpan? window = null)
    {
        var results = await Verifier.VerifyAsync(platformId, new Dictionary<string, double> { [figure] = declared }, window);
        return Assert.Single(results);
    }

    public void Dispose() => Scraper.Dispose();
}
