using System.Collections.Concurrent;

namespace ScoringGrid.Prometheus.Internal;

// The children of one labelled metric: a lock-free lookup by label values, plus a sorted
// copy-on-write snapshot so a scrape walks children in a stable order without sorting or
// allocating.
internal sealed class ChildSet<TChild>
    where TChild : class
{
    private readonly string _metricName;
    private readonly string[] _labelNames;
    private readonly Func<string[], TChild> _create;
    private readonly ConcurrentDictionary<string[], TChild> _byValues;
    private readonly ConcurrentDictionary<string[], TChild>.AlternateLookup<ReadOnlySpan<string>> _lookup;
    private readonly Lock _gate = new();
    private Entry[] _sorted = [];

    public ChildSet(string metricName, string[] labelNames, Func<string[], TChild> create)
    {
        _metricName = metricName;
        _labelNames = labelNames;
        _create = create;
        _byValues = new ConcurrentDictionary<string[], TChild>(LabelValuesComparer.Instance);
        _lookup = _byValues.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    // Children in ordinal order of their label values, as of the last insertion.
    public ReadOnlySpan<Entry> Snapshot => Volatile.Read(ref _sorted);

    public TChild GetOrAdd(ReadOnlySpan<string> labelValues)
    {
        if (_lookup.TryGetValue(labelValues, out var existing))
        {
            return existing;
        }

        Validate(labelValues);
        lock (_gate)
        {
            if (_lookup.TryGetValue(labelValues, out existing))
            {
                return existing;
            }

            var key = labelValues.ToArray();
            var child = _create(key);
            Insert(new Entry(key, child));

            // Publish to the lookup last: a reader that finds the child also finds it on /metrics.
            _byValues[key] = child;
            return child;
        }
    }

    private void Validate(ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != _labelNames.Length)
        {
            throw ExceptionFactory.LabelCountMismatch(_metricName, _labelNames.Length, labelValues.Length, nameof(labelValues));
        }

        for (var i = 0; i < labelValues.Length; i++)
        {
            if (labelValues[i] is null)
            {
                throw ExceptionFactory.NullLabelValue(_metricName, _labelNames[i], nameof(labelValues));
            }
        }
    }

    private void Insert(Entry entry)
    {
        // Binary search for the first child not before the new one: a process that labels by
        // target (the collector: thousands) inserts each child once, and a linear scan made
        // that quadratic in comparisons while targets come up.
        var old = _sorted;
        int lo = 0, hi = old.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (LabelValuesComparer.Compare(old[mid].LabelValues, entry.LabelValues) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var index = lo;

        var next = new Entry[old.Length + 1];
        old.AsSpan(0, index).CopyTo(next);
        next[index] = entry;
        old.AsSpan(index).CopyTo(next.AsSpan(index + 1));
        Volatile.Write(ref _sorted, next);
    }

    // One child with the label values it was created for.
    internal readonly record struct Entry(string[] LabelValues, TChild Child);
}
