using System.Diagnostics.CodeAnalysis;

namespace ScoringGrid.Grpc.Internal;

/// <summary>
/// Decodes <c>-bin</c> metadata. The spec lets senders omit padding and receivers must accept
/// both forms, so missing '=' are restored before decoding.
/// </summary>
internal static class Base64Binary
{
    public static bool TryDecode(string value, [NotNullWhen(true)] out byte[]? bytes)
    {
        ReadOnlySpan<char> text = value.AsSpan().Trim();
        int remainder = text.Length % 4;
        if (remainder == 1)
        {
            bytes = null;
            return false;
        }

        int padding = remainder == 0 ? 0 : 4 - remainder;
        int length = text.Length + padding;
        Span<char> padded = length <= 256 ? stackalloc char[length] : new char[length];
        text.CopyTo(padded);
        padded[text.Length..].Fill('=');

        byte[] buffer = new byte[length / 4 * 3];
        if (!Convert.TryFromBase64Chars(padded, buffer, out int written))
        {
            bytes = null;
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        return true;
    }
}
