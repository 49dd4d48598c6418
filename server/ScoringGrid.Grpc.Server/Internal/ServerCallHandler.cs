using System.Buffers;
using System.IO.Pipelines;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Typed base of the four call shapes: reading the single request of unary and server-streaming calls.</summary>
internal abstract class ServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method)
    : ServerMethodHandler(method.FullName, method.Type)
{
    protected Method<TRequest, TResponse> Method { get; } = method;

    protected ValueTask<TRequest> ReadSingleRequestAsync(ServerCallContext call) =>
        TryReadWholeBody(call, out TRequest request) ? ValueTask.FromResult(request) : ReadSingleRequestSlowAsync(call);

    // The common case: the request's one frame and the end of the body arrived with the headers, so
    // the message is read at once, with no reader object and no await.
    private bool TryReadWholeBody(ServerCallContext call, out TRequest request)
    {
        request = default!;
        PipeReader reader = call.HttpContext.Request.BodyReader;
        if (!reader.TryRead(out ReadResult result))
        {
            return false;
        }

        ReadOnlySequence<byte> buffer = result.Buffer;
        int maxSize = call.Runtime.MaxReceiveMessageSize;
        if (!result.IsCompleted || result.IsCanceled
            || GrpcFrameReader.TryReadFrame(ref buffer, maxSize, out GrpcFrame frame, out _) != FrameReadResult.Complete
            || !buffer.IsEmpty)
        {
            // Anything else (more to come, a bad or extra frame) takes the general path, which reports it.
            reader.AdvanceTo(result.Buffer.Start);
            return false;
        }

        try
        {
            request = GrpcMessageCodec.ReadMessage(frame, Method.RequestMarshaller, call.RequestDecompression, maxSize);
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }

        return true;
    }

    private async ValueTask<TRequest> ReadSingleRequestSlowAsync(ServerCallContext call)
    {
        var reader = new RequestStreamReader<TRequest>(call, Method.RequestMarshaller);
        if (!await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(GrpcErrors.MissingRequestMessage());
        }

        TRequest request = reader.Current;
        if (await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(GrpcErrors.ExtraRequestMessage());
        }

        return request;
    }
}
