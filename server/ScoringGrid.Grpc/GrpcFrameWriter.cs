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
        Span<byte> span = output.GetSpan();
        if (span.Length >= total)
        {
            WriteHeader(span, compressed, payload.Length);
            payload.CopyTo(span[GrpcProtocol.FrameHeaderSize..]);
            output.Advance(total);
            return;
        }

        // A frame larger than the writer's free space is copied across its segments. Asking for one
        // span of the whole frame would make a pipe rent an array past its pool's block size (4 KiB
        // in Kestrel), which the array pool then allocated per response.
        span = output.GetSpan(GrpcProtocol.FrameHeaderSize);
        WriteHeader(span, compressed, payload.Length);
        output.Advance(GrpcProtocol.FrameHeaderSize);
        output.Write(payload);
    }
}
