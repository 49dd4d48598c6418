namespace ScoringGrid.Collector.Internal;

// Everything one scrape writes: samples at one timestamp plus the scrape's health. Written
// to Redis as one unit (chunked, pipelined), replayed whole after a failure; the write script
// skips samples at or before a series' newest timestamp, so replays never double count.
internal sealed class ScrapeBatch
{
    public ScrapeBatch(string platformId, long timestampMs, bool up, string? error, int capacity)
    {
        PlatformId = platformId;
        TimestampMs = timestampMs;
        Up = up;
        Error = error;
        Samples = new List<BatchSample>(capacity);
    }

    public string PlatformId { get; }

    public long TimestampMs { get; }

    public bool Up { get; }

    public string? Error { get; }

    public List<BatchSample> Samples { get; }

    public int StaleMarkers { get; set; }
}

// One series' value in a batch; IsStale marks a Prometheus-style staleness marker.
internal readonly record struct BatchSample(SeriesEntry Series, double Value, bool IsStale, bool WithDescriptor);
