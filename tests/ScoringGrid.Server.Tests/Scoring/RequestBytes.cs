using Google.Protobuf;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>Hand-assembled EvaluateRequest bytes, for tests that build an application field by field.</summary>
internal static class RequestBytes
{
    /// <summary>An EvaluateRequest whose application (field 1) is <paramref name="application"/>'s bytes, as they are.</summary>
    public static byte[] Wrap(byte[] application)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(application));
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>"江苏" (Jiangsu) in GBK: what a portal sends when it forgets to convert to UTF-8.</summary>
    public static readonly byte[] Gbk = [0xBD, 0xAD, 0xCB, 0xD5];

    /// <summary>
    /// The EvaluateRequest of <paramref name="application"/>, with the one occurrence of the ASCII text
    /// <paramref name="marker"/> in it replaced by bytes of the same length (lengths stay right).
    /// </summary>
    public static byte[] Replacing(V1.Application application, string marker, byte[] with)
    {
        var bytes = new V1.EvaluateRequest { Application = application }.ToByteArray();
        var needle = System.Text.Encoding.ASCII.GetBytes(marker);
        var at = bytes.AsSpan().IndexOf(needle);
        if (at < 0 || needle.Length != with.Length || bytes.AsSpan(at + 1).IndexOf(needle) >= 0)
        {
            throw new ArgumentException($"{marker} must occur once and be {with.Length} bytes long", nameof(marker));
        }

        with.CopyTo(bytes, at);
        return bytes;
    }
}
