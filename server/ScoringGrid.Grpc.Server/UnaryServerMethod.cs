namespace ScoringGrid.Grpc.Server;

/// <summary>
/// Handles a unary call: one request in, one response out. A <see cref="ValueTask{TResult}"/>, so a handler
/// that answers at once allocates no task.
/// </summary>
public delegate ValueTask<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context);
