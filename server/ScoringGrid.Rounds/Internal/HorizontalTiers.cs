using System.Buffers;

namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// Ranks one value across a round into tiers. Largest first; equal values share the best
/// position (1, 2, 2, 4); undeclared values (NaN) are not ranked and not counted. With n
/// ranked values and tier fractions t₁ &lt; t₂ &lt; …, position p is in tier k for the first k with
/// p ≤ ⌈tₖ·n⌉, else in tier (count + 1).
/// </summary>
internal static class HorizontalTiers
{
    /// <returns>How many values were ranked (n).</returns>
    public static int Assign(ReadOnlySpan<double> values, IReadOnlyList<double> tiers, Span<int> positions, Span<int> tierOf)
    {
        positions.Clear();
        tierOf.Clear();
        var keys = ArrayPool<double>.Shared.Rent(values.Length);
        var index = ArrayPool<int>.Shared.Rent(values.Length);
        try
        {
            var n = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (!double.IsNaN(values[i]))
                {
                    keys[n] = -values[i];
                    index[n] = i;
                    n++;
                }
            }

            Array.Sort(keys, index, 0, n);
            Span<int> bounds = stackalloc int[tiers.Count];
            for (var t = 0; t < tiers.Count; t++)
            {
                bounds[t] = (int)Math.Ceiling((tiers[t] * n) - 1e-9);
            }

            var position = 0;
            for (var i = 0; i < n; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                {
                    position = i + 1;
                }

                var tier = tiers.Count + 1;
                for (var t = 0; t < bounds.Length; t++)
                {
                    if (position <= bounds[t])
                    {
                        tier = t + 1;
                        break;
                    }
                }

                positions[index[i]] = position;
                tierOf[index[i]] = tier;
            }

            return n;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(index);
        }
    }
}
