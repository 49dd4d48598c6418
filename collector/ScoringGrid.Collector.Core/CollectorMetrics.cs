using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector;

/// <summary>
/// The collector's own metrics, served on its <c>/metrics</c>: scrapes by platform and result,
/// scrape durations, buffered samples, buffer overflow, Redis write errors, and the scrape leases
/// shared with other collectors.
/// </summary>
public sealed class CollectorMetrics
{
    /// <summary>Creates the families in <paramref name="registry"/> (a fresh registry when null).</summary>
    /// <param name="registry">The registry to register in.</param>
    public CollectorMetrics(MetricRegistry? registry = null)
    {
        Registry = registry ?? new MetricRegistry();
        Scrapes = Registry.CreateCounter("sg_collector_scrapes_total", "Scrapes by platform and result (success or the failure kind).", "platform", "result");
        ScrapeDuration = Registry.CreateHistogram(
            "sg_collector_scrape_duration_seconds", "Fetch and parse time of scrapes.", HistogramBuckets.Default, "platform");
        SamplesScraped = Registry.CreateCounter("sg_collector_samples_scraped_total", "Samples parsed from scraped bodies.", "platform");
        SamplesWritten = Registry.CreateCounter("sg_collector_samples_written_total", "Samples and staleness markers newly stored in Redis.");
        StaleMarkers = Registry.CreateCounter("sg_collector_stale_markers_total", "Staleness markers written.", "platform");
        BufferedSamples = Registry.CreateGauge("sg_collector_buffered_samples", "Samples waiting in memory for Redis.");
        BufferOverflowSamples = Registry.CreateCounter(
            "sg_collector_buffer_overflow_samples_total", "Samples dropped because a target's buffer was full.", "platform");
        RedisWriteErrors = Registry.CreateCounter("sg_collector_redis_write_errors_total", "Failed Redis writes (the scrape stays buffered).");
        Targets = Registry.CreateGauge("sg_collector_targets", "Targets scheduled (with leases: known to this collector, scraped if its lease is held).");
        LeasesHeld = Registry.CreateGauge("sg_collector_leases_held", "Target leases this collector holds, i.e. targets it scrapes (set when metrics are written).");
        LeaseAcquisitions = Registry.CreateCounter("sg_collector_lease_acquisitions_total", "Target leases acquired (at start, on takeover, on handover).");
        LeaseLosses = Registry.CreateCounter(
            "sg_collector_lease_losses_total", "Target leases lost without releasing them: taken by another collector or not renewed in time.");
        LeaseReleases = Registry.CreateCounter("sg_collector_lease_releases_total", "Target leases released: handed over for balance, target removed, or shutdown.");
        Members = Registry.CreateGauge("sg_collector_members", "Live collectors sharing the targets, as of this collector's last heartbeat.");
    }

    /// <summary>The registry to write on <c>/metrics</c>.</summary>
    public MetricRegistry Registry { get; }

    /// <summary><c>sg_collector_scrapes_total{platform,result}</c>.</summary>
    public Counter Scrapes { get; }

    /// <summary><c>sg_collector_scrape_duration_seconds{platform}</c>.</summary>
    public Histogram ScrapeDuration { get; }

    /// <summary><c>sg_collector_samples_scraped_total{platform}</c>.</summary>
    public Counter SamplesScraped { get; }

    /// <summary><c>sg_collector_samples_written_total</c>.</summary>
    public Counter SamplesWritten { get; }

    /// <summary><c>sg_collector_stale_markers_total{platform}</c>.</summary>
    public Counter StaleMarkers { get; }

    /// <summary><c>sg_collector_buffered_samples</c>, set when metrics are written.</summary>
    public Gauge BufferedSamples { get; }

    /// <summary><c>sg_collector_buffer_overflow_samples_total{platform}</c>.</summary>
    public Counter BufferOverflowSamples { get; }

    /// <summary><c>sg_collector_redis_write_errors_total</c>.</summary>
    public Counter RedisWriteErrors { get; }

    /// <summary><c>sg_collector_targets</c>.</summary>
    public Gauge Targets { get; }

    /// <summary><c>sg_collector_leases_held</c>, set when metrics are written.</summary>
    public Gauge LeasesHeld { get; }

    /// <summary><c>sg_collector_lease_acquisitions_total</c>.</summary>
    public Counter LeaseAcquisitions { get; }

    /// <summary><c>sg_collector_lease_losses_total</c>.</summary>
    public Counter LeaseLosses { get; }

    /// <summary><c>sg_collector_lease_releases_total</c>.</summary>
    public Counter LeaseReleases { get; }

    /// <summary><c>sg_collector_members</c>.</summary>
    public Gauge Members { get; }

    internal static string ResultLabel(ScrapeFailure failure) => failure switch
    {
        ScrapeFailure.None => "success",
        ScrapeFailure.HttpStatus => "http_status",
        ScrapeFailure.Connection => "connection",
        ScrapeFailure.Timeout => "timeout",
        ScrapeFailure.BodyTooLarge => "body_too_large",
        ScrapeFailure.Parse => "parse_error",
        _ => "other",
    };
}
