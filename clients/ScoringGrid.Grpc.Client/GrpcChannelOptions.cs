using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ScoringGrid.Grpc.Client;

/// <summary>Options of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest accepted response message (after decompression); null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest request message the client sends; null (default) for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// The handler to send requests with; null creates a SocketsHttpHandler with several HTTP/2
    /// connections and no proxy. A given handler is not disposed unless <see cref="DisposeHttpHandler"/>.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpHandler"/> with the channel.</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>Validates the server certificate of https addresses (e.g. to trust a test certificate).</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }

    /// <summary>
    /// The roots an https server's certificate must chain to, instead of the system's (a private CA,
    /// or a self-signed server certificate itself); its name is checked as always. Null (default)
    /// trusts the system's roots.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; set; }

    /// <summary>Encodings usable for requests and accepted for responses. Default: gzip.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = [GzipCompressionProvider.Default];

    /// <summary>When <see cref="GrpcChannel.UnaryAsync"/> tries a failed call again; null (default) never does.</summary>
    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>The clock for deadlines and retry waits; tests may substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
