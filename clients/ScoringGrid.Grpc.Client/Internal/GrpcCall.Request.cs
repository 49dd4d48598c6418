using System.Net.Http.Headers;

namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>Sending: the request message(s), headers, grpc-timeout and the local deadline timer.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcProtocol.ContentType);

    public void StartWithMessage(TRequest request)
    {
        try
        {
            ResolveRequestCompression();
            using var body = new PooledBufferWriter(256);
            GrpcMessageCodec.WriteMessage(body, request, Method.RequestMarshaller, RequestCompression, _channel.Options.MaxSendMessageSize);
            Send(new ByteArrayContent(body.WrittenSpan.ToArray()));
        }
        catch (RpcException ex)
        {
            FailBeforeSend(ex.Status);
        }
    }

    public void StartStreaming()
    {
        try
        {
            ResolveRequestCompression();
            RequestContent = new StreamingRequestContent();
            Send(RequestContent);
        }
        catch (RpcException ex)
        {
            FailBeforeSend(ex.Status);
        }
    }

    private void ResolveRequestCompression()
    {
        if (_options.WriteCompression is { Length: > 0 } name)
        {
            if (!_channel.Compression.TryGet(name, out ICompressionProvider? provider))
            {
                throw new RpcException(GrpcErrors.UnsupportedEncoding(name));
            }

            RequestCompression = provider;
        }
    }

    private void FailBeforeSend(Status status)
    {
        Finish(status, trailers: null);
        _responseStarted = Task.FromException(new RpcException(status));
    }

    private void Send(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(Method.FullName))
        {
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = GrpcContentType;
        HttpRequestHeaders headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, "trailers");
        headers.TryAddWithoutValidation("user-agent", "scoringgrid-grpc-dotnet/1.0");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.Compression.AcceptEncoding);
        if (RequestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, RequestCompression.EncodingName);
        }

        if (_options.Headers is { } metadata)
        {
            foreach (MetadataEntry entry in metadata)
            {
                headers.TryAddWithoutValidation(entry.Key, entry.Value);
            }
        }

        if (_options.Deadline is { } deadline)
        {
            TimeSpan remaining = deadline.ToUniversalTime() - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineFired = true;
                request.Dispose();
                FailBeforeSend(GrpcErrors.DeadlineExceeded());
                return;
            }

            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
            _deadlineTimer = _channel.Options.TimeProvider.CreateTimer(
                static state => ((GrpcCall<TRequest, TResponse>)state!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
        }

        _responseStarted = SendAsync(request);
    }

    private void OnDeadline()
    {
        _deadlineFired = true;
        Finish(GrpcErrors.DeadlineExceeded(), trailers: null);
    }
}
