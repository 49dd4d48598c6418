using System.Buffers;
using ScoringGrid.Grpc;

namespace ScoringGrid.Server.Grpc;

/// <summary>
/// A request message still in its wire form, in a pooled array. EvaluateStream takes its requests
/// this way so that parsing happens in the batch's workers, on every core, instead of on the
/// stream's read loop; unary Evaluate reads its request straight from the bytes too.
/// <see cref="Release"/> returns the array once the message is parsed.
/// </summary>
internal sealed class SerializedMessage
{
    // Stream requests are rented on the stream's read loop and returned by the batch's workers on
    // other threads, with thousands in flight: the shared pool's per-thread and per-core caches
    // overflow under that and allocated anew for most messages. A pool of their own, bounded (at most
    // 1,024 arrays per size up to 8 KiB, ~16 MiB), keeps them; larger requests use the shared pool.
    private static readonly ArrayPool<byte> StreamBuffers = ArrayPool<byte>.Create(8 * 1024, 1024);

    private readonly ArrayPool<byte> _pool;
    private readonly int _length;
    private byte[]? _buffer;

    private SerializedMessage(ArrayPool<byte> pool, byte[] buffer, int length)
    {
        _pool = pool;
        _buffer = buffer;
        _length = length;
    }

    /// <summary>
    /// Reads EvaluateStream's requests as bytes, from the stream's own pool. The transport has already
    /// checked the size limit and decompressed.
    /// </summary>
    public static Marshaller<SerializedMessage> StreamRequestMarshaller { get; } = RequestMarshaller(StreamBuffers);

    /// <summary>
    /// Reads a unary call's request as bytes, from the shared pool: rented and returned on one thread,
    /// which its per-thread cache serves without the lock the stream's bounded pool takes.
    /// </summary>
    public static Marshaller<SerializedMessage> UnaryRequestMarshaller { get; } = RequestMarshaller(ArrayPool<byte>.Shared);

    /// <summary>
    /// Writes responses that are already serialized (a batch's answers, borrowed until the write completes):
    /// the codec frames their bytes as they are.
    /// </summary>
    public static Marshaller<ReadOnlyMemory<byte>> ResponseMarshaller { get; } = new(
        static m => m.Length,
        static (m, destination) => m.Span.CopyTo(destination),
        static payload => payload.ToArray())
    {
        SerializedBytes = static m => m,
    };

    public ReadOnlySpan<byte> Span => _buffer is { } buffer
        ? buffer.AsSpan(0, _length)
        : throw new ObjectDisposedException(nameof(SerializedMessage));

    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _pool.Return(buffer);
        }
    }

    private static Marshaller<SerializedMessage> RequestMarshaller(ArrayPool<byte> pool) => new(
        static m => m._length,
        static (m, destination) => m.Span.CopyTo(destination),
        payload => Copy(payload, pool));

    private static SerializedMessage Copy(ReadOnlySequence<byte> payload, ArrayPool<byte> pool)
    {
        int length = checked((int)payload.Length);
        byte[] buffer = pool.Rent(Math.Max(length, 1));
        payload.CopyTo(buffer);
        return new SerializedMessage(pool, buffer, length);
    }
}
