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
            return NotDeclared;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15 && value is >= 0 and < 1000)
        {
            return SmallIntegers.Get((int)value);
        }

        Span<char> buffer = stackalloc char[64];
        return TryFormat(value, buffer, out var written) ? new string(buffer[..written]) : Slow(value);
    }

    /// <summary>
    /// <paramref name="value"/> as <see cref="Format"/> writes it, for interpolated text: the
    /// builder formats it in place, with no string of its own.
    /// </summary>
    public static Text Of(double value) => new(value);

    private const string NotDeclared = "not declared";

    // Texts longer than this (numbers beyond ~1e25) have always kept their trailing zeros.
    private const int TrimmedLength = 40;

    // Format's text into a span; false when it does not fit.
    private static bool TryFormat(double value, Span<char> destination, out int written)
    {
        if (double.IsNaN(value))
        {
            written = NotDeclared.Length;
            return NotDeclared.TryCopyTo(destination);
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).TryFormat(destination, out written, "N0", CultureInfo.InvariantCulture);
        }

        if (!value.TryFormat(destination, out written, "N2", CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (written > TrimmedLength)
        {
            return true;
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
            destination[0] = '0';
            written = 1;
        }

        return true;
    }

    private static string Slow(double value)
    {
        var buffer = new char[512];
        return TryFormat(value, buffer, out var written) ? new string(buffer, 0, written) : throw new InvalidOperationException($"{value} does not format in 512 characters");
    }

    /// <summary>A number as explanations show it, formatted where it is written.</summary>
    public readonly struct Text(double value) : ISpanFormattable
    {
        public override string ToString() => Format(value);

        public string ToString(string? format, IFormatProvider? formatProvider) => Format(value);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            Numbers.TryFormat(value, destination, out charsWritten);
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
