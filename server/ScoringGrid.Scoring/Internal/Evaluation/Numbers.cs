using System.Globalization;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>How numbers appear in explanations: thousands separators, at most two decimals.</summary>
internal static class Numbers
{
    /// <summary>Formats e.g. 1240 as "1,240" and 79.5 as "79.5"; standard formats only (custom ones are several times slower).</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "not declared";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            var whole = (long)value;
            return whole is >= 0 and < 1000 ? SmallIntegers.Get((int)whole) : whole.ToString("N0", CultureInfo.InvariantCulture);
        }

        Span<char> buffer = stackalloc char[40];
        if (!value.TryFormat(buffer, out var written, "N2", CultureInfo.InvariantCulture))
        {
            return value.ToString("N2", CultureInfo.InvariantCulture);
        }

        // "3.50" → "3.5", "3.00" cannot happen here (integers took the path above).
        while (buffer[written - 1] == '0')
        {
            written--;
        }

        return new string(buffer[..written]);
    }

    /// <summary>0–999 as strings, made once: thresholds and counts are mostly small.</summary>
    private static class SmallIntegers
    {
        private static readonly string[] Cache = CreateCache();

        public static string Get(int value) => Cache[value];

        private static string[] CreateCache()
        {
            var cache = new string[1000];
            for (var i = 0; i < cache.Length; i++)
            {
                cache[i] = i.ToString(CultureInfo.InvariantCulture);
            }

            return cache;
        }
    }
}
