using ScoringGrid.Prometheus.Internal;

namespace ScoringGrid.Prometheus;

/// <summary>One series of a <see cref="Gauge"/>. Thread-safe and lock-free; updates allocate nothing.</summary>
public sealed class GaugeChild
{
    private double _value;

    internal GaugeChild(string[] labelValues, byte[] encodedLabels)
    {
        LabelValues = Array.AsReadOnly(labelValues);
        EncodedLabels = encodedLabels;
    }

    /// <summary>The label values this series was created for.</summary>
    public IReadOnlyList<string> LabelValues { get; }

    /// <summary>The current value.</summary>
    public double Value => Volatile.Read(ref _value);

    // Pre-encoded `{name="value",…}` (empty for an unlabelled gauge).
    internal byte[] EncodedLabels { get; }

    /// <summary>Sets the value.</summary>
    /// <param name="value">The new value; NaN and infinities are allowed.</param>
    public void Set(double value) => Interlocked.Exchange(ref _value, value);

    /// <summary>Adds <paramref name="amount"/> (default one).</summary>
    /// <param name="amount">The amount to add.</param>
    public void Inc(double amount = 1) => AtomicDouble.Add(ref _value, amount);

    /// <summary>Subtracts <paramref name="amount"/> (default one).</summary>
    /// <param name="amount">The amount to subtract.</param>
    public void Dec(double amount = 1) => AtomicDouble.Add(ref _value, -amount);
}
