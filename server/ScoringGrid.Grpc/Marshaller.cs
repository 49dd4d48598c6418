using System.Buffers;

namespace ScoringGrid.Grpc;

/// <summary>
/// Turns messages into bytes and back. Serialization is size-first so a frame is written in place
/// into the transport's buffer, with no intermediate array.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class Marshaller<T>
{
    /// <summary>Creates a marshaller from its three operations.</summary>
    public Marshaller(Func<T, int> calculateSize, MessageSerializer<T> serializer, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        CalculateSize = calculateSize ?? throw new ArgumentNullException(nameof(calculateSize));
        Serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        Deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    /// <summary>The serialized size of a message.</summary>
    public Func<T, int> CalculateSize { get; }

    /// <summary>Writes a message into a span of exactly <see cref="CalculateSize"/> bytes.</summary>
    public MessageSerializer<T> Serializer { get; }

    /// <summary>Parses a message; throws on malformed input.</summary>
    public Func<ReadOnlySequence<byte>, T> Deserializer { get; }

    /// <summary>
    /// Optionally writes a message to a growing buffer without being told its size first. Protobuf
    /// recomputes the size of every nested message while writing, so for a deep message asking for
    /// the total size up front is a whole extra pass over its strings; the codec uses this instead
    /// when it is set.
    /// </summary>
    public Action<T, IBufferWriter<byte>>? BufferSerializer { get; init; }

    /// <summary>
    /// Optionally gives the bytes of a message that already is serialized (a reply written ahead of
    /// time): the codec frames them as they are, with no serializer call and no staging copy.
    /// </summary>
    public Func<T, ReadOnlyMemory<byte>>? SerializedBytes { get; init; }
}
