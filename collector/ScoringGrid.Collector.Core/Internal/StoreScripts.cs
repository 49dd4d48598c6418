namespace ScoringGrid.Collector.Internal;

// Lua run inside Redis. Scripts make a chunk of samples atomic and idempotent: a sample is
// applied only if it is newer than the series' newest stored sample, and the raw sample, the
// series' "last" record and its daily rollup change together, so a replayed or half-sent
// batch can neither lose nor double count an increase.
internal static class StoreScripts
{
    // KEYS: 1 last, 2 series, 3 health, 4 errors, then per sample i (0-based): 5+2i raw, 6+2i daily.
    // ARGV: 1 n, 2 scrape ts ('' = not the batch's first chunk), 3 up, 4 error,
    //       then per sample 4 values: series id, ts, value text ('S' = stale marker), descriptor ('' = known).
    // Values: finite numbers in round-trip text, or NaN / +Inf / -Inf (stored, not rolled up).
    // last[sid] = "<ts> <last finite value or _> <S|V>"; daily[day] = "count sum min max last increase first_ts last_ts".
    public const string Write = """
        local n = tonumber(ARGV[1])
        if ARGV[2] ~= '' then
          local prev = tonumber(redis.call('HGET', KEYS[3], 'ts') or '-1')
          if tonumber(ARGV[2]) > prev then
            redis.call('HSET', KEYS[3], 'ts', ARGV[2], 'up', ARGV[3], 'error', ARGV[4])
            if ARGV[4] ~= '' then
              redis.call('LPUSH', KEYS[4], ARGV[2] .. ' ' .. ARGV[4])
              redis.call('LTRIM', KEYS[4], 0, 99)
            end
          end
        end
        local written = 0
        for i = 0, n - 1 do
          local a = 5 + i * 4
          local sid, tsText, v, desc = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
          local ts = tonumber(tsText)
          if desc ~= '' then redis.call('HSETNX', KEYS[2], sid, desc) end
          local lastTs, lastText = -1, '_'
          local last = redis.call('HGET', KEYS[1], sid)
          if last then
            local t, lv = string.match(last, '^(%S+) (%S+)')
            lastTs = tonumber(t)
            lastText = lv
          end
          if ts > lastTs then
            written = written + 1
            redis.call('ZADD', KEYS[5 + i * 2], ts, tsText .. ':' .. v)
            local x = nil
            if v ~= 'S' then x = tonumber(v) end
            if x == nil or x ~= x or x == math.huge or x == -math.huge then
              local flag = 'V'
              if v == 'S' then flag = 'S' end
              redis.call('HSET', KEYS[1], sid, tsText .. ' ' .. lastText .. ' ' .. flag)
            else
              local inc = 0
              local lastVal = tonumber(lastText)
              if lastVal then
                if x >= lastVal then inc = x - lastVal else inc = x end
              end
              local day = tostring(math.floor(ts / 86400000))
              local r = redis.call('HGET', KEYS[6 + i * 2], day)
              local c, s, mn, mx, ic, ft = 1, x, x, x, inc, tsText
              if r then
                local rc, rs, rmn, rmx, rl, ric, rft = string.match(r, '^(%S+) (%S+) (%S+) (%S+) (%S+) (%S+) (%S+)')
                c = tonumber(rc) + 1
                s = tonumber(rs) + x
                mn = math.min(tonumber(rmn), x)
                mx = math.max(tonumber(rmx), x)
                ic = tonumber(ric) + inc
                ft = rft
              end
              local xText = string.format('%.17g', x)
              redis.call('HSET', KEYS[6 + i * 2], day, string.format('%d %.17g %.17g %.17g %s %.17g %s %s', c, s, mn, mx, xText, ic, ft, tsText))
              redis.call('HSET', KEYS[1], sid, tsText .. ' ' .. xText .. ' V')
            end
          end
        end
        return written
        """;

    // KEYS: pairs (raw, daily) per series. ARGV: 1 raw cutoff ms (exclusive), 2 first day kept.
    // Returns the number of raw samples and rollup days removed.
    public const string Trim = """
        local rawCut = tonumber(ARGV[1])
        local dayCut = tonumber(ARGV[2])
        local removed = 0
        for i = 1, #KEYS, 2 do
          removed = removed + redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. rawCut)
          local days = redis.call('HKEYS', KEYS[i + 1])
          for _, d in ipairs(days) do
            if tonumber(d) < dayCut then
              removed = removed + redis.call('HDEL', KEYS[i + 1], d)
            end
          end
        end
        return removed
        """;
}
