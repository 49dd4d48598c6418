using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A gauge family. Without label names it is used directly; with label names, obtain a
/// <see cref="GaugeChild"/> per label-value tuple once and keep it. For values computed at
/// scrape time (in-flight calls, cache sizes) set them from a
/// <see cref="MetricRegistry.AddCollectCallback(Action)"/> callback.
/// </summary>
public sealed class Gauge : Metric<GaugeChild>
{
    internal Gauge(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Gauge, labelNames,
            values => new GaugeChild(values, TextEscaper.EncodeLabelSet(labelNames, values, openForMore: false)))
    {
    }

    /// <summary>The value of the unlabelled gauge.</summary>
    /// <exception cref="InvalidOperationException">The gauge has label names.</exception>
    public double Value => Unlabelled.Value;

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

    private protected override void WriteChild(ref ExpositionWriter writer, GaugeChild child) =>
        WriteSample(ref writer, child.EncodedLabels, child.Value);
}
