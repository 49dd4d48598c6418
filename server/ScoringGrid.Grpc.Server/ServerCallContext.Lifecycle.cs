using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>The transport's side of a call: deadline, message writes and the final status.</summary>
public sealed partial class ServerCallContext
{
    // Timers cannot exceed ~49 days; a longer grpc-timeout is as good as none.
    private static readonly TimeSpan MaxTimerDueTime = TimeSpan.FromDays(30);

    private readonly long _startTimestamp;
    private CancellationTokenSource? _deadlineCts;
    private ITimer? _deadlineTimer;

    // Calls with a deadline have two writers (handler and deadline timer), duplex calls two
    // flushers (writer and reader); other calls need no lock.
    private SemaphoreSlim? _writeLock;
    private bool _completed;
    private bool _messageWritten;
    private int _unflushedBytes;
    private volatile bool _deadlineReached;
    private volatile bool _responseClosed;
    private Status _finalStatus;

    internal ICompressionProvider? RequestDecompression { get; set; }

    internal ICompressionProvider? ResponseCompression { get; set; }

    internal GrpcServerRuntime Runtime => _runtime;

    internal bool DeadlineReached => _deadlineReached;

    // Whether the client reset the stream, as far as this call has looked: a call that never took its
    // token writes its status anyway, which Kestrel discards for a reset stream.
    private bool ClientGone => _cancellationTaken && _http.RequestAborted.IsCancellationRequested;

    /// <summary>
    /// Whether the call failed with <paramref name="failure"/> because its client left. Kestrel fails the
    /// body's reads and closes the response as soon as the client resets the stream or drops the
    /// connection, but cancels <c>RequestAborted</c> later, from the thread pool: a read error carrying
    /// the abort, or a flush that found the response closed, is the client leaving too, not a handler
    /// failure (which would log an error per call in flight).
    /// </summary>
    internal bool ClientLeft(Exception failure) =>
        _http.RequestAborted.IsCancellationRequested
        || _responseClosed
        || failure is ConnectionAbortedException or IOException { InnerException: ConnectionAbortedException };

    internal TimeSpan Elapsed => _runtime.TimeProvider.GetElapsedTime(_startTimestamp);

    /// <summary>How many interceptors (in registration order) were told the call started.</summary>
    internal int InterceptorsStarted { get; set; }

    internal void StartDeadline(TimeSpan timeout)
    {
        if (timeout > MaxTimerDueTime)
        {
            return;
        }

        Deadline = _runtime.TimeProvider.GetUtcNow().UtcDateTime + timeout;
        _writeLock ??= new SemaphoreSlim(1, 1);
        _deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted);
        _cancellation = _deadlineCts.Token;
        _cancellationTaken = true;
        _deadlineTimer = _runtime.TimeProvider.CreateTimer(
            static state => _ = ((ServerCallContext)state!).CompleteOnDeadlineAsync(),
            this,
            timeout,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// True while a streaming call's next request has already arrived in full, so reading it will not
    /// wait: a handler can gather such requests into a batch, and a duplex response written now may
    /// wait for a later flush (see <see cref="ResponseStreamWriter{T}"/>).
    /// </summary>
    public bool NextRequestBuffered { get; internal set; }

    /// <summary>Flushes of the response body so far (tests check that bursts are batched).</summary>
    internal int ResponseFlushes { get; private set; }

    /// <summary>Bytes written to the response since the last flush.</summary>
    internal int UnflushedBytes => Volatile.Read(ref _unflushedBytes);

    internal void EnableConcurrentFlush() => _writeLock ??= new SemaphoreSlim(1, 1);

    internal async ValueTask WriteMessageAsync<T>(T message, Marshaller<T> marshaller, bool flush)
    {
        try
        {
            await EnterWriteAsync().ConfigureAwait(false);
            try
            {
                if (_completed)
                {
                    // The deadline already answered the client; the handler's late write goes nowhere.
                    throw new OperationCanceledException(CancellationToken);
                }

                HttpResponse response = _http.Response;
                int size = GrpcMessageCodec.WriteMessage(response.BodyWriter, message, marshaller, ResponseCompression, _runtime.MaxSendMessageSize);
                _messageWritten = true;
                if (flush)
                {
                    await FlushLockedAsync(response).ConfigureAwait(false);
                }
                else
                {
                    Volatile.Write(ref _unflushedBytes, _unflushedBytes + GrpcProtocol.FrameHeaderSize + size);
                }
            }
            finally
            {
                ExitWrite();
            }
        }
        finally
        {
            // Written or dropped, the message is the transport's: its pooled state goes back.
            if (message is IPooledMessage pooled)
            {
                pooled.Release();
            }
        }
    }

    /// <summary>Sends responses whose flush was deferred: before the request reader waits on the network, or when the handler asks.</summary>
    internal async ValueTask FlushPendingAsync()
    {
        if (UnflushedBytes == 0)
        {
            return;
        }

        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (!_completed && _unflushedBytes > 0)
            {
                await FlushLockedAsync(_http.Response).ConfigureAwait(false);
            }
        }
        finally
        {
            ExitWrite();
        }
    }

    private async ValueTask FlushLockedAsync(HttpResponse response)
    {
        Volatile.Write(ref _unflushedBytes, 0);
        ResponseFlushes++;
        System.IO.Pipelines.FlushResult result = await response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        if (result.IsCanceled || result.IsCompleted)
        {
            _responseClosed |= result.IsCompleted;
            throw new OperationCanceledException(CancellationToken);
        }
    }

    /// <summary>Sends <paramref name="status"/> unless the call already ended; returns the status the call ended with.</summary>
    internal async ValueTask<Status> CompleteAsync(Status status)
    {
        DisposeDeadlineTimer();
        await EnterWriteAsync(cancellable: false).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return _finalStatus;
            }

            _completed = true;
            _finalStatus = status;
            if (!ClientGone)
            {
                WriteStatus(status);
            }

            return status;
        }
        finally
        {
            ExitWrite();
            _deadlineCts?.Dispose();
        }
    }

    private async Task CompleteOnDeadlineAsync()
    {
        _deadlineReached = true;
        try
        {
            _deadlineCts?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        await _writeLock!.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _finalStatus = GrpcErrors.DeadlineExceeded();
            GrpcServerLog.DeadlineExceeded(_runtime.Logger, Method);
            if (!_http.RequestAborted.IsCancellationRequested)
            {
                WriteStatus(_finalStatus);
                // Send the status now; the handler may still be running and the middleware waits for it.
                await _http.Response.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
        {
            // The response is already gone (client reset it); nothing left to tell.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void WriteStatus(Status status)
    {
        HttpResponse response = _http.Response;
        bool trailersOnly = !_messageWritten && !response.HasStarted;
        IHeaderDictionary target = trailersOnly ? response.Headers : Trailers(_http);
        // Typed properties: Kestrel keeps grpc-status and grpc-message trailers in fields.
        target.GrpcStatus = StatusCodeText.Of(status.StatusCode);
        string message = GrpcStatusMessage.Encode(status.Detail);
        if (message.Length > 0)
        {
            target.GrpcMessage = message;
        }

        if (_responseTrailers is not null)
        {
            foreach (MetadataEntry entry in _responseTrailers)
            {
                target.Append(entry.Key, entry.Value);
            }
        }
    }

    // What HttpResponse.AppendTrailer checks, once per call instead of once per trailer.
    private static IHeaderDictionary Trailers(HttpContext http) =>
        http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers
            ? trailers
            : throw new InvalidOperationException("Trailers are not supported for this response.");

    private ValueTask EnterWriteAsync(bool cancellable = true) =>
        _writeLock is null ? ValueTask.CompletedTask : new ValueTask(_writeLock.WaitAsync(cancellable ? CancellationToken : default));

    private void ExitWrite() => _writeLock?.Release();

    private void DisposeDeadlineTimer()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
    }
}
