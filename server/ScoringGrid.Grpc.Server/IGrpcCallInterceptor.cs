namespace ScoringGrid.Grpc.Server;

/// <summary>
/// A hook around every call (API keys, rate limits, metrics). Interceptors run in registration
/// order before the handler, and in reverse order once the final status is known. Each interceptor
/// told that a call starts is told that it ended, and only those: one that counts calls in flight
/// can pair the two. A call the transport refuses from its headers (an unsupported
/// <c>grpc-encoding</c>, a deadline already past) starts for the interceptors too, then ends with
/// that status instead of reaching the handler.
/// </summary>
public interface IGrpcCallInterceptor
{
    /// <summary>
    /// Runs before the handler. Return a status to reject the call (the handler is not invoked and
    /// the client receives that status), or null to let it proceed. Throwing
    /// <see cref="RpcException"/> rejects too. Hand the caller on in <see cref="ServerCallContext.Caller"/>,
    /// other state in <see cref="ServerCallContext.Items"/>.
    /// </summary>
    ValueTask<Status?> OnCallStartingAsync(ServerCallContext context);

    /// <summary>
    /// Runs after the call ended with <paramref name="status"/> (also for rejected, cancelled and
    /// deadline-exceeded calls), if <see cref="OnCallStartingAsync"/> ran for it, even when that
    /// rejected or threw; <paramref name="elapsed"/> is measured from the call's start. Must not throw.
    /// </summary>
    void OnCallCompleted(ServerCallContext context, Status status, TimeSpan elapsed);
}
