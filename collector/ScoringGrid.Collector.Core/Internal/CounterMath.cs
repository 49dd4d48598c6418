namespace ScoringGrid.Collector.Internal;

// Exact counter arithmetic: the increase is the sum of deltas between consecutive finite
// samples, and a value below its predecessor is a reset, after which the new value itself
// is the delta (the counter restarted from zero). No extrapolation to the window's edges:
// every unit counted lies between two stored samples.
internal static class CounterMath
{
    public static CounterIncrease Increase(IReadOnlyList<StoredSample> samples)
    {
        double total = 0;
        var resets = 0;
        var used = 0;
        double? previous = null;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (sample.IsStale || !double.IsFinite(sample.Value))
            {
                continue; // markers carry no value; the next sample's delta is taken from the last real one
            }

            used++;
            if (previous is { } prev)
            {
                if (sample.Value >= prev)
                {
                    total += sample.Value - prev;
                }
                else
                {
                    total += sample.Value;
                    resets++;
                }
            }

            previous = sample.Value;
        }

        return new CounterIncrease(total, resets, used);
    }
}
