using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ScoringGrid.Grpc.Client;

/// <summary>
/// A connection pool to one gRPC server. <c>http://</c> addresses speak HTTP/2 with prior knowledge
/// (h2c), <c>https://</c> negotiate h2 by ALPN. Thread-safe; create one per server and reuse it.
/// </summary>
public sealed partial class GrpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        Compression = new CompressionProviderSet(options.CompressionProviders);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        HttpMessageHandler handler = options.HttpHandler ?? CreateDefaultHandler(options);
        bool disposeHandler = options.HttpHandler is null || options.DisposeHttpHandler;
        _invoker = new HttpMessageInvoker(handler, disposeHandler);
    }

    /// <summary>The server address, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal CompressionProviderSet Compression { get; }

    internal int MaxReceiveMessageSize { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address, UriKind.Absolute), options);

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http or https.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();

    internal Uri GetMethodUri(string fullName) =>
        _methodUris.GetOrAdd(fullName, static (name, baseUri) => new Uri(baseUri, name), Address);

    private static SocketsHttpHandler CreateDefaultHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // One HTTP/2 connection tops out near 86k req/s and 100 streams; open more under load.
            EnableMultipleHttp2Connections = true,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        if (options.RemoteCertificateValidationCallback is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = options.RemoteCertificateValidationCallback;
        }

        if (options.TrustedRoots is { } roots)
        {
            // Revocation as SslStream checks it by default (not at all): a private CA rarely publishes a CRL.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }
}
