namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Writes and flushes one response message per call to <see cref="WriteAsync"/>.</summary>
internal sealed class ResponseStreamWriter<T>(ServerCallContext call, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return call.WriteMessageAsync(message, marshaller, flush: true).AsTask();
    }
}
