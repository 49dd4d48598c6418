using System.Security.Cryptography;
using System.Text;

namespace ScoringGrid.Rounds.Internal;

/// <summary>Lower-case hex SHA-256, the form audit records and receipts show.</summary>
internal static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
