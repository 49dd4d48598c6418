using System.Buffers;
using System.IO.Pipelines;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>
/// Reads request messages straight from Kestrel's body pipe. The size limit is enforced from the
/// 5-byte prefix before the payload is buffered; an incomplete frame is examined-but-not-consumed
/// so Kestrel keeps granting flow-control window.
/// </summary>
internal sealed class RequestStreamReader<T>(ServerCallContext call, Marshaller<T> marshaller) : IAsyncStreamReader<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        PipeReader reader = call.HttpContext.Request.BodyReader;
        CancellationToken token = call.CancellationToken;
        using CancellationTokenSource? linked = cancellationToken.CanBeCanceled && cancellationToken != token
            ? CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken)
            : null;
        if (linked is not null)
        {
            token = linked.Token;
        }

        int maxSize = call.Runtime.MaxReceiveMessageSize;
        while (true)
        {
            if (!reader.TryRead(out ReadResult result))
            {
                // About to wait for the client: first send any responses whose flush was deferred.
                await call.FlushPendingAsync().ConfigureAwait(false);
                result = await reader.ReadAsync(token).ConfigureAwait(false);
            }

            if (result.IsCanceled)
            {
                throw new OperationCanceledException(token);
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            FrameReadResult outcome = GrpcFrameReader.TryReadFrame(ref buffer, maxSize, out GrpcFrame frame, out long declared);
            if (outcome == FrameReadResult.Complete)
            {
                try
                {
                    _current = GrpcMessageCodec.ReadMessage(frame, marshaller, call.RequestDecompression, maxSize);
                    ReadOnlySequence<byte> rest = buffer;
                    call.NextRequestBuffered = GrpcFrameReader.TryReadFrame(ref rest, maxSize, out _, out _) == FrameReadResult.Complete;
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }

                return true;
            }

            if (outcome != FrameReadResult.Incomplete)
            {
                reader.AdvanceTo(result.Buffer.Start);
                throw GrpcMessageCodec.FrameError(outcome, declared, maxSize);
            }

            if (result.IsCompleted)
            {
                long available = result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (available == 0)
                {
                    return false;
                }

                long received = declared < 0 ? available : available - GrpcProtocol.FrameHeaderSize;
                throw new RpcException(GrpcErrors.TruncatedMessage(received, declared < 0 ? GrpcProtocol.FrameHeaderSize : declared));
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
