namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Duplex: the handler reads and writes independently.</summary>
internal sealed class DuplexStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method)
{
    protected override Task InvokeAsync(ServerCallContext call) =>
        handler(
            new RequestStreamReader<TRequest>(call, Method.RequestMarshaller),
            new ResponseStreamWriter<TResponse>(call, Method.ResponseMarshaller),
            call);
}
