namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Typed base of the four call shapes: reading the single request of unary and server-streaming calls.</summary>
internal abstract class ServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method)
    : ServerMethodHandler(method.FullName, method.Type)
{
    protected Method<TRequest, TResponse> Method { get; } = method;

    protected async Task<TRequest> ReadSingleRequestAsync(ServerCallContext call)
    {
        var reader = new RequestStreamReader<TRequest>(call, Method.RequestMarshaller);
        if (!await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(GrpcErrors.MissingRequestMessage());
        }

        TRequest request = reader.Current;
        if (await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(GrpcErrors.ExtraRequestMessage());
        }

        return request;
    }
}
