using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A gauge family. Without label names it is used directly; with label names, obtain a
/// <see cref="GaugeChild"/> per label-value tuple once and keep it. For values computed at
/// scrape time (in-flight calls, cache sizes) set them from a
/// <see cref="MetricRegistry.AddCollectCallback(Action)"/> callback.
/// </summary>
public sealed class Gauge : Metric
{
    private readonly ChildSet<GaugeChild>? _children;
    private readonly GaugeChild? _unlabelled;

    internal Gauge(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Gauge, labelNames)
    {
        if (labelNames.Length == 0)
        {
            _unlabelled = new GaugeChild([], []);
        }
        else
        {
            _children = new ChildSet<GaugeChild>(
                name,
                labelNames,
                values => new GaugeChild(values, TextEscaper.EncodeLabelSet(labelNames, values, openForMore: false)));
        }
    }

    /// <summary>The value of the unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has label names.</exception>
    public double Value => Unlabelled.Value;

    private GaugeChild Unlabelled => _unlabelled ?? throw ExceptionFactory.LabelsRequired(Name, LabelNames.Count);

    /// <summary>The child for these label values, created on first use. Cache the result.</summary>
    /// <param name="labelValues">One value per label name, in <see cref="Metric.LabelNames"/> order.</param>
    /// <exception cref="ArgumentException">The number of values does not match the label names.</exception>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public GaugeChild WithLabels(params ReadOnlySpan<string> labelValues)
    {
        if (_children is not null)
        {
            return _children.GetOrAdd(labelValues);
        }

        return labelValues.Length == 0
            ? _unlabelled!
            : throw ExceptionFactory.LabelCountMismatch(Name, 0, labelValues.Length, nameof(labelValues));
    }

    /// <summary>Sets the unlabelled gauge.</summary>
    /// <param name="value">The new value.</param>
    /// <exception cref="InvalidOperationException">The gauge has label names.</exception>
    public void Set(double value) => Unlabelled.Set(value);

    /// <summary>Adds <paramref name="amount"/> (default one) to the unlabelled gauge.</summary>
    /// <param name="amount">The amount to add.</param>
    /// <exception cref="InvalidOperationException">The gauge has label names.</exception>
    public void Inc(double amount = 1) => Unlabelled.Inc(amount);

    /// <summary>Subtracts <paramref name="amount"/> (default one) from the unlabelled gauge.</summary>
    /// <param name="amount">The amount to subtract.</param>
    /// <exception cref="InvalidOperationException">The gauge has label names.</exception>
    public void Dec(double amount = 1) => Unlabelled.Dec(amount);

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

    private void WriteChild(ref ExpositionWriter writer, GaugeChild child)
    {
        writer.Write(NameBytes);
        writer.Write(child.EncodedLabels);
        writer.WriteByte((byte)' ');
        writer.WriteDouble(child.Value);
        writer.WriteByte((byte)'\n');
    }
}
