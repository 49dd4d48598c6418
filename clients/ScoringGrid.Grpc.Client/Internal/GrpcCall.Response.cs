using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;

namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>Receiving: response headers, messages, then the status from trailers.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private HttpResponseMessage? _response;
    private PipeReader? _responseReader;
    private ICompressionProvider? _responseDecompression;

    /// <summary>Reads the next response message; false once the call ended (status then known).</summary>
    public async Task<(bool HasMessage, TResponse? Message)> ReadMessageAsync(CancellationToken cancellationToken)
    {
        await _responseStarted.ConfigureAwait(false);
        if (FinalStatus is not null || _response is null)
        {
            return (false, default);
        }

        using CancellationTokenRegistration registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByReader(), this)
            : default;
        try
        {
            // A pipe over the body reads as much as has arrived, so a burst of streamed messages
            // costs one read of the HTTP/2 stream rather than two per message.
            _responseReader ??= PipeReader.Create(
                await _response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false), new StreamPipeReaderOptions(bufferSize: 16 * 1024));
            int maxSize = _channel.MaxReceiveMessageSize;
            while (true)
            {
                ReadResult result = await _responseReader.ReadAsync(_cts.Token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                FrameReadResult outcome = GrpcFrameReader.TryReadFrame(ref buffer, maxSize, out GrpcFrame frame, out long declared);
                switch (outcome)
                {
                    case FrameReadResult.Complete:
                        try
                        {
                            return (true, GrpcMessageCodec.ReadMessage(frame, Method.ResponseMarshaller, _responseDecompression, maxSize));
                        }
                        finally
                        {
                            _responseReader.AdvanceTo(buffer.Start);
                        }

                    case FrameReadResult.InvalidFlag:
                        throw new RpcException(GrpcErrors.InvalidFrameFlag());
                    case FrameReadResult.TooLarge:
                        throw new RpcException(GrpcErrors.ReceivedMessageTooLarge(declared, maxSize));
                }

                if (result.IsCompleted)
                {
                    long available = result.Buffer.Length;
                    _responseReader.AdvanceTo(result.Buffer.End);
                    if (available == 0)
                    {
                        FinishFromTrailers(_response);
                        return (false, default);
                    }

                    throw new RpcException(declared < 0
                        ? GrpcErrors.TruncatedMessage(available, GrpcProtocol.FrameHeaderSize)
                        : GrpcErrors.TruncatedMessage(available - GrpcProtocol.FrameHeaderSize, declared));
                }

                _responseReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
        }
        catch (Exception ex)
        {
            Status status = Finish(ResolveFailure(ex), trailers: null);
            throw new RpcException(status, GetTrailersOrEmpty());
        }
    }

    /// <summary>Reads exactly one response message and the OK status after it (unary, client streaming).</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        (bool hasMessage, TResponse? message) = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false);
        if (!hasMessage)
        {
            ThrowIfNotOk();
            throw new RpcException(Finish(GrpcErrors.MissingResponseMessage(), trailers: null));
        }

        (bool extra, _) = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false);
        if (extra)
        {
            throw new RpcException(Finish(GrpcErrors.ExtraResponseMessage(), trailers: null));
        }

        ThrowIfNotOk();
        return message!;
    }

    /// <summary>Throws the call's status when it ended with an error.</summary>
    public void ThrowIfNotOk()
    {
        Status status = GetStatus();
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, GetTrailersOrEmpty());
        }
    }

    private async Task SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await _channel.Invoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Status failed = Finish(ResolveFailure(ex), trailers: null);
            throw new RpcException(failed);
        }

        _response = response;
        if (FinalStatus is { } already)
        {
            // The deadline or a dispose won the race with the response headers.
            response.Dispose();
            throw new RpcException(already);
        }

        Status? early = InspectHeaders(response);
        if (early is { } status)
        {
            Metadata trailers = ResponseMetadata.FromHeaders(response.Headers, includeStatus: false);
            _headers.TrySetResult(trailers);
            Finish(status, trailers);
            return;
        }

        _headers.TrySetResult(ResponseMetadata.FromHeaders(response.Headers, includeStatus: false));
    }

    /// <summary>A status decided by the headers alone: HTTP errors, a bad content type, trailers-only.</summary>
    private Status? InspectHeaders(HttpResponseMessage response)
    {
        if (ResponseMetadata.TryGetSingle(response.Headers, GrpcProtocol.StatusHeader, out string? statusText))
        {
            // Trailers-only: the status is in the headers and there is no body.
            return ParseStatus(statusText, ResponseMetadata.TryGetSingle(response.Headers, GrpcProtocol.MessageHeader, out string? m) ? m : null);
        }

        if ((int)response.StatusCode != 200)
        {
            return GrpcErrors.HttpStatus((int)response.StatusCode);
        }

        string? contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return GrpcErrors.BadResponseContentType(contentType);
        }

        if (ResponseMetadata.TryGetSingle(response.Headers, GrpcProtocol.EncodingHeader, out string? encoding)
            && !_channel.Compression.TryGet(encoding, out _responseDecompression))
        {
            return GrpcErrors.UnsupportedResponseEncoding(encoding);
        }

        return null;
    }

    private void FinishFromTrailers(HttpResponseMessage response)
    {
        if (!ResponseMetadata.TryGetSingle(response.TrailingHeaders, GrpcProtocol.StatusHeader, out string? statusText))
        {
            Finish(GrpcErrors.MissingStatus(), trailers: null);
            return;
        }

        string? message = ResponseMetadata.TryGetSingle(response.TrailingHeaders, GrpcProtocol.MessageHeader, out string? m) ? m : null;
        Finish(ParseStatus(statusText, message), ResponseMetadata.FromHeaders(response.TrailingHeaders, includeStatus: false));
    }

    private static Status ParseStatus(string statusText, string? message) =>
        int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
            ? new Status((StatusCode)code, GrpcStatusMessage.Decode(message))
            : GrpcErrors.UnparsableStatus(statusText);

    private Metadata GetTrailersOrEmpty()
    {
        lock (_sync)
        {
            return _trailers ?? new Metadata();
        }
    }

    private void CancelByReader()
    {
        _cancelledLocally = true;
        Finish(GrpcErrors.Cancelled(), trailers: null);
    }
}
