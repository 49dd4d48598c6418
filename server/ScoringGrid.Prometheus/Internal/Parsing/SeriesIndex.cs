namespace ScoringGrid.Prometheus.Internal.Parsing;

// Detects a series written twice in one body. Label order does not matter (`{a,b}` and
// `{b,a}` are one series). Hash collisions are resolved by comparing the samples themselves,
// chained through an index array, so no per-series key is allocated.
internal sealed class SeriesIndex
{
    private readonly Dictionary<int, int> _lastWithHash;
    private readonly List<int> _previousWithHash;

    public SeriesIndex(int expectedSeries)
    {
        _lastWithHash = new Dictionary<int, int>(expectedSeries);
        _previousWithHash = new List<int>(expectedSeries);
    }

    // Records sample <paramref name="index"/> (which must be the next index) unless an equal
    // series was recorded before; returns the earlier sample's index or -1.
    public int Add(string name, ReadOnlySpan<Label> labels, List<Sample> samples, int index)
    {
        var hash = Hash(name, labels);
        if (_lastWithHash.TryGetValue(hash, out var candidate))
        {
            for (var i = candidate; i >= 0; i = _previousWithHash[i])
            {
                var other = samples[i];
                if (string.Equals(other.Name, name, StringComparison.Ordinal) && SameLabelSet(other.Labels.Span, labels))
                {
                    return i;
                }
            }
        }
        else
        {
            candidate = -1;
        }

        _previousWithHash.Add(candidate);
        _lastWithHash[hash] = index;
        return -1;
    }

    private static int Hash(string name, ReadOnlySpan<Label> labels)
    {
        // A sum of per-label hashes is independent of label order.
        var sum = 0;
        foreach (var label in labels)
        {
            sum += HashCode.Combine(label.Name, label.Value);
        }

        return HashCode.Combine(name, sum);
    }

    private static bool SameLabelSet(ReadOnlySpan<Label> a, ReadOnlySpan<Label> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        // Labels within a sample have unique names, so containment both ways is equality.
        foreach (var label in a)
        {
            if (b.IndexOf(label) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
