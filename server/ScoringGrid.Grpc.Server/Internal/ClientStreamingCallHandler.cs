namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Client streaming: the handler reads the request stream and returns one response.</summary>
internal sealed class ClientStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method)
{
    protected override async ValueTask InvokeAsync(ServerCallContext call)
    {
        var requests = new RequestStreamReader<TRequest>(call, Method.RequestMarshaller);
        TResponse response = await handler(requests, call).ConfigureAwait(false);
        await call.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
