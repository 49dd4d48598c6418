namespace ScoringGrid.Grpc.Client;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
/// <typeparam name="T">The request message type.</typeparam>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream (half-close); no more writes are allowed.</summary>
    Task CompleteAsync();
}
