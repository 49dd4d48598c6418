namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Unary: the response is written without a flush so Kestrel sends headers, data and trailers together.</summary>
internal sealed class UnaryCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method)
{
    protected override async ValueTask InvokeAsync(ServerCallContext call)
    {
        TRequest request = await ReadSingleRequestAsync(call).ConfigureAwait(false);
        TResponse response = await handler(request, call).ConfigureAwait(false);
        await call.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
