using System.Buffers;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Internal;

// Builds a series' canonical id, `name{a="1",b="2"}` with labels sorted by name and values
// escaped as in the exposition format, into a caller's buffer: looking a known series up
// costs no allocation.
internal static class SeriesIdentity
{
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
            foreach (var c in label.Value)
            {
                switch (c)
                {
                    case '\\': destination[at++] = '\\'; destination[at++] = '\\'; break;
                    case '"': destination[at++] = '\\'; destination[at++] = '"'; break;
                    case '\n': destination[at++] = '\\'; destination[at++] = 'n'; break;
                    default: destination[at++] = c; break;
                }
            }

            destination[at++] = '"';
        }

        destination[at++] = '}';
        return at;
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
