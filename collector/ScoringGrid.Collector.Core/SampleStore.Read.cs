using System.Globalization;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Common;
using StackExchange.Redis;

namespace ScoringGrid.Collector;

// Reads: the series index, raw samples, rollups and health.
public sealed partial class SampleStore
{
    /// <summary>Lists a platform's stored series with their newest state.</summary>
    /// <param name="platformId">The platform.</param>
    /// <returns>The series, unordered; empty for an unknown platform.</returns>
    public async Task<IReadOnlyList<StoredSeries>> GetSeriesAsync(string platformId)
    {
        var db = _redis.GetDatabase();
        var indexTask = db.HashGetAllAsync(RedisKeys.Series(platformId));
        var lastTask = db.HashGetAllAsync(RedisKeys.Last(platformId));
        var index = await indexTask.Within(_redis).ConfigureAwait(false);
        var last = await lastTask.Within(_redis).ConfigureAwait(false);
        var lastById = new Dictionary<string, LastRecord>(last.Length, StringComparer.Ordinal);
        foreach (var entry in last)
        {
            lastById[entry.Name!] = LastRecord.Parse(entry.Value!);
        }

        var result = new List<StoredSeries>(index.Length);
        foreach (var entry in index)
        {
            var id = (string)entry.Name!;
            var (name, type, labels) = SeriesDescriptor.Read(entry.Value!);
            var found = lastById.TryGetValue(id, out var state);
            result.Add(new StoredSeries(
                id,
                name,
                type,
                labels,
                found ? state.TimestampMs : null,
                found ? state.Value : null,
                found && state.IsStale));
        }

        return result;
    }

    /// <summary>Reads raw samples and staleness markers with <paramref name="fromMs"/> ≤ time ≤ <paramref name="toMs"/>, oldest first.</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="seriesId">The series id (<see cref="StoredSeries.Id"/>).</param>
    /// <param name="fromMs">Range start, inclusive.</param>
    /// <param name="toMs">Range end, inclusive.</param>
    public async Task<IReadOnlyList<StoredSample>> ReadSamplesAsync(string platformId, string seriesId, long fromMs, long toMs)
    {
        var members = await _redis.GetDatabase()
            .SortedSetRangeByScoreAsync(RedisKeys.Raw(platformId, seriesId), fromMs, toMs)
            .Within(_redis)
            .ConfigureAwait(false);
        var samples = new List<StoredSample>(members.Length);
        foreach (var member in members)
        {
            samples.Add(ParseMember(member!));
        }

        return samples;
    }

    /// <summary>Reads daily rollups for the UTC days <paramref name="from"/>..<paramref name="to"/> inclusive, oldest first.</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="seriesId">The series id.</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    public async Task<IReadOnlyList<DailyRollup>> ReadRollupsAsync(string platformId, string seriesId, DateOnly from, DateOnly to)
    {
        // Closed days are in the day hash, the open one in `last`. `last` is read first: a write
        // that closes the day in between puts the final rollup in the hash, which has the newer
        // last_ts and wins below (as it does over a day hash field an older collector left open).
        var db = _redis.GetDatabase();
        var lastTask = db.HashGetAsync(RedisKeys.Last(platformId), seriesId);
        var entriesTask = db.HashGetAllAsync(RedisKeys.Daily(platformId, seriesId));
        var last = await lastTask.Within(_redis).ConfigureAwait(false);
        var entries = await entriesTask.Within(_redis).ConfigureAwait(false);
        var result = new List<DailyRollup>(entries.Length + 1);
        foreach (var entry in entries)
        {
            result.Add(StoredText.ParseRollup(long.Parse((string)entry.Name!, CultureInfo.InvariantCulture), entry.Value!));
        }

        if (!last.IsNull && LastRecord.Parse(last!).OpenDay is { } open)
        {
            var same = result.FindIndex(r => r.Day == open.Day);
            if (same < 0)
            {
                result.Add(open);
            }
            else if (open.LastTimestampMs > result[same].LastTimestampMs)
            {
                result[same] = open;
            }
        }

        result.RemoveAll(r => r.Day < from || r.Day > to);
        result.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        return result;
    }

    /// <summary>Reads the platform's scrape health, or <see langword="null"/> if it was never scraped.</summary>
    /// <param name="platformId">The platform.</param>
    public async Task<ScrapeHealth?> GetHealthAsync(string platformId)
    {
        var db = _redis.GetDatabase();
        var healthTask = db.HashGetAllAsync(RedisKeys.Health(platformId));
        var errorsTask = db.ListRangeAsync(RedisKeys.Errors(platformId));
        var health = await healthTask.Within(_redis).ConfigureAwait(false);
        var errors = await errorsTask.Within(_redis).ConfigureAwait(false);
        if (health.Length == 0)
        {
            return null;
        }

        var fields = health.ToStringDictionary();
        var error = fields.GetValueOrDefault("error");
        return new ScrapeHealth(
            long.Parse(fields["ts"], CultureInfo.InvariantCulture),
            fields.GetValueOrDefault("up") == "1",
            string.IsNullOrEmpty(error) ? null : error,
            Array.ConvertAll(errors, static e => (string)e!));
    }

    internal const int EpochDayNumber = 719162; // DateOnly(1970, 1, 1).DayNumber

    private static StoredSample ParseMember(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        var ts = long.Parse(member.AsSpan(0, colon), CultureInfo.InvariantCulture);
        var value = member.AsSpan(colon + 1);
        return value is "S"
            ? new StoredSample(ts, double.NaN, IsStale: true)
            : new StoredSample(ts, ValueText.Parse(value), IsStale: false);
    }
}
