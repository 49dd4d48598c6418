using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Following registrations made through other collectors that share the targets.
public sealed partial class TargetRegistry
{
    /// <summary>
    /// Re-reads the persisted targets, so that registrations and removals made through another
    /// collector take effect here (the scheduler calls it periodically when collectors share
    /// targets). A target whose stored form did not change keeps its instance, so its scrape loop
    /// runs on undisturbed; an invalid stored entry is skipped.
    /// </summary>
    /// <returns>Whether the targets changed.</returns>
    /// <exception cref="RedisException">Redis is unavailable; nothing changed.</exception>
    public async Task<bool> RefreshAsync()
    {
        var before = Interlocked.Read(ref _localChanges);
        var entries = await _redis.GetDatabase().HashGetAllAsync(RedisKeys.Targets).Within(_redis).ConfigureAwait(false);
        var changed = false;
        lock (_gate)
        {
            // A registration here while the read was under way may be missing from it: the next refresh sees it.
            if (Interlocked.Read(ref _localChanges) != before)
            {
                return false;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var id = (string)entry.Name!;
                var json = (string)entry.Value!;
                seen.Add(id);
                if (_persisted.TryGetValue(id, out var known) && known.Json == json)
                {
                    continue;
                }

                if (TryRead(json) is { } target && target.PlatformId == id)
                {
                    changed |= SetPersisted(target, json);
                }
            }

            foreach (var id in _persisted.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                _persisted.Remove(id);
                changed |= Publish(id);
            }
        }

        if (changed)
        {
            Changed?.Invoke();
        }

        return changed;
    }

    private static ScrapeTarget? TryRead(string json)
    {
        try
        {
            var target = TargetJson.Read(json);
            target.Validate();
            return target;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException or FormatException or TargetConfigException)
        {
            return null;
        }
    }
}
