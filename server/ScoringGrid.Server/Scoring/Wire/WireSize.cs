using System.Numerics;
using System.Text;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>Encoded sizes, exactly as Google.Protobuf's <c>CodedOutputStream.Compute*Size</c> counts them.</summary>
internal static class WireSize
{
    public const int Double = 8;

    public static int Varint(uint value) => (BitOperations.Log2(value | 1) / 7) + 1;

    /// <summary>A length-delimited field: tag, length prefix and <paramref name="length"/> bytes of payload.</summary>
    public static int Delimited(uint tag, int length) => Varint(tag) + Varint((uint)length) + length;

    /// <summary>
    /// Encoding.UTF8 is what Google.Protobuf encodes strings with: a lone surrogate becomes U+FFFD
    /// in both, so the counts and bytes agree for any .NET string.
    /// </summary>
    public static int Utf8(string value) => Encoding.UTF8.GetByteCount(value);

    /// <summary>A string field; proto3 omits it when empty, which the caller decides.</summary>
    public static int String(uint tag, string value) => Delimited(tag, Utf8(value));

    /// <summary>A singular string field: proto3 leaves an empty one out.</summary>
    public static int NonEmptyString(uint tag, string value) => value.Length == 0 ? 0 : String(tag, value);

    /// <summary>A field with presence (<c>optional double</c>): written whenever set, zero included.</summary>
    public static int OptionalDouble(uint tag, double? value) => value is null ? 0 : Varint(tag) + Double;

    /// <summary>A plain proto3 double: left out when <c>value != 0D</c> is false, as Google.Protobuf tests it (so -0.0 too).</summary>
    public static int ImplicitDouble(uint tag, double value) => value != 0D ? Varint(tag) + Double : 0;
}
