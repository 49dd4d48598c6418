using System.Globalization;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>How numbers appear in explanations: thousands separators, at most two decimals.</summary>
internal static class Numbers
{
    /// <summary>The most bytes <see cref="Write"/> writes (double.MaxValue with its separators takes ~415).</summary>
    public const int MostBytes = 512;

    /// <summary>Formats e.g. 1240 as "1,240" and 79.5 as "79.5"; standard formats only (custom ones are several times slower).</summary>
    public static string Format(double value)
    {
        if (value == Math.Floor(value) && value is >= 0 and < 1000)
        {
            return SmallIntegers.Get((int)value);
        }

        Span<byte> buffer = stackalloc byte[MostBytes];
        return Encoding.ASCII.GetString(buffer[..Write(value, buffer)]);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="Format"/> shows it, as UTF-8 (all ASCII), into
    /// <paramref name="destination"/> of at least <see cref="MostBytes"/>; returns the bytes written.
    /// </summary>
    public static int Write(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            "not declared"u8.CopyTo(destination);
            return "not declared"u8.Length;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return WriteGrouped((long)value, destination);
        }

        if (!value.TryFormat(destination, out var written, "N2", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value} does not format in {destination.Length} bytes");
        }

        if (written > TrimmedLength)
        {
            return written;
        }

        // "3.50" → "3.5"; a value that rounds to a whole number ("0.001" → "0.00", huge values)
        // loses its point too, and a negative that rounds to zero is "0".
        while (destination[written - 1] == '0')
        {
            written--;
        }

        if (destination[written - 1] == '.')
        {
            written--;
        }

        if (written == 2 && destination[0] == '-' && destination[1] == '0')
        {
            destination[0] = (byte)'0';
            written = 1;
        }

        return written;
    }

    // Texts longer than this (numbers beyond ~1e25) have always kept their trailing zeros.
    private const int TrimmedLength = 40;

    // "N0" for whole numbers below 1e15, written by hand from the right: the culture-aware
    // formatter was the largest single cost of rendering explanations.
    private static int WriteGrouped(long value, Span<byte> destination)
    {
        var sign = value < 0 ? 1 : 0;
        var magnitude = (ulong)Math.Abs(value);
        var digits = 1;
        for (var bound = 10UL; digits < 19 && magnitude >= bound; bound *= 10)
        {
            digits++;
        }

        var length = sign + digits + ((digits - 1) / 3);
        var at = length;
        var inGroup = 0;
        do
        {
            if (inGroup == 3)
            {
                destination[--at] = (byte)',';
                inGroup = 0;
            }

            var next = magnitude / 10;
            destination[--at] = (byte)('0' + (int)(magnitude - (next * 10)));
            magnitude = next;
            inGroup++;
        }
        while (magnitude != 0);

        if (sign != 0)
        {
            destination[0] = (byte)'-';
        }

        return length;
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
