using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

// Key layout (docs/collector-storage.md). Every key of a platform carries the hash tag
// `{platform}` so a Redis Cluster puts them in one slot, which the write script requires.
internal static class RedisKeys
{
    public const string Targets = "sg:targets";

    // Sorted set of live collectors: member id -> last heartbeat (Redis server time, ms).
    public const string Members = "sg:collectors";

    public static RedisKey Series(string platformId) => $"sg:{{{platformId}}}:series";

    public static RedisKey Last(string platformId) => $"sg:{{{platformId}}}:last";

    public static RedisKey Health(string platformId) => $"sg:{{{platformId}}}:health";

    public static RedisKey Errors(string platformId) => $"sg:{{{platformId}}}:errors";

    public static RedisKey LoadTests(string platformId) => $"sg:{{{platformId}}}:loadtest";

    // The scrape lease: the owning collector's member id, with a Redis-side expiry (PX). In the
    // platform's slot, so a write script can check the writer still owns the target.
    public static RedisKey Lease(string platformId) => $"sg:{{{platformId}}}:lease";

    public static RedisKey Raw(string platformId, string seriesId) => $"sg:{{{platformId}}}:raw:{seriesId}";

    public static RedisKey Daily(string platformId, string seriesId) => $"sg:{{{platformId}}}:day:{seriesId}";
}
