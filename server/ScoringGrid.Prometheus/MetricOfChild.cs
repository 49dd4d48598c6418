using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A metric family whose series are <typeparamref name="TChild"/> objects: one per label-value
/// tuple, created on first use, or a single unlabelled one when the family has no label names.
/// </summary>
/// <typeparam name="TChild">The series type (<see cref="CounterChild"/>, <see cref="GaugeChild"/>, <see cref="HistogramChild"/>).</typeparam>
public abstract class Metric<TChild> : Metric
    where TChild : class
{
    private readonly ChildSet<TChild>? _children;
    private readonly TChild? _unlabelled;

    private protected Metric(string name, string help, MetricType type, string[] labelNames, Func<string[], TChild> createChild)
        : base(name, help, type, labelNames)
    {
        if (labelNames.Length == 0)
        {
            _unlabelled = createChild([]);
        }
        else
        {
            _children = new ChildSet<TChild>(name, labelNames, createChild);
        }
    }

    internal override bool HasSamples => _unlabelled is not null || _children!.Snapshot.Length > 0;

    /// <summary>The single series of a family without label names.</summary>
    /// <exception cref="InvalidOperationException">The family has label names.</exception>
    private protected TChild Unlabelled => _unlabelled ?? throw ExceptionFactory.LabelsRequired(Name, LabelNames.Count);

    /// <summary>
    /// The series for these label values, created on first use. Keep it: lookups are lock-free, but
    /// holding the child is what makes updates allocation-free.
    /// </summary>
    /// <param name="labelValues">One value per label name, in <see cref="Metric.LabelNames"/> order.</param>
    /// <exception cref="ArgumentException">The number of values does not match the label names.</exception>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public TChild WithLabels(params ReadOnlySpan<string> labelValues)
    {
        if (_children is not null)
        {
            return _children.GetOrAdd(labelValues);
        }

        return labelValues.Length == 0
            ? _unlabelled!
            : throw ExceptionFactory.LabelCountMismatch(Name, 0, labelValues.Length, nameof(labelValues));
    }

    internal override void WriteSamples(ref ExpositionWriter writer)
    {
        if (_unlabelled is not null)
        {
            WriteChild(ref writer, _unlabelled);
            return;
        }

        foreach (var entry in _children!.Snapshot)
        {
            WriteChild(ref writer, entry.Child);
        }
    }

    /// <summary>Writes the sample lines of one series.</summary>
    private protected abstract void WriteChild(ref ExpositionWriter writer, TChild child);

    /// <summary>Writes one <c>name{labels} value</c> line.</summary>
    private protected void WriteSample(ref ExpositionWriter writer, byte[] encodedLabels, double value)
    {
        writer.Write(NameBytes);
        writer.Write(encodedLabels);
        writer.WriteByte((byte)' ');
        writer.WriteDouble(value);
        writer.WriteByte((byte)'\n');
    }
}
