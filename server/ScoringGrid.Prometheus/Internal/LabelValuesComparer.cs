namespace ScoringGrid.Prometheus.Internal;

// Compares label-value tuples by ordinal content. The alternate span comparer lets
// <c>WithLabels(...)</c> look up an existing child without copying its arguments.
internal sealed class LabelValuesComparer :
    IEqualityComparer<string[]>,
    IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>
{
    public static readonly LabelValuesComparer Instance = new();

    public bool Equals(string[]? x, string[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && SpanEquals(x, y));

    public int GetHashCode(string[] obj) => GetHashCode((ReadOnlySpan<string>)obj);

    public bool Equals(ReadOnlySpan<string> alternate, string[] other) => SpanEquals(alternate, other);

    public int GetHashCode(ReadOnlySpan<string> alternate)
    {
        var hash = new HashCode();
        foreach (var value in alternate)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();

    // Ordinal, element by element: the order children appear in on /metrics.
    public static int Compare(string[] x, string[] y)
    {
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static bool SpanEquals(ReadOnlySpan<string> x, ReadOnlySpan<string> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
