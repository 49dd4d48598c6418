using ScoringGrid.Grpc.Client.Internal;

namespace ScoringGrid.Grpc.Client;

/// <summary>A running server-streaming call; dispose to cancel it.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly IGrpcCallState _call;

    internal AsyncServerStreamingCall(IGrpcCallState call, IAsyncStreamReader<TResponse> responseStream)
    {
        _call = call;
        ResponseStream = responseStream;
    }

    /// <summary>The responses; <c>MoveNext</c> throws <see cref="RpcException"/> when the call fails.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    /// <summary>The response headers (custom metadata) once they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; only after the call completed.</summary>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailing metadata; only after the call completed.</summary>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <inheritdoc />
    public void Dispose() => _call.Dispose();
}
