namespace ScoringGrid.Grpc.Client;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
/// <typeparam name="T">The request message type.</typeparam>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>
    /// Options for the following writes; null (the default) sends each message at once. With
    /// <see cref="WriteOptions.BufferHint"/> messages are batched up to 32 KB.
    /// </summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Sends any buffered messages and ends the request stream (half-close); no more writes are allowed.</summary>
    Task CompleteAsync();
}
