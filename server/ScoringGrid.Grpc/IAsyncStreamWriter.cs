namespace ScoringGrid.Grpc;

/// <summary>A stream of outgoing messages. Writes must not overlap: await each one.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Writes and sends one message.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
