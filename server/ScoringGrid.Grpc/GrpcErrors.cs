using System.Globalization;
using System.Text;

namespace ScoringGrid.Grpc;

/// <summary>
/// The one place that builds the statuses the transport itself produces, so server, client and
/// tests agree on codes and wording (codes per grpc/grpc <c>doc/statuscodes.md</c>).
/// </summary>
public static class GrpcErrors
{
    /// <summary>A received message is larger than the configured maximum.</summary>
    public static Status ReceivedMessageTooLarge(long length, int max) =>
        new(StatusCode.ResourceExhausted, Format($"Received message exceeds the maximum configured message size ({length} > {max} bytes)."));

    /// <summary>A message to send is larger than the configured maximum.</summary>
    public static Status SendMessageTooLarge(long length, int max) =>
        new(StatusCode.ResourceExhausted, Format($"Sending message exceeds the maximum configured message size ({length} > {max} bytes)."));

    /// <summary>The stream ended inside a frame.</summary>
    public static Status TruncatedMessage(long received, long expected) =>
        new(StatusCode.Internal, Format($"Incomplete message: truncated message ({received} of {expected} bytes received)."));

    /// <summary>The frame flag byte was neither 0 nor 1.</summary>
    public static Status InvalidFrameFlag() =>
        new(StatusCode.Internal, "Malformed message: the compressed flag must be 0 or 1.");

    /// <summary>The frame is flagged compressed but the call declared no encoding.</summary>
    public static Status CompressedWithoutEncoding() =>
        new(StatusCode.Internal, "Malformed message: compressed flag set but no grpc-encoding was declared.");

    /// <summary>The payload could not be decompressed with a supported encoding.</summary>
    public static Status DecompressionFailed(string encoding) =>
        new(StatusCode.Internal, Format($"Could not decompress a message with encoding '{encoding}'."));

    /// <summary>The peer used an encoding this endpoint does not support.</summary>
    public static Status UnsupportedEncoding(string encoding) =>
        new(StatusCode.Unimplemented, Format($"Unsupported grpc-encoding '{encoding}'."));

    /// <summary>The payload is not a valid message of the expected type.</summary>
    public static Status UnparsableMessage() =>
        new(StatusCode.Internal, "Error parsing message: the payload is not a valid protobuf message of the expected type.");

    /// <summary>A string field of the request whose bytes are not UTF-8, as proto3 requires them to be.</summary>
    public static Status NotUtf8(string field) => new(StatusCode.InvalidArgument, NotUtf8Message(field));

    /// <summary>The message of <see cref="NotUtf8"/>, for the same error given elsewhere (in a stream's answer, say).</summary>
    public static string NotUtf8Message(string field) =>
        $"{field} is not valid UTF-8: protobuf strings must be UTF-8 (convert text in GBK or another encoding before sending)";

    /// <summary>A unary or server-streaming request carried no message.</summary>
    public static Status MissingRequestMessage() =>
        new(StatusCode.Internal, "Request stream ended without a message.");

    /// <summary>A unary or server-streaming request carried more than one message.</summary>
    public static Status ExtraRequestMessage() =>
        new(StatusCode.Internal, "Request stream carried more than one message for a single-request method.");

    /// <summary>No service is registered under this name.</summary>
    public static Status UnknownService(string service) =>
        new(StatusCode.Unimplemented, Format($"Service '{service}' is unimplemented."));

    /// <summary>The service exists but has no such method.</summary>
    public static Status UnknownMethod(string service, string method) =>
        new(StatusCode.Unimplemented, Format($"Method '{method}' of service '{service}' is unimplemented."));

    /// <summary>The request content type is not a gRPC protobuf content type.</summary>
    public static Status UnsupportedContentType(string? contentType) =>
        new(StatusCode.Internal, Format($"Content-Type '{contentType}' is not supported; use application/grpc."));

    /// <summary>The request used an HTTP method other than POST.</summary>
    public static Status MethodNotAllowed(string httpMethod) =>
        new(StatusCode.Internal, Format($"HTTP method '{httpMethod}' is not allowed; gRPC requires POST."));

    /// <summary>The call's deadline passed.</summary>
    public static Status DeadlineExceeded() => new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    /// <summary>The call was cancelled by its caller.</summary>
    public static Status Cancelled() => new(StatusCode.Cancelled, "Call cancelled");

    /// <summary>A handler threw an exception that is not an <see cref="RpcException"/>.</summary>
    public static Status HandlerException(Exception exception, bool detailed) =>
        new(StatusCode.Unknown, detailed
            ? Format($"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}")
            : "Exception was thrown by handler.");

    /// <summary>The server answered with a non-200 HTTP status (grpc/grpc <c>doc/http-grpc-status-mapping.md</c>).</summary>
    public static Status HttpStatus(int httpStatus)
    {
        StatusCode code = httpStatus switch
        {
            400 => StatusCode.Internal,
            401 => StatusCode.Unauthenticated,
            403 => StatusCode.PermissionDenied,
            404 => StatusCode.Unimplemented,
            429 or 502 or 503 or 504 => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, Format($"Bad gRPC response. HTTP status code: {httpStatus}."));
    }

    /// <summary>The response content type is not gRPC.</summary>
    public static Status BadResponseContentType(string? contentType) =>
        new(StatusCode.Internal, Format($"Bad gRPC response. Invalid content-type value: {contentType}."));

    /// <summary>The response ended without a <c>grpc-status</c>.</summary>
    public static Status MissingStatus() =>
        new(StatusCode.Internal, "Bad gRPC response. Response ended without a grpc-status.");

    /// <summary>The <c>grpc-status</c> value is not a number.</summary>
    public static Status UnparsableStatus(string value) =>
        new(StatusCode.Unknown, Format($"Bad gRPC response. Invalid grpc-status value: {value}."));

    /// <summary>A unary response ended OK but without a message.</summary>
    public static Status MissingResponseMessage() =>
        new(StatusCode.Internal, "Failed to deserialize response message: the response carried no message.");

    /// <summary>The connection failed or broke; the message carries the causes (a TLS failure says why only in its inner exception).</summary>
    public static Status Unavailable(Exception exception) =>
        new(StatusCode.Unavailable, Format($"Error connecting to or communicating with the server: {Causes(exception)}"));

    // "The SSL connection could not be established: The remote certificate is invalid …: UntrustedRoot",
    // each inner message once, without the outer one's pointer to it.
    private static string Causes(Exception exception)
    {
        var text = new StringBuilder();
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            string message = cause.Message.Replace(", see inner exception.", "", StringComparison.Ordinal).TrimEnd('.');
            if (message.Length > 0 && !text.ToString().Contains(message, StringComparison.Ordinal))
            {
                text.Append(text.Length > 0 ? ": " : "").Append(message);
            }
        }

        return text.ToString();
    }

    /// <summary>The peer reset the HTTP/2 stream (mapping per PROTOCOL-HTTP2.md, "Errors").</summary>
    public static Status StreamReset(long http2ErrorCode, Exception exception)
    {
        StatusCode code = http2ErrorCode switch
        {
            0x7 => StatusCode.Unavailable,        // REFUSED_STREAM
            0x8 => StatusCode.Cancelled,          // CANCEL
            0xB => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
            0xC => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
            _ => StatusCode.Internal,
        };
        return new Status(code, Format($"The HTTP/2 stream was reset (error code 0x{http2ErrorCode:X}): {exception.Message}"));
    }

    /// <summary>A unary response carried more than one message.</summary>
    public static Status ExtraResponseMessage() =>
        new(StatusCode.Internal, "Bad gRPC response. More than one message for a single-response method.");

    /// <summary>The server compressed the response with an encoding this client does not support.</summary>
    public static Status UnsupportedResponseEncoding(string encoding) =>
        new(StatusCode.Internal, Format($"Bad gRPC response. Unsupported grpc-encoding '{encoding}'."));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
