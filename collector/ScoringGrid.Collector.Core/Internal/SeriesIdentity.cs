using System.Buffers;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Internal;

// Builds a series' canonical id, `name{a="1",b="2"}` with labels sorted by name and values
// escaped as in the exposition format, into a caller's buffer: looking a known series up
// costs no allocation.
internal static class SeriesIdentity
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\"\n");

    public static int MaxLength(string name, ReadOnlySpan<Label> labels)
    {
        var length = name.Length + 2;
        foreach (var label in labels)
        {
            // Worst case every value character is escaped.
            length += label.Name.Length + (2 * label.Value.Length) + 4;
        }

        return length;
    }

    // Writes the id into `destination` (at least MaxLength long) and returns its length.
    // `order` is scratch space of labels.Length ints.
    public static int Write(string name, ReadOnlySpan<Label> labels, Span<char> destination, Span<int> order)
    {
        name.AsSpan().CopyTo(destination);
        var at = name.Length;
        if (labels.Length == 0)
        {
            return at;
        }

        // Insertion sort of indices: label sets are small and usually already sorted.
        for (var i = 0; i < labels.Length; i++)
        {
            var j = i;
            while (j > 0 && string.CompareOrdinal(labels[order[j - 1]].Name, labels[i].Name) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        destination[at++] = '{';
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[order[i]];
            if (i > 0)
            {
                destination[at++] = ',';
            }

            label.Name.AsSpan().CopyTo(destination[at..]);
            at += label.Name.Length;
            destination[at++] = '=';
            destination[at++] = '"';
            at += Escape(label.Value, destination[at..]);
            destination[at++] = '"';
        }

        destination[at++] = '}';
        return at;
    }

    // Copies `value` escaped into `destination` and returns the length written. Values rarely
    // need escaping: runs between escapes are found with a vectorised search and copied whole.
    private static int Escape(ReadOnlySpan<char> value, Span<char> destination)
    {
        var at = 0;
        while (true)
        {
            var next = value.IndexOfAny(Escaped);
            if (next < 0)
            {
                value.CopyTo(destination[at..]);
                return at + value.Length;
            }

            value[..next].CopyTo(destination[at..]);
            at += next;
            destination[at++] = '\\';
            destination[at++] = value[next] == '\n' ? 'n' : value[next];
            value = value[(next + 1)..];
        }
    }

    public static string Create(string name, ReadOnlySpan<Label> labels)
    {
        var chars = ArrayPool<char>.Shared.Rent(MaxLength(name, labels));
        var order = ArrayPool<int>.Shared.Rent(Math.Max(1, labels.Length));
        try
        {
            return new string(chars, 0, Write(name, labels, chars, order));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    public static string TypeKeyword(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        MetricType.GaugeHistogram => "gaugehistogram",
        MetricType.StateSet => "stateset",
        MetricType.Info => "info",
        _ => "untyped",
    };
}
