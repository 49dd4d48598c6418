using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

// A series a target has exposed, with its Redis keys built once: scrapes after the first
// allocate no key strings for it.
internal sealed class SeriesEntry
{
    public SeriesEntry(string platformId, string id, string descriptor)
    {
        Id = id;
        Descriptor = descriptor;
        RawKey = RedisKeys.Raw(platformId, id);
        DailyKey = RedisKeys.Daily(platformId, id);
    }

    // Canonical `name{a="1",b="2"}`: the series identity, the hash field and the key suffix.
    public string Id { get; }

    // JSON written once to the series index (name, type, labels) so readers need not parse Id.
    public string Descriptor { get; }

    public RedisKey RawKey { get; }

    public RedisKey DailyKey { get; }

    // Set once a batch carrying the descriptor reached Redis; until then every batch carries it.
    public bool DescriptorStored { get; set; }

    // Scrape sequence number in which the series was last present (staleness bookkeeping).
    public long LastSeenScrape { get; set; }
}
