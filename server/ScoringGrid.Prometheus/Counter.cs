using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A counter family. Without label names it is used directly (<see cref="Inc()"/>); with label
/// names, obtain a <see cref="CounterChild"/> per label-value tuple once and keep it.
/// </summary>
public sealed class Counter : Metric<CounterChild>
{
    internal Counter(string name, string help, string[] labelNames)
        : base(name, help, MetricType.Counter, labelNames,
            values => new CounterChild(values, TextEscaper.EncodeLabelSet(labelNames, values, openForMore: false)))
    {
    }

    /// <summary>The value of the unlabelled counter.</summary>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public double Value => Unlabelled.Value;

    /// <summary>Adds one to the unlabelled counter.</summary>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public void Inc() => Unlabelled.Inc();

    /// <summary>Adds <paramref name="amount"/> to the unlabelled counter.</summary>
    /// <param name="amount">A finite, non-negative increment.</param>
    /// <exception cref="InvalidOperationException">The counter has label names.</exception>
    public void Inc(double amount) => Unlabelled.Inc(amount);

    private protected override void WriteChild(ref ExpositionWriter writer, CounterChild child) =>
        WriteSample(ref writer, child.EncodedLabels, child.Value);
}
