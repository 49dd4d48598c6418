namespace ScoringGrid.Grpc.Server;

/// <summary>Handles a client-streaming call: reads the request stream, returns one response.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);
