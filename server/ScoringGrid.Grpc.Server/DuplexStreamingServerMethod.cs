namespace ScoringGrid.Grpc.Server;

/// <summary>Handles a bidirectional call: reads the request stream and writes responses independently.</summary>
public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
