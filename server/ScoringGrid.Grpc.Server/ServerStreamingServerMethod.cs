namespace ScoringGrid.Grpc.Server;

/// <summary>Handles a server-streaming call: one request in, any number of responses written.</summary>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
