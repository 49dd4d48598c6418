using System.Buffers;

namespace ScoringGrid.Grpc;

/// <summary>One length-prefixed message as read from the wire (payload still compressed if flagged).</summary>
public readonly struct GrpcFrame
{
    /// <summary>Creates a frame.</summary>
    public GrpcFrame(bool compressed, ReadOnlySequence<byte> payload)
    {
        Compressed = compressed;
        Payload = payload;
    }

    /// <summary>The Compressed-Flag: the payload uses the call's <c>grpc-encoding</c>.</summary>
    public bool Compressed { get; }

    /// <summary>The message bytes; a slice of the reader's buffer, valid until it is advanced.</summary>
    public ReadOnlySequence<byte> Payload { get; }
}
