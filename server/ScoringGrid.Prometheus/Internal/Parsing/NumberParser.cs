using System.Globalization;
using System.Text;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Sample values and timestamps as Prometheus reads them (Go's strconv): decimal or
// scientific notation, `NaN`, `Inf`/`Infinity` with an optional sign, case-insensitive.
// The shape is checked here because .NET's parser also accepts whitespace and other forms.
internal static class NumberParser
{
    public static bool TryParseFloat(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        if (token.IsEmpty)
        {
            return false;
        }

        var signed = token[0] is (byte)'+' or (byte)'-';
        var rest = signed ? token[1..] : token;
        if (rest.IsEmpty)
        {
            return false;
        }

        if ((rest[0] | 0x20) is 'i' or 'n')
        {
            if (Ascii.EqualsIgnoreCase(rest, "inf"u8) || Ascii.EqualsIgnoreCase(rest, "infinity"u8))
            {
                value = token[0] == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            }

            // Go accepts no sign on NaN.
            if (!signed && Ascii.EqualsIgnoreCase(rest, "nan"u8))
            {
                value = double.NaN;
                return true;
            }

            return false;
        }

        return IsDecimal(rest) && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    // For label values such as `le` and `quantile`.
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        if (text.Length > 128)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[128];
        var status = Ascii.FromUtf16(text, bytes, out var written);
        return status == System.Buffers.OperationStatus.Done && TryParseFloat(bytes[..written], out value);
    }

    // Text 0.0.4: an int64 of milliseconds since the epoch.
    public static bool TryParseTimestampMs(ReadOnlySpan<byte> token, out long milliseconds)
    {
        milliseconds = 0;
        var digits = token.Length > 0 && token[0] is (byte)'+' or (byte)'-' ? token[1..] : token;
        if (digits.IsEmpty || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds);
    }

    // OpenMetrics: float seconds since the epoch, converted to milliseconds.
    public static bool TryParseOpenMetricsTimestamp(ReadOnlySpan<byte> token, out long milliseconds)
    {
        milliseconds = 0;
        if (!TryParseFloat(token, out var seconds) || !double.IsFinite(seconds))
        {
            return false;
        }

        var ms = Math.Round(seconds * 1000d);
        if (!(Math.Abs(ms) < 9.2e18))
        {
            return false;
        }

        milliseconds = (long)ms;
        return true;
    }

    // digits [ '.' digits ] [ ('e'|'E') [sign] digits ], with at least one mantissa digit.
    private static bool IsDecimal(ReadOnlySpan<byte> s)
    {
        var i = 0;
        var mantissaDigits = 0;
        while (i < s.Length && IsDigit(s[i])) { i++; mantissaDigits++; }
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i])) { i++; mantissaDigits++; }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            i++;
            if (i < s.Length && s[i] is (byte)'+' or (byte)'-') { i++; }
            var exponentDigits = 0;
            while (i < s.Length && IsDigit(s[i])) { i++; exponentDigits++; }
            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
