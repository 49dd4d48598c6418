namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Server streaming: one request, then the handler writes (and flushes) each response.</summary>
internal sealed class ServerStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method)
{
    protected override async ValueTask InvokeAsync(ServerCallContext call)
    {
        TRequest request = await ReadSingleRequestAsync(call).ConfigureAwait(false);
        await handler(request, new ResponseStreamWriter<TResponse>(call, Method.ResponseMarshaller), call).ConfigureAwait(false);
    }
}
