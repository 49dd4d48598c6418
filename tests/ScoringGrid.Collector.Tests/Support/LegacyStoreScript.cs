using System.Globalization;
using ScoringGrid.Collector.Internal;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// The write script of the collector before rollups moved into its memory (Lua did all the
/// arithmetic per sample). Data it left in Redis must stay readable and be continued exactly.
/// </summary>
internal static class LegacyStoreScript
{
    /// <summary>Writes one sample per series at <paramref name="ms"/> the old way; returns how many were stored.</summary>
    public static async Task<long> WriteAsync(IDatabase db, string platformId, long ms, params (string SeriesId, double Value, bool Stale)[] samples)
    {
        var keys = new List<RedisKey> { RedisKeys.Last(platformId), RedisKeys.Series(platformId), RedisKeys.Health(platformId), RedisKeys.Errors(platformId) };
        var ts = ms.ToString(CultureInfo.InvariantCulture);
        var args = new List<RedisValue> { samples.Length, ts, "1", string.Empty };
        foreach (var (id, value, stale) in samples)
        {
            keys.Add(RedisKeys.Raw(platformId, id));
            keys.Add(RedisKeys.Daily(platformId, id));
            args.AddRange([id, ts, stale ? "S" : ValueText.Format(value), SeriesDescriptor.Write(id, "gauge", [])]);
        }

        return (long)await db.ScriptEvaluateAsync(Write, [.. keys], [.. args]);
    }

    // Verbatim from collector/ScoringGrid.Collector.Core/Internal/StoreScripts.cs before the change.
    // KEYS: 1 last, 2 series, 3 health, 4 errors, then per sample i (0-based): 5+2i raw, 6+2i daily.
    // ARGV: 1 n, 2 scrape ts ('' = not the batch's first chunk), 3 up, 4 error,
    //       then per sample 4 values: series id, ts, value text ('S' = stale marker), descriptor ('' = known).
    private const string Write = """
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
}
