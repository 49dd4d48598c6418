namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>
/// One client call: builds the HTTP/2 request, enforces the deadline locally, and turns every way a
/// call can end (trailers, trailers-only headers, HTTP errors, resets, cancellation) into one status.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IGrpcCallState
{
    private readonly GrpcChannel _channel;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _sync = new();
    private ITimer? _deadlineTimer;
    private volatile bool _deadlineFired;
    private volatile bool _cancelledLocally;
    private Task _responseStarted = Task.CompletedTask;
    private Status? _status;
    private Metadata? _trailers;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        Method = method;
        _options = options;
        _cts = options.CancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken)
            : new CancellationTokenSource();
    }

    public Method<TRequest, TResponse> Method { get; }

    public ICompressionProvider? RequestCompression { get; private set; }

    public StreamingRequestContent? RequestContent { get; private set; }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public Status? FinalStatus
    {
        get
        {
            lock (_sync)
            {
                return _status;
            }
        }
    }

    public GrpcChannel Channel => _channel;

    public CancellationToken CallToken => _cts.Token;

    public Status GetStatus() =>
        FinalStatus ?? throw new InvalidOperationException("The call has not completed; its status is not known yet.");

    public Metadata GetTrailers()
    {
        lock (_sync)
        {
            return _status is null
                ? throw new InvalidOperationException("The call has not completed; its trailers are not known yet.")
                : _trailers ?? new Metadata();
        }
    }

    public void Dispose()
    {
        if (FinalStatus is null)
        {
            // Disposing an unfinished call cancels it: HttpClient resets the stream.
            _cancelledLocally = true;
            Finish(GrpcErrors.Cancelled(), trailers: null);
        }

        RequestContent?.Abort();
        _deadlineTimer?.Dispose();
        _response?.Dispose();
    }

    /// <summary>Maps how a call failed locally or on the wire to the status the caller sees.</summary>
    public Status ResolveFailure(Exception exception)
    {
        if (_deadlineFired)
        {
            return GrpcErrors.DeadlineExceeded();
        }

        if (exception is RpcException rpc)
        {
            return rpc.Status;
        }

        if (_cancelledLocally || _options.CancellationToken.IsCancellationRequested || exception is OperationCanceledException)
        {
            return GrpcErrors.Cancelled();
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException protocol)
            {
                return GrpcErrors.StreamReset(protocol.ErrorCode, protocol);
            }
        }

        return exception is HttpRequestException or IOException
            ? GrpcErrors.Unavailable(exception)
            : new Status(StatusCode.Unknown, exception.Message);
    }

    /// <summary>Records the final status (first one wins) and releases the HTTP resources.</summary>
    public Status Finish(Status status, Metadata? trailers)
    {
        lock (_sync)
        {
            if (_status is { } existing)
            {
                return existing;
            }

            _status = status;
            _trailers = trailers;
        }

        _deadlineTimer?.Dispose();
        _headers.TrySetException(new RpcException(status, trailers));
        if (status.StatusCode != StatusCode.OK)
        {
            // Resets the stream if the server is still sending or waiting for our body.
            _cancelledLocally |= status.StatusCode == StatusCode.Cancelled;
            _cts.Cancel();
            _response?.Dispose();
        }

        return status;
    }
}
