namespace ScoringGrid.Grpc.Server;

/// <summary>
/// The response stream of a server-streaming or duplex call. Each write is sent at once, except in a
/// duplex call whose next request has already arrived: then up to 96 KB ride with a later flush,
/// which happens at the latest when the handler next waits for a request, flushes or returns. A write
/// after the call ended (deadline, cancellation) throws.
/// </summary>
/// <typeparam name="T">The response message type.</typeparam>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>
    /// Options for the writes that follow. With <see cref="WriteOptions.BufferHint"/> a write is held
    /// back (up to 96 KB) until a write without it, the handler's next wait for a request, or the end
    /// of the call: a handler that answers a batch of requests flushes once, after its last answer.
    /// </summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>
    /// Sends the responses held back so far. For a handler about to wait on something other than
    /// the next request (a timer, another service), which would otherwise hold them for as long.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
