using System.Text;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

// A series a target has exposed, with its Redis keys and hash field built once, as UTF-8 (scrapes
// after the first neither allocate nor encode them), and its stored state, from which writes
// are computed.
internal sealed class SeriesEntry
{
    public SeriesEntry(string platformId, string id, string descriptor)
    {
        Id = id;
        Descriptor = descriptor;
        Field = Encoding.UTF8.GetBytes(id);
        RawKey = Encoding.UTF8.GetBytes((string)RedisKeys.Raw(platformId, id)!);
        DailyKey = Encoding.UTF8.GetBytes((string)RedisKeys.Daily(platformId, id)!);
    }

    // Canonical `name{a="1",b="2"}`: the series identity, the hash field and the key suffix.
    public string Id { get; }

    // JSON written once to the series index (name, type, labels) so readers need not parse Id.
    public string Descriptor { get; }

    // Id as the field of the platform's `last` and `series` hashes.
    public RedisValue Field { get; }

    public RedisKey RawKey { get; }

    public RedisKey DailyKey { get; }

    // Set once a batch carrying the descriptor reached Redis; until then every batch carries it.
    public bool DescriptorStored { get; set; }

    // Scrape sequence number in which the series was last present (staleness bookkeeping).
    public long LastSeenScrape { get; set; }

    // `last` and the current day's rollup as stored in Redis; valid only while Synced is the
    // platform's current write state (SampleStore loads it otherwise).
    public SeriesRollup Stored { get; set; } = SeriesRollup.Empty;

    public PlatformWriteState? Synced { get; set; }
}
