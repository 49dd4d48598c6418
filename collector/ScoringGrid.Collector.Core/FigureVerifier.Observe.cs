using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector;

// The aggregations of §7, each returning the value with its evidence.
public sealed partial class FigureVerifier
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    private Task<Observation> ObserveAsync(
        string platformId, FigureRule rule, List<StoredSeries> all, List<StoredSeries> live, DateTimeOffset start, DateTimeOffset end) =>
        rule.Aggregation switch
        {
            FigureAggregation.Latest => Task.FromResult(Latest(live, start)),
            FigureAggregation.DistinctLabelValues => Task.FromResult(Distinct(live, rule.Label!, start)),
            FigureAggregation.MinLatestPerLabelValue => Task.FromResult(MinPerLabel(live, rule.Label!, start)),
            FigureAggregation.MaxDailyMean => MaxDailyMeanAsync(platformId, all, start, end),
            FigureAggregation.Mean => MeanAsync(platformId, all, start, end),
            FigureAggregation.Increase30Days => IncreaseAsync(platformId, all, end - Month, end, perDay: false),
            FigureAggregation.DailyIncreaseMean => IncreaseAsync(platformId, all, start, end, perDay: true),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Aggregation, "not a metric aggregation"),
        };

    private static Observation Latest(List<StoredSeries> live, DateTimeOffset start)
    {
        double sum = 0;
        var (first, last) = Span(live);
        foreach (var s in live)
        {
            sum += s.LastValue ?? 0;
        }

        return new Observation(sum, start, live.Count, live.Count, first, last, "latest",
            $"sum of the newest value of {live.Count} live series, newest at {Time(last!.Value)}");
    }

    private static Observation Distinct(List<StoredSeries> live, string label, DateTimeOffset start)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in live)
        {
            if (s.Labels.TryGetValue(label, out var v) && s.LastValue > 0)
            {
                values.Add(v);
            }
        }

        var (first, last) = Span(live);
        return new Observation(values.Count, start, live.Count, live.Count, first, last, "latest",
            $"distinct '{label}' values with a positive newest value: {string.Join(", ", values)}");
    }

    private static Observation MinPerLabel(List<StoredSeries> live, string label, DateTimeOffset start)
    {
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in live)
        {
            if (s.Labels.TryGetValue(label, out var v))
            {
                sums[v] = sums.GetValueOrDefault(v) + (s.LastValue ?? 0);
            }
        }

        var (first, last) = Span(live);
        if (sums.Count == 0)
        {
            return new Observation(null, start, live.Count, live.Count, first, last, "latest", $"no live series carries the label '{label}'");
        }

        var min = sums.MinBy(static kv => kv.Value);
        return new Observation(min.Value, start, live.Count, live.Count, first, last, "latest",
            $"smallest of {sums.Count} '{label}' values: {min.Key} = {Number(min.Value)}");
    }

    private async Task<Observation> MaxDailyMeanAsync(string platformId, List<StoredSeries> all, DateTimeOffset start, DateTimeOffset end)
    {
        var perDay = new SortedDictionary<DateOnly, double>();
        var acc = new RollupTally();
        foreach (var s in all)
        {
            foreach (var r in await ReadRollupsAsync(platformId, s.Id, start, end).ConfigureAwait(false))
            {
                perDay[r.Day] = perDay.GetValueOrDefault(r.Day) + r.Mean;
                acc.Add(r);
            }
        }

        if (perDay.Count == 0)
        {
            return new Observation(null, start, all.Count, 0, null, null, "daily", "no samples in the window");
        }

        var best = perDay.MaxBy(static kv => kv.Value);
        return new Observation(best.Value, start, all.Count, acc.Count, acc.First, acc.Last, "daily",
            $"largest daily mean (summed over series) of {perDay.Count} days: {Number(best.Value)} on {best.Key:yyyy-MM-dd}");
    }

    private async Task<Observation> MeanAsync(string platformId, List<StoredSeries> all, DateTimeOffset start, DateTimeOffset end)
    {
        var acc = new RollupTally();
        foreach (var s in all)
        {
            foreach (var r in await ReadRollupsAsync(platformId, s.Id, start, end).ConfigureAwait(false))
            {
                acc.Add(r);
            }
        }

        return acc.Count == 0
            ? new Observation(null, start, all.Count, 0, null, null, "daily", "no samples in the window")
            : new Observation(acc.Sum / acc.Count, start, all.Count, acc.Count, acc.First, acc.Last, "daily",
                $"mean of {acc.Count} samples over {acc.Days} series-days");
    }

    private async Task<Observation> IncreaseAsync(string platformId, List<StoredSeries> all, DateTimeOffset from, DateTimeOffset end, bool perDay)
    {
        double total = 0;
        long used = 0;
        var resets = 0;
        long? first = null;
        long? last = null;
        var useRaw = from >= end - _store.Options.RawRetention;
        foreach (var s in all)
        {
            if (useRaw)
            {
                var samples = await _store.ReadSamplesAsync(platformId, s.Id, from.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds()).ConfigureAwait(false);
                var inc = CounterMath.Increase(samples);
                total += inc.Total;
                used += inc.SamplesUsed;
                resets += inc.Resets;
                if (samples.Count > 0)
                {
                    first = Math.Min(first ?? long.MaxValue, samples[0].TimestampMs);
                    last = Math.Max(last ?? long.MinValue, samples[^1].TimestampMs);
                }
            }
            else
            {
                foreach (var r in await ReadRollupsAsync(platformId, s.Id, from, end).ConfigureAwait(false))
                {
                    total += r.Increase;
                    used += r.Count;
                    first = Math.Min(first ?? long.MaxValue, r.FirstTimestampMs);
                    last = Math.Max(last ?? long.MinValue, r.LastTimestampMs);
                }
            }
        }

        var days = (end - from).TotalDays;
        var value = perDay ? total / days : total;
        var how = useRaw
            ? $"exact sum of reset-aware deltas between {used} raw samples of {all.Count} series ({resets} reset(s))"
            : $"sum of daily reset-aware increases over {all.Count} series (raw samples beyond retention)";
        return new Observation(used < 2 ? null : value, from, all.Count, used, first, last, useRaw ? "raw" : "daily",
            perDay ? $"{how}: {Number(total)} over {Number(days)} days" : $"{how}: {Number(total)}");
    }

    private Task<IReadOnlyList<DailyRollup>> ReadRollupsAsync(string platformId, string seriesId, DateTimeOffset start, DateTimeOffset end) =>
        _store.ReadRollupsAsync(platformId, seriesId, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));

    private static (long? First, long? Last) Span(List<StoredSeries> live)
    {
        long? first = null;
        long? last = null;
        foreach (var s in live)
        {
            first = Math.Min(first ?? long.MaxValue, s.LastTimestampMs!.Value);
            last = Math.Max(last ?? long.MinValue, s.LastTimestampMs!.Value);
        }

        return (first, last);
    }
}
