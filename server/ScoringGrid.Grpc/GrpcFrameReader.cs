using System.Buffers;
using System.Buffers.Binary;

namespace ScoringGrid.Grpc;

/// <summary>
/// Reads Length-Prefixed-Message frames (1 flag byte, 4-byte big-endian length, payload) from a
/// buffer that may hold partial frames, as a pipe delivers them.
/// </summary>
public static class GrpcFrameReader
{
    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>. The size limit is checked from
    /// the prefix, before any payload is buffered.
    /// </summary>
    /// <param name="buffer">Unconsumed bytes; advanced past the frame when it is complete.</param>
    /// <param name="maxMessageSize">Largest accepted payload length.</param>
    /// <param name="frame">The frame when the result is <see cref="FrameReadResult.Complete"/>.</param>
    /// <param name="declaredLength">The length from the prefix, once 5 bytes are available; else -1.</param>
    public static FrameReadResult TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out GrpcFrame frame, out long declaredLength)
    {
        frame = default;
        declaredLength = -1;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return FrameReadResult.Incomplete;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(header);
        if (!TryParseHeader(header, out bool compressed, out declaredLength))
        {
            return FrameReadResult.InvalidFlag;
        }

        if (declaredLength > maxMessageSize)
        {
            return FrameReadResult.TooLarge;
        }

        if (buffer.Length - GrpcProtocol.FrameHeaderSize < declaredLength)
        {
            return FrameReadResult.Incomplete;
        }

        ReadOnlySequence<byte> payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, declaredLength);
        frame = new GrpcFrame(compressed, payload);
        buffer = buffer.Slice(payload.End);
        return FrameReadResult.Complete;
    }

    /// <summary>Parses a 5-byte prefix; false when the flag byte is neither 0 nor 1.</summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> header, out bool compressed, out long length)
    {
        byte flag = header[0];
        compressed = flag == 1;
        length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return flag <= 1;
    }
}
