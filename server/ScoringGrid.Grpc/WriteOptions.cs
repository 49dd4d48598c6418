namespace ScoringGrid.Grpc;

/// <summary>How a stream writer may send the messages written after these options are set.</summary>
public sealed class WriteOptions
{
    /// <summary>Writes may be held back and sent together (see <see cref="BufferHint"/>).</summary>
    public static WriteOptions Buffered { get; } = new(bufferHint: true);

    /// <summary>Creates options.</summary>
    /// <param name="bufferHint">Whether writes may be held back and sent together.</param>
    public WriteOptions(bool bufferHint = false) => BufferHint = bufferHint;

    /// <summary>
    /// When true a write may be buffered instead of sent at once; buffered messages go out with the
    /// next write without the hint, when the buffer fills, or when the stream completes. Batching
    /// many small messages into one HTTP/2 write saves a syscall and a wake-up per message, but the
    /// peer sees nothing until then: do not wait for an answer to a buffered message.
    /// </summary>
    public bool BufferHint { get; }
}
