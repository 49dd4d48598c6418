using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// One collector sharing targets through leases, composed as the process composes it (own Redis
/// connection, registry loaded from Redis, then the configured targets) on the real clock.
/// </summary>
public sealed class LeasedCollector : IAsyncDisposable
{
    /// <summary>Fast membership so a test's collectors see each other within a fraction of an interval.</summary>
    public static readonly LeaseOptions FastMembership = new()
    {
        HeartbeatPeriod = TimeSpan.FromMilliseconds(250),
        MemberTimeout = TimeSpan.FromSeconds(2),
        RegistryRefresh = TimeSpan.FromMilliseconds(300),
    };

    private LeasedCollector(string redisEndpoint, string memberId)
    {
        Redis = CollectorRedis.Connect(redisEndpoint);
        Metrics = new CollectorMetrics();
        Store = new SampleStore(Redis, CollectorOptions.Default);
        Scraper = new Scraper(Store, TimeProvider.System, Metrics);
        Registry = new TargetRegistry(Redis);
        Leases = new ScrapeLeases(Redis, TimeProvider.System, FastMembership with { MemberId = memberId }, Metrics);
        Scheduler = new ScrapeScheduler(Registry, Scraper, Store, TimeProvider.System, Metrics, leases: Leases);
    }

    public ConnectionMultiplexer Redis { get; }

    public CollectorMetrics Metrics { get; }

    public SampleStore Store { get; }

    public Scraper Scraper { get; }

    public TargetRegistry Registry { get; }

    public ScrapeLeases Leases { get; }

    public ScrapeScheduler Scheduler { get; }

    public string MemberId => Leases.MemberId;

    public IReadOnlyList<string> Held => Leases.HeldPlatforms;

    public static async Task<LeasedCollector> StartAsync(string redisEndpoint, string memberId, IEnumerable<ScrapeTarget>? configured = null)
    {
        var collector = new LeasedCollector(redisEndpoint, memberId);
        await collector.Registry.LoadAsync();
        collector.Registry.AddConfigured(configured ?? []);
        collector.Scheduler.Start();
        return collector;
    }

    /// <summary>Successful scrapes of the target by this collector.</summary>
    public double Scrapes(string platformId) => Metrics.Scrapes.WithLabels(platformId, "success").Value;

    /// <summary>Graceful stop: releases the leases and leaves the membership.</summary>
    public async Task StopAsync()
    {
        await Scheduler.StopAsync();
    }

    /// <summary>As a crashed process: loops stop, leases and membership stay until they expire.</summary>
    public async Task CrashAsync()
    {
        await Scheduler.AbandonAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // A graceful stop unless stopped or crashed already.
        await Scheduler.DisposeAsync();
        Scraper.Dispose();
        // Dispose alone lets pending commands complete, which takes the sync timeout (5 s) here.
        Redis.Close(allowCommandsToComplete: false);
        Redis.Dispose();
    }
}
