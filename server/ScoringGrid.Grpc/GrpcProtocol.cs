namespace ScoringGrid.Grpc;

/// <summary>Names and constants of gRPC over HTTP/2 (grpc/grpc <c>doc/PROTOCOL-HTTP2.md</c>).</summary>
public static class GrpcProtocol
{
    /// <summary>The base content type of gRPC requests and responses.</summary>
    public const string ContentType = "application/grpc";

    /// <summary>The explicit protobuf content type, equivalent to <see cref="ContentType"/>.</summary>
    public const string ProtoContentType = "application/grpc+proto";

    /// <summary>Status trailer (or trailers-only header).</summary>
    public const string StatusHeader = "grpc-status";

    /// <summary>Percent-encoded status detail trailer.</summary>
    public const string MessageHeader = "grpc-message";

    /// <summary>Call timeout request header.</summary>
    public const string TimeoutHeader = "grpc-timeout";

    /// <summary>Message compression of the sender.</summary>
    public const string EncodingHeader = "grpc-encoding";

    /// <summary>Compressions the sender can receive.</summary>
    public const string AcceptEncodingHeader = "grpc-accept-encoding";

    /// <summary>The encoding name meaning "not compressed".</summary>
    public const string IdentityEncoding = "identity";

    /// <summary>The HTTP <c>te</c> header; gRPC requires the value <c>trailers</c>.</summary>
    public const string TeHeader = "te";

    /// <summary>
    /// The server's pushback (retry design A6): after so many milliseconds a retry may pass; a
    /// negative or malformed value means "do not retry".
    /// </summary>
    public const string RetryPushbackTrailer = "grpc-retry-pushback-ms";

    /// <summary>The rich error model: a serialized <c>google.rpc.Status</c> repeating the status, with typed details.</summary>
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>Size of the length prefix before each message: 1 flag byte + 4 length bytes.</summary>
    public const int FrameHeaderSize = 5;

    /// <summary>The default maximum message size in either direction: 4 MiB.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with optional parameters
    /// (<c>; charset=…</c>); other sub-types (<c>+json</c>) are not served by this transport.
    /// </summary>
    public static bool IsGrpcProtoContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        ReadOnlySpan<char> value = contentType.AsSpan();
        int semicolon = value.IndexOf(';');
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        value = value.Trim();
        return value.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || value.Equals(ProtoContentType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="contentType"/> starts with <c>application/grpc</c> (any sub-type).</summary>
    public static bool IsGrpcContentType(string? contentType) =>
        contentType is not null && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);
}
