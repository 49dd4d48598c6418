using System.Text;

namespace ScoringGrid.Grpc;

/// <summary>
/// Percent-encoding of <c>grpc-message</c>: the UTF-8 bytes outside 0x20–0x7E, and '%' itself,
/// are sent as <c>%XX</c>; decoding keeps malformed escapes as they are, as the spec asks.
/// </summary>
public static class GrpcStatusMessage
{
    /// <summary>Encodes a status detail for the <c>grpc-message</c> header.</summary>
    public static string Encode(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return string.Empty;
        }

        if (!NeedsEncoding(detail))
        {
            return detail;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(detail);
        var builder = new StringBuilder(utf8.Length * 3);
        foreach (byte b in utf8)
        {
            if (b is < 0x20 or > 0x7E or (byte)'%')
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes a <c>grpc-message</c> header value into the status detail.</summary>
    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out int hi) && TryHex(value[i + 2], out int lo))
            {
                bytes.Add((byte)((hi << 4) | lo));
                i += 2;
            }
            else if (c <= 0x7F)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Peers should never send raw non-ASCII, but keep it rather than drop it.
                int width = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, width)));
                i += width - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string detail)
    {
        foreach (char c in detail)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
