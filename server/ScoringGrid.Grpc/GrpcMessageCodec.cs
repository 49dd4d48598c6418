using System.Buffers;
using Google.Protobuf;

namespace ScoringGrid.Grpc;

/// <summary>
/// Turns one message into one frame and one frame back into a message, applying the size limits
/// and compression; every failure surfaces as an <see cref="RpcException"/> with the spec's status.
/// </summary>
public static class GrpcMessageCodec
{
    private const int StagingKeepLimit = 1024 * 1024;

    [ThreadStatic]
    private static PooledBufferWriter? t_staging;

    /// <summary>Serializes <paramref name="message"/> as one frame into <paramref name="output"/>.</summary>
    /// <param name="output">Destination, e.g. a response body writer.</param>
    /// <param name="message">The message.</param>
    /// <param name="marshaller">The message's marshaller.</param>
    /// <param name="compression">Compress with this provider, or null for identity.</param>
    /// <param name="maxMessageSize">Largest allowed serialized size, or null for no limit.</param>
    /// <returns>The serialized (uncompressed) size of the message.</returns>
    public static int WriteMessage<T>(IBufferWriter<byte> output, T message, Marshaller<T> marshaller, ICompressionProvider? compression, int? maxMessageSize)
    {
        if (marshaller.SerializedBytes is { } bytesOf)
        {
            // Already bytes (a reply written ahead): framed as they are, with no staging copy.
            return WritePayload(output, bytesOf(message).Span, compression, maxMessageSize);
        }

        // The message is serialized into a per-thread staging buffer, then framed or compressed
        // from there: one copy of the bytes is cheaper than protobuf's size pass over every
        // nested message and string (see Marshaller.BufferSerializer).
        PooledBufferWriter staging = t_staging ??= new PooledBufferWriter(16 * 1024);
        staging.Reset();
        try
        {
            Serialize(message, marshaller, staging, maxMessageSize);
            return WritePayload(output, staging.WrittenSpan, compression, maxMessageSize);
        }
        finally
        {
            if (staging.Capacity > StagingKeepLimit)
            {
                // A rare huge message must not pin its buffer to the thread.
                t_staging = null;
                staging.Dispose();
            }
        }
    }

    private static int WritePayload(IBufferWriter<byte> output, ReadOnlySpan<byte> payload, ICompressionProvider? compression, int? maxMessageSize)
    {
        int size = payload.Length;
        if (size > maxMessageSize)
        {
            throw new RpcException(GrpcErrors.SendMessageTooLarge(size, maxMessageSize.Value));
        }

        // An empty message is sent uncompressed: the flag is per message, and an empty gzip
        // member is zero bytes from GZipStream, which grpc-js refuses to inflate.
        if (compression is null || size == 0)
        {
            GrpcFrameWriter.WriteFrame(output, payload, compressed: false);
            return size;
        }

        using var compressed = new PooledBufferWriter(Math.Max(size / 2, 64));
        compression.Compress(payload, compressed);
        GrpcFrameWriter.WriteFrame(output, compressed.WrittenSpan, compressed: true);
        return size;
    }

    private static void Serialize<T>(T message, Marshaller<T> marshaller, PooledBufferWriter staging, int? maxMessageSize)
    {
        if (marshaller.BufferSerializer is { } serialize)
        {
            serialize(message, staging);
            return;
        }

        // Size first: an oversized message is refused before it is serialized.
        int size = marshaller.CalculateSize(message);
        if (size > maxMessageSize)
        {
            throw new RpcException(GrpcErrors.SendMessageTooLarge(size, maxMessageSize.Value));
        }

        marshaller.Serializer(message, staging.GetSpan(size)[..size]);
        staging.Advance(size);
    }

    /// <summary>Parses the message in <paramref name="frame"/>, decompressing it when flagged.</summary>
    /// <param name="frame">A complete frame.</param>
    /// <param name="marshaller">The message's marshaller.</param>
    /// <param name="decompression">The call's declared encoding, or null for identity.</param>
    /// <param name="maxMessageSize">Largest allowed decompressed size.</param>
    public static T ReadMessage<T>(in GrpcFrame frame, Marshaller<T> marshaller, ICompressionProvider? decompression, int maxMessageSize)
    {
        if (!frame.Compressed)
        {
            return Deserialize(frame.Payload, marshaller);
        }

        if (decompression is null)
        {
            throw new RpcException(GrpcErrors.CompressedWithoutEncoding());
        }

        using var plain = new PooledBufferWriter((int)Math.Min(frame.Payload.Length * 4, maxMessageSize) + 1);
        bool withinLimit;
        try
        {
            withinLimit = decompression.TryDecompress(frame.Payload, plain, maxMessageSize);
        }
        catch (InvalidDataException)
        {
            throw new RpcException(GrpcErrors.DecompressionFailed(decompression.EncodingName));
        }

        if (!withinLimit)
        {
            throw new RpcException(GrpcErrors.ReceivedMessageTooLarge((long)maxMessageSize + 1, maxMessageSize));
        }

        return Deserialize(new ReadOnlySequence<byte>(plain.WrittenMemory), marshaller);
    }

    /// <summary>Maps a frame-reader failure to the status it stands for.</summary>
    public static RpcException FrameError(FrameReadResult result, long declaredLength, int maxMessageSize) => result switch
    {
        FrameReadResult.TooLarge => new RpcException(GrpcErrors.ReceivedMessageTooLarge(declaredLength, maxMessageSize)),
        FrameReadResult.InvalidFlag => new RpcException(GrpcErrors.InvalidFrameFlag()),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Not a frame error."),
    };

    private static T Deserialize<T>(ReadOnlySequence<byte> payload, Marshaller<T> marshaller)
    {
        try
        {
            return marshaller.Deserializer(payload);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException or InvalidOperationException or FormatException)
        {
            // Garbage must never escape as UNKNOWN: the spec calls an unparsable request INTERNAL.
            throw new RpcException(GrpcErrors.UnparsableMessage());
        }
    }
}
