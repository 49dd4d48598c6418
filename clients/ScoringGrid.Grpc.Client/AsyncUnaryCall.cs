using System.Runtime.CompilerServices;
using ScoringGrid.Grpc.Client.Internal;

namespace ScoringGrid.Grpc.Client;

/// <summary>A running unary call. Await it (or <see cref="ResponseAsync"/>) for the response; dispose to cancel.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly IGrpcCallState _call;

    internal AsyncUnaryCall(IGrpcCallState call, Task<TResponse> response)
    {
        _call = call;
        ResponseAsync = response;
    }

    /// <summary>The response; faults with <see cref="RpcException"/> when the call fails.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>The response headers (custom metadata) once they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; only after the call completed.</summary>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailing metadata; only after the call completed.</summary>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Lets <c>await call</c> yield the response.</summary>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <inheritdoc />
    public void Dispose() => _call.Dispose();
}
