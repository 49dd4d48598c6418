using System.Buffers;
using System.Buffers.Binary;

namespace ScoringGrid.Grpc;

/// <summary>Writes Length-Prefixed-Message frames.</summary>
public static class GrpcFrameWriter
{
    /// <summary>Writes the 5-byte prefix into <paramref name="destination"/>.</summary>
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Writes a whole frame (prefix and payload).</summary>
    public static void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> payload, bool compressed)
    {
        int total = GrpcProtocol.FrameHeaderSize + payload.Length;
        Span<byte> span = output.GetSpan(total);
        WriteHeader(span, compressed, payload.Length);
        payload.CopyTo(span[GrpcProtocol.FrameHeaderSize..]);
        output.Advance(total);
    }
}
