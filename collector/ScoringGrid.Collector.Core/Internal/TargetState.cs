using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Internal;

// Everything the collector remembers about one target between scrapes. Gate serialises
// scrape and flush per target, which is what keeps a target's writes in order.
internal sealed class TargetState
{
    private readonly Dictionary<string, SeriesEntry> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TargetState(string platformId)
    {
        PlatformId = platformId;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string PlatformId { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    // Series present in the previous scrape (swapped with Next each scrape, so no per-scrape list).
    public List<SeriesEntry> Live { get; set; } = [];

    public List<SeriesEntry> Next { get; set; } = [];

    public bool LiveLoaded { get; set; }

    public long Sequence { get; set; }

    public long LastTimestampMs { get; set; } = long.MinValue;

    public Queue<ScrapeBatch> Pending { get; } = new();

    // Read by the metrics callback without the gate: a torn read only skews a gauge.
    public int PendingSamples { get; set; }

    public int ConsecutiveFailures { get; set; }

    // This target's children of sg_collector_scrapes_total{result="success"} and of the scrape
    // duration histogram, looked up once: each lookup hashes the label values, per scrape.
    public CounterChild? ScrapeSuccesses { get; set; }

    public HistogramChild? ScrapeDurations { get; set; }

    public bool TryGet(ReadOnlySpan<char> id, out SeriesEntry entry) => _lookup.TryGetValue(id, out entry!);

    public void Add(SeriesEntry entry) => _series[entry.Id] = entry;
}
