using ScoringGrid.Collector;
using ScoringGrid.PlatformSimulator;
using StackExchange.Redis;

namespace ScoringGrid.Verification.Tests.Support;

/// <summary>
/// A simulated platform scraped a few times into Redis by a real <see cref="Scraper"/> on the
/// wall clock, so the server (which verifies at its own "now") sees fresh samples.
/// </summary>
internal static class ScrapedPlatform
{
    public static async Task<(string PlatformId, PlatformSimulator.PlatformSimulator Simulator)> StartAsync(
        IConnectionMultiplexer redis, SimulatorOptions options, int scrapes = 3)
    {
        var platformId = $"{options.Mode.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var simulator = await PlatformSimulator.PlatformSimulator.StartAsync(options);
        using var scraper = new Scraper(new SampleStore(redis), TimeProvider.System);
        var target = new ScrapeTarget { PlatformId = platformId, Url = simulator.MetricsUrl, Interval = TimeSpan.FromSeconds(15), Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < scrapes; i++)
        {
            var result = await scraper.ScrapeAsync(target);
            Assert.True(result.Up, $"scrape {i + 1} of {platformId} failed");
            // Samples are keyed by scrape time in ms; keep scrapes apart so none is skipped as a replay.
            await Task.Delay(20);
        }

        Assert.Equal(0, scraper.BufferedSamples);
        return (platformId, simulator);
    }
}
