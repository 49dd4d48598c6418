using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>
/// Kestrel settings gRPC needs: cleartext endpoints speak HTTP/2 only (h2c prior knowledge —
/// with Http1AndHttp2 and no TLS Kestrel would serve HTTP/1.1 only), TLS endpoints negotiate
/// h2 by ALPN, and request bodies are unlimited in size and rate so streams can stay open.
/// </summary>
public static class GrpcKestrel
{
    /// <summary>Concurrent streams per HTTP/2 connection.</summary>
    public const int MaxStreamsPerConnection = 100;

    // Every gRPC connection the server closes waits a little for its client to close too.
    private static readonly LingeringClose Lingering = new(LingeringClose.DefaultLinger);

    /// <summary>Applies the gRPC limits: 100 streams per connection, no body size or rate limit.</summary>
    public static KestrelServerOptions ApplyGrpcLimits(this KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Limits.Http2.MaxStreamsPerConnection = MaxStreamsPerConnection;
        // The transport enforces the message size from each frame prefix instead.
        options.Limits.MaxRequestBodySize = null;
        options.Limits.MinRequestBodyDataRate = null;
        return options;
    }

    /// <summary>
    /// Listens on each URL: <c>http://host:port</c> as HTTP/2 cleartext, <c>https://host:port</c> as
    /// HTTP/1.1+HTTP/2 over TLS with <paramref name="certificate"/>. Host <c>localhost</c> binds
    /// loopback, <c>*</c>/<c>+</c>/<c>0.0.0.0</c> or a name binds every address; port 0 picks a free one.
    /// </summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, IEnumerable<string> urls, X509Certificate2? certificate = null) =>
        options.ListenGrpc(urls, certificate is null ? null : () => certificate);

    /// <summary>
    /// Listens on each URL as <see cref="ListenGrpc(KestrelServerOptions, IEnumerable{string}, X509Certificate2?)"/>
    /// does, asking <paramref name="certificate"/> for the certificate at each TLS handshake, so a
    /// renewed certificate serves new connections without a restart.
    /// </summary>
    /// <param name="options">Kestrel's options.</param>
    /// <param name="urls">The URLs to listen on.</param>
    /// <param name="certificate">The TLS certificate, asked at each handshake; null for cleartext URLs only.</param>
    /// <param name="connectionAge">A maximum age for the connections, or null to let them live as long as their clients keep them.</param>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, IEnumerable<string> urls, Func<X509Certificate2>? certificate, GrpcConnectionAge? connectionAge = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        options.ApplyGrpcLimits();
        foreach (string url in urls)
        {
            options.ListenGrpc(url, certificate, connectionAge);
        }

        return options;
    }

    /// <summary>Listens on one URL; see <see cref="ListenGrpc(KestrelServerOptions, IEnumerable{string}, X509Certificate2?)"/>.</summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, string url, X509Certificate2? certificate = null) =>
        options.ListenGrpc(url, certificate is null ? null : () => certificate);

    /// <summary>Listens on one URL; see <see cref="ListenGrpc(KestrelServerOptions, IEnumerable{string}, Func{X509Certificate2}?, GrpcConnectionAge?)"/>.</summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, string url, Func<X509Certificate2>? certificate, GrpcConnectionAge? connectionAge = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        GrpcListenAddress address = GrpcListenAddress.Parse(url);
        if (address.UseTls && certificate is null)
        {
            throw new ArgumentException($"URL '{url}' uses https but no certificate was given.", nameof(certificate));
        }

        Action<ListenOptions> configure = listen =>
        {
            // First of the connection middleware: it must hold the socket's own pipes, beneath TLS.
            Lingering.ApplyTo(listen);
            if (address.UseTls)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificateSelector = (_, _) => certificate!() });
                LingeringClose.FollowTls(listen);
            }
            else
            {
                listen.Protocols = HttpProtocols.Http2;
            }

            connectionAge?.ApplyTo(listen);
        };

        return options.Bind(address, configure);
    }

    /// <summary>
    /// Listens on a cleartext <c>http://host:port</c> URL with HTTP/1.1 only (REST, <c>/metrics</c> for scrapers that
    /// speak HTTP/1.1), binding hosts by the same rules as <see cref="ListenGrpc(KestrelServerOptions, string, X509Certificate2?)"/>.
    /// </summary>
    public static KestrelServerOptions ListenHttp1(this KestrelServerOptions options, string url)
    {
        ArgumentNullException.ThrowIfNull(options);
        GrpcListenAddress address = GrpcListenAddress.Parse(url);
        if (address.UseTls)
        {
            throw new ArgumentException($"URL '{url}' must be http:// (HTTP/1.1 listeners here are cleartext).", nameof(url));
        }

        return options.Bind(address, static listen => listen.Protocols = HttpProtocols.Http1);
    }

    private static KestrelServerOptions Bind(this KestrelServerOptions options, GrpcListenAddress address, Action<ListenOptions> configure)
    {
        if (address.Host is null)
        {
            options.ListenAnyIP(address.Port, configure);
        }
        else if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            options.ListenLocalhost(address.Port, configure);
        }
        else
        {
            options.Listen(IPAddress.Parse(address.Host), address.Port, configure);
        }

        return options;
    }
}
