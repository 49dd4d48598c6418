namespace ScoringGrid.Prometheus.Internal;

// Lock-free arithmetic on a double field: a compare-and-swap loop over its bits, the same
// trick Prometheus' Go client uses, so hot paths never take a lock.
internal static class AtomicDouble
{
    public static void Add(ref double location, double amount)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + amount, current);

            // Compare bits, not values: NaN != NaN would otherwise spin forever once the sum is NaN.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}
