using ScoringGrid.Grpc.Client.Internal;

namespace ScoringGrid.Grpc.Client;

/// <summary>Starting calls of each shape.</summary>
public sealed partial class GrpcChannel
{
    /// <summary>Starts a unary call.</summary>
    public AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithMessage(request);
        return new AsyncUnaryCall<TResponse>(call, call.ReadSingleResponseAsync());
    }

    /// <summary>
    /// Makes a unary call and returns its response; throws <see cref="RpcException"/> on failure. With
    /// a <see cref="GrpcChannelOptions.RetryPolicy"/>, a retryable failure is tried again as the policy
    /// and the server's pushback say, within the call's deadline.
    /// </summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
    {
        RetryPolicy? policy = Options.RetryPolicy;
        TimeSpan backoff = policy?.InitialBackoff ?? TimeSpan.Zero;
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using AsyncUnaryCall<TResponse> call = UnaryCall(method, request, options);
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException failure) when (policy is not null && policy.NextWait(failure, attempt, ref backoff, Random.Shared) is { } next && Fits(next, options.Deadline))
            {
                wait = next;
            }

            try
            {
                await Task.Delay(wait, Options.TimeProvider, options.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (options.CancellationToken.IsCancellationRequested)
            {
                throw new RpcException(GrpcErrors.Cancelled());
            }
        }
    }

    // A wait that would end after the deadline is not begun: the last failure says more than DEADLINE_EXCEEDED would.
    private bool Fits(TimeSpan wait, DateTime? deadline) =>
        deadline is not { } end || Options.TimeProvider.GetUtcNow().UtcDateTime + wait < end;

    /// <summary>Starts a server-streaming call.</summary>
    public AsyncServerStreamingCall<TResponse> ServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartWithMessage(request);
        return new AsyncServerStreamingCall<TResponse>(call, new ResponseStreamReader<TRequest, TResponse>(call));
    }

    /// <summary>Starts a client-streaming call; write requests, complete, then await the response.</summary>
    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, new ClientStreamWriter<TRequest, TResponse>(call), call.ReadSingleResponseAsync());
    }

    /// <summary>Starts a duplex call.</summary>
    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, new ClientStreamWriter<TRequest, TResponse>(call), new ResponseStreamReader<TRequest, TResponse>(call));
    }
}
