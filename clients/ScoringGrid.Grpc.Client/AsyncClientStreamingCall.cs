using System.Runtime.CompilerServices;
using ScoringGrid.Grpc.Client.Internal;

namespace ScoringGrid.Grpc.Client;

/// <summary>A running client-streaming call: write, complete, then await the response; dispose to cancel.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly IGrpcCallState _call;

    internal AsyncClientStreamingCall(IGrpcCallState call, IClientStreamWriter<TRequest> requestStream, Task<TResponse> response)
    {
        _call = call;
        RequestStream = requestStream;
        ResponseAsync = response;
    }

    /// <summary>The request stream.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

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
