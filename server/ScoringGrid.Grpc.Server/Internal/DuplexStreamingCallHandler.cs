namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Duplex: the handler reads and writes independently.</summary>
internal sealed class DuplexStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method)
{
    protected override ValueTask InvokeAsync(ServerCallContext call)
    {
        // The reader flushes deferred responses while the handler may be writing on another task.
        call.EnableConcurrentFlush();
        return new ValueTask(handler(
            new RequestStreamReader<TRequest>(call, Method.RequestMarshaller),
            new ResponseStreamWriter<TResponse>(call, Method.ResponseMarshaller),
            call));
    }
}
