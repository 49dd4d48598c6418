namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>
/// Frames each request message and pushes it into the streaming request body, one flush per
/// write unless <see cref="WriteOptions.BufferHint"/> lets frames gather up to <see cref="BufferLimit"/> bytes.
/// </summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
{
    /// <summary>Most bytes held back under a buffer hint; about what one HTTP/2 write carries well.</summary>
    internal const int BufferLimit = 32 * 1024;

    private PooledBufferWriter? _pending;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The request stream has already been completed.");
        }

        if (call.FinalStatus is { } ended)
        {
            throw new RpcException(ended);
        }

        _pending ??= new PooledBufferWriter(4096);
        GrpcMessageCodec.WriteMessage(_pending, message, call.Method.RequestMarshaller, call.RequestCompression, call.Channel.Options.MaxSendMessageSize);
        if (WriteOptions is { BufferHint: true } && _pending.WrittenCount < BufferLimit)
        {
            return;
        }

        await SendPendingAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            if (_pending is { WrittenCount: > 0 } && call.FinalStatus is null)
            {
                await SendPendingAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _pending?.Dispose();
            _pending = null;
            call.RequestContent?.Complete();
        }
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenSource? linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(call.CallToken, cancellationToken)
            : null;
        try
        {
            await call.RequestContent!.WriteAsync(_pending!.WrittenMemory, linked?.Token ?? call.CallToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            // A write fails when the call already ended; report why it ended.
            throw new RpcException(call.FinalStatus ?? call.ResolveFailure(ex));
        }
        finally
        {
            _pending!.Reset();
        }
    }
}
