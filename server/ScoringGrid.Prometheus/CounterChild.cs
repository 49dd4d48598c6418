using ScoringGrid.Prometheus.Internal;

namespace ScoringGrid.Prometheus;

/// <summary>
/// One series of a <see cref="Counter"/>. Thread-safe and lock-free; increments allocate nothing.
/// </summary>
public sealed class CounterChild
{
    // Whole increments (the common case) are one Interlocked.Increment; fractional amounts
    // go to a separate double updated by compare-and-swap.
    private const double WholeLimit = 9_007_199_254_740_992d; // 2^53

    private long _whole;
    private double _fraction;

    internal CounterChild(string[] labelValues, byte[] encodedLabels)
    {
        LabelValues = Array.AsReadOnly(labelValues);
        EncodedLabels = encodedLabels;
    }

    /// <summary>The label values this series was created for.</summary>
    public IReadOnlyList<string> LabelValues { get; }

    /// <summary>The current value.</summary>
    public double Value => Interlocked.Read(ref _whole) + Volatile.Read(ref _fraction);

    // Pre-encoded `{name="value",…}` (empty for an unlabelled counter).
    internal byte[] EncodedLabels { get; }

    /// <summary>Adds one.</summary>
    public void Inc() => Interlocked.Increment(ref _whole);

    /// <summary>Adds a whole number.</summary>
    /// <param name="amount">A non-negative increment.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public void Inc(long amount)
    {
        if (amount < 0)
        {
            throw ExceptionFactory.NegativeIncrement(nameof(amount), amount);
        }

        Interlocked.Add(ref _whole, amount);
    }

    /// <summary>Adds <paramref name="amount"/>.</summary>
    /// <param name="amount">A finite, non-negative increment.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, NaN or infinite.</exception>
    public void Inc(double amount)
    {
        // The negated comparison also rejects NaN.
        if (!(amount >= 0) || double.IsPositiveInfinity(amount))
        {
            throw ExceptionFactory.NegativeIncrement(nameof(amount), amount);
        }

        // Whole amounts stay exact in the long part; doubles lose integers above 2^53.
        if (amount < WholeLimit && amount == Math.Floor(amount))
        {
            Interlocked.Add(ref _whole, (long)amount);
            return;
        }

        AtomicDouble.Add(ref _fraction, amount);
    }
}
