using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A counter family. Without label names it is used directly (<see cref="Inc()"/>); with label
/// names, obtain a <see cref="CounterChild"/> per label-value tuple once and keep it.
/// </summary>
public sealed class Counter : Metric
{
    private readonly ChildSet<CounterChild>? _children;
    private readonly CounterChild? _unlabelled;

    internal Counter(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Counter, labelNames)
    {
        if (labelNames.Length == 0)
        {
            _unlabelled = new CounterChild([], []);
        }
        else
        {
            _children = new ChildSet<CounterChild>(
                name,
                labelNames,
                values => new CounterChild(values, TextEscaper.EncodeLabelSet(labelNames, values, openForMore: false)));
        }
    }

    /// <summary>The value of the unlabelled counter.</summary>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public double Value => Unlabelled.Value;

    private CounterChild Unlabelled => _unlabelled ?? throw ExceptionFactory.LabelsRequired(Name, LabelNames.Count);

    /// <summary>
    /// The child for these label values, created on first use. Cache the result: lookups are
    /// lock-free but the child itself is what makes <c>Inc()</c> allocation-free.
    /// </summary>
    /// <param name="labelValues">One value per label name, in <see cref="Metric.LabelNames"/> order.</param>
    /// <exception cref="ArgumentException">The number of values does not match the label names.</exception>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public CounterChild WithLabels(params ReadOnlySpan<string> labelValues)
    {
        if (_children is not null)
        {
            return _children.GetOrAdd(labelValues);
        }

        return labelValues.Length == 0
            ? _unlabelled!
            : throw ExceptionFactory.LabelCountMismatch(Name, 0, labelValues.Length, nameof(labelValues));
    }

    /// <summary>Adds one to the unlabelled counter.</summary>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public void Inc() => Unlabelled.Inc();

    /// <summary>Adds <paramref name="amount"/> to the unlabelled counter.</summary>
    /// <param name="amount">A finite, non-negative increment.</param>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public void Inc(double amount) => Unlabelled.Inc(amount);

    internal override bool HasSamples => _unlabelled is not null || _children!.Snapshot.Length > 0;

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

    private void WriteChild(ref ExpositionWriter writer, CounterChild child)
    {
        writer.Write(NameBytes);
        writer.Write(child.EncodedLabels);
        writer.WriteByte((byte)' ');
        writer.WriteDouble(child.Value);
        writer.WriteByte((byte)'\n');
    }
}
