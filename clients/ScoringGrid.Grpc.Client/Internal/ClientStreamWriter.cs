namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>Frames each request message and pushes it into the streaming request body.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
{
    private bool _completed;

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

        using var frame = new PooledBufferWriter(256);
        GrpcMessageCodec.WriteMessage(frame, message, call.Method.RequestMarshaller, call.RequestCompression, call.Channel.Options.MaxSendMessageSize);
        using CancellationTokenSource? linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(call.CallToken, cancellationToken)
            : null;
        try
        {
            await call.RequestContent!.WriteAsync(frame.WrittenMemory, linked?.Token ?? call.CallToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            // A write fails when the call already ended; report why it ended.
            throw new RpcException(call.FinalStatus ?? call.ResolveFailure(ex));
        }
    }

    public Task CompleteAsync()
    {
        _completed = true;
        call.RequestContent?.Complete();
        return Task.CompletedTask;
    }
}
