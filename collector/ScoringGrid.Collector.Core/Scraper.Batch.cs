using System.Buffers;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector;

// Turning a scrape into a batch: series lookup, synthetic series, staleness markers.
public sealed partial class Scraper
{
    private ScrapeBatch BuildBatch(
        TargetState state, DateTimeOffset timestamp, ScrapeFailure failure, string? error, TimeSpan duration, IReadOnlyList<Sample> samples)
    {
        // Each scrape needs its own timestamp: writes are idempotent per (series, timestamp).
        var ts = Math.Max(timestamp.ToUnixTimeMilliseconds(), state.LastTimestampMs + 1);
        state.LastTimestampMs = ts;
        var sequence = ++state.Sequence;
        var batch = new ScrapeBatch(state.PlatformId, ts, failure == ScrapeFailure.None, error, samples.Count + state.Live.Count + 3);
        var next = state.Next;
        next.Clear();

        char[] chars = ArrayPool<char>.Shared.Rent(256);
        int[] order = ArrayPool<int>.Shared.Rent(16);
        try
        {
            for (var i = 0; i < samples.Count; i++)
            {
                var sample = samples[i];
                var labels = sample.Labels.Span;
                EnsureCapacity(ref chars, SeriesIdentity.MaxLength(sample.Name, labels));
                EnsureCapacity(ref order, labels.Length);
                var id = chars.AsSpan(0, SeriesIdentity.Write(sample.Name, labels, chars, order));
                if (!state.TryGet(id, out var entry))
                {
                    entry = NewSeries(state.PlatformId, sample.Name, SeriesIdentity.TypeKeyword(sample.Family.Type), labels, new string(id), order);
                    state.Add(entry);
                }

                Add(batch, next, entry, sample.Value, sequence);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(order);
        }

        Add(batch, next, Synthetic(state, "up"), failure == ScrapeFailure.None ? 1 : 0, sequence);
        Add(batch, next, Synthetic(state, "scrape_duration_seconds"), duration.TotalSeconds, sequence);
        Add(batch, next, Synthetic(state, "scrape_samples_scraped"), samples.Count, sequence);

        // A series of the previous scrape that this one lacks (all of them when the target is
        // down) gets a staleness marker now, so readers never carry its old value forward.
        foreach (var previous in state.Live)
        {
            if (previous.LastSeenScrape != sequence)
            {
                batch.Samples.Add(new BatchSample(previous, double.NaN, IsStale: true, WithDescriptor: false));
                batch.StaleMarkers++;
            }
        }

        state.Next = state.Live;
        state.Live = next;
        return batch;
    }

    private static void Add(ScrapeBatch batch, List<SeriesEntry> live, SeriesEntry entry, double value, long sequence)
    {
        if (entry.LastSeenScrape == sequence)
        {
            return; // a duplicate series in one body: the first value wins
        }

        entry.LastSeenScrape = sequence;
        live.Add(entry);
        batch.Samples.Add(new BatchSample(entry, value, IsStale: false, WithDescriptor: !entry.DescriptorStored));
    }

    private static SeriesEntry Synthetic(TargetState state, string name)
    {
        if (!state.TryGet(name, out var entry))
        {
            entry = NewSeries(state.PlatformId, name, "gauge", [], name, []);
            state.Add(entry);
        }

        return entry;
    }

    private static SeriesEntry NewSeries(string platformId, string name, string type, ReadOnlySpan<Label> labels, string id, ReadOnlySpan<int> order)
    {
        // `order` still holds the sorted label indices from building the id.
        var sorted = new KeyValuePair<string, string>[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[order[i]];
            sorted[i] = new KeyValuePair<string, string>(label.Name, label.Value);
        }

        return new SeriesEntry(platformId, id, SeriesDescriptor.Write(name, type, sorted));
    }

    private static void EnsureCapacity<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            ArrayPool<T>.Shared.Return(buffer);
            buffer = ArrayPool<T>.Shared.Rent(length);
        }
    }
}
