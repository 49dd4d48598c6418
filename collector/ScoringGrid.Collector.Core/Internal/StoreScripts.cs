namespace ScoringGrid.Collector.Internal;

// Lua run inside Redis. The collector computes every stored string (raw member, rollup, `last`)
// from its in-memory state; the write script only checks that Redis is still in the state that
// computation started from and stores the strings, so a chunk stays atomic and a replay of an
// applied chunk, or a chunk computed from a stale state, changes nothing.
internal static class StoreScripts
{
    // KEYS: 1 last, 2 series, 3 health, 4 errors, then nz raw keys, then nc day keys.
    // ARGV: 1 expected `applied` marker ('' = none), 2 this chunk's marker, 3 scrape ts,
    //       4 '1' if the chunk carries the scrape's health, 5 up, 6 error, 7 nz, 8 nc, 9 nn,
    //       then nz raw members, nc (day, rollup) of closed days, nn (series id, descriptor),
    //       nz (series id, last).
    // Applies the chunk only if health.applied equals ARGV[1]; returns the marker found, so the
    // caller knows the chunk was applied exactly when the reply equals what it expected.
    public const string Write = """
        local found = redis.call('HGET', KEYS[3], 'applied') or ''
        if found ~= ARGV[1] then return found end
        local ts = ARGV[3]
        if ARGV[4] ~= '' then
          local prev = tonumber(redis.call('HGET', KEYS[3], 'ts') or '-1')
          if tonumber(ts) > prev then
            redis.call('HSET', KEYS[3], 'ts', ts, 'up', ARGV[5], 'error', ARGV[6])
            if ARGV[6] ~= '' then
              redis.call('LPUSH', KEYS[4], ts .. ' ' .. ARGV[6])
              redis.call('LTRIM', KEYS[4], 0, 99)
            end
          end
        end
        local nz, nc, nn = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
        local a = 10
        for i = 5, 4 + nz do
          redis.call('ZADD', KEYS[i], ts, ARGV[a])
          a = a + 1
        end
        for i = 5 + nz, 4 + nz + nc do
          redis.call('HSET', KEYS[i], ARGV[a], ARGV[a + 1])
          a = a + 2
        end
        for _ = 1, nn do
          redis.call('HSETNX', KEYS[2], ARGV[a], ARGV[a + 1])
          a = a + 2
        end
        -- One variadic HSET of `last`, in slices: unpack is bounded by Lua's C stack (8,000).
        local n = #ARGV
        while a <= n do
          local b = math.min(a + 3999, n)
          redis.call('HSET', KEYS[1], unpack(ARGV, a, b))
          a = b + 1
        end
        redis.call('HSET', KEYS[3], 'applied', ARGV[2])
        return found
        """;

    // KEYS: 1 last, then pairs (raw, daily) per series. ARGV: 1 raw cutoff ms (exclusive),
    // 2 first day kept, then the series ids in KEYS' order. An open day older than the cutoff
    // (a series that stopped) is cut from its `last` entry, which keeps timestamp, value and flag
    // (as the full layout's first three fields, whatever layout the entry had).
    // Returns the number of raw samples and rollup days removed.
    public const string Trim = """
        local rawCut = tonumber(ARGV[1])
        local dayCut = tonumber(ARGV[2])
        local removed = 0
        for i = 2, #KEYS, 2 do
          removed = removed + redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. rawCut)
          local days = redis.call('HKEYS', KEYS[i + 1])
          for _, d in ipairs(days) do
            if tonumber(d) < dayCut then
              removed = removed + redis.call('HDEL', KEYS[i + 1], d)
            end
          end
          local sid = ARGV[2 + i / 2]
          local last = redis.call('HGET', KEYS[1], sid)
          if last then
            local head, day = string.match(last, '^(%S+ %S+ %S+) (%S+)')
            local ts, value = string.match(last, '^(-?%d+),([^,]+)')
            if ts then
              -- Compact layout: the open day is that of last_ts = ts - lag.
              local lag = tonumber(string.match(last, ',l(%d+)') or '0')
              day = math.floor((tonumber(ts) - lag) / 86400000)
              head = ts .. ' ' .. value .. (string.find(last, ',S$') and ' S' or ' V')
            end
            if day and tonumber(day) < dayCut then
              redis.call('HSET', KEYS[1], sid, head)
              removed = removed + 1
            end
          end
        end
        return removed
        """;
}
