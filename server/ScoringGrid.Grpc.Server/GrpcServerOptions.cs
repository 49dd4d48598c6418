namespace ScoringGrid.Grpc.Server;

/// <summary>Options of the gRPC server transport.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest accepted request message (after decompression); null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest response message the server sends; null for no limit. Default 4 MiB.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>
    /// Compress responses with this encoding (e.g. <c>gzip</c>) when the client lists it in
    /// <c>grpc-accept-encoding</c>; null sends them uncompressed.
    /// </summary>
    public string? ResponseCompression { get; set; }

    /// <summary>Send exception type and message to clients for unhandled handler exceptions (development only).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Encodings accepted for requests and usable for responses. Default: gzip.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = [GzipCompressionProvider.Default];

    /// <summary>Interceptors run for every call, before those registered in dependency injection.</summary>
    public IList<IGrpcCallInterceptor> Interceptors { get; } = [];
}
