namespace ScoringGrid.Grpc.Server;

/// <summary>
/// The response stream of a server-streaming or duplex call. Each write is flushed so the client
/// sees it at once; a write after the call ended (deadline, cancellation) throws.
/// </summary>
/// <typeparam name="T">The response message type.</typeparam>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
