namespace ScoringGrid.Collector.Internal;

// Lua for leases and membership. Each lease script touches one key (`sg:{p}:lease`), so it runs
// in the platform's Cluster slot; compare-then-act must be one script, or an owner whose lease
// just expired could extend or delete the next owner's lease.
internal static class LeaseScripts
{
    // KEYS: 1 lease. ARGV: 1 member id, 2 ttl ms.
    // Returns {1, me} renewed, {2, me} acquired (the key was free: SET NX PX), {0, owner} held by another.
    public const string AcquireOrRenew = """
        local owner = redis.call('GET', KEYS[1])
        if owner == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {1, owner}
        end
        if not owner then
          redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
          return {2, ARGV[1]}
        end
        return {0, owner}
        """;

    // KEYS: 1 lease. ARGV: 1 member id. Deletes the lease only if this member still owns it.
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    // KEYS: 1 members sorted set. ARGV: 1 member id, 2 member timeout ms.
    // Scores are Redis' own clock, so the collectors' clocks need not agree. Drops members whose
    // last heartbeat is older than the timeout and returns the live ones.
    public const string Heartbeat = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])))
        return redis.call('ZRANGE', KEYS[1], 0, -1)
        """;
}
