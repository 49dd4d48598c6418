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
}
