using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Server;

/// <summary>The <c>ScoringGrid</c> configuration section (appsettings.json, environment, command line).</summary>
public sealed class ServerSettings
{
    /// <summary>Directory of rule files to serve and watch; empty serves the shipped rule sets.</summary>
    public string RuleSets { get; set; } = "";

    /// <summary>HTTP/1.1 URLs for REST, <c>/metrics</c> and <c>/healthz</c> (Prometheus scrapes HTTP/1.1); empty for none.</summary>
    public string HttpUrls { get; set; } = "";

    /// <summary>Path of a PFX certificate for https URLs.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>Password of <see cref="CertificatePath"/>.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>Largest gRPC message accepted or sent, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Cloud providers on the province's pool list (Hebei <c>gate.provider_pool</c>); empty: only the provider's confirmation counts.</summary>
    public List<string> ProviderPool { get; set; } = [];

    /// <summary>
    /// <c>gzip</c> to compress gRPC responses for clients that accept it (results with explanations
    /// compress about 5:1, at a CPU cost); empty to send them uncompressed.
    /// </summary>
    public string ResponseCompression { get; set; } = "";

    /// <summary>
    /// Web origins (<c>https://portal.example.gov.cn</c>) whose pages may call the REST API from a
    /// browser (CORS); empty (default) lets no other origin's page call it.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>How long shutdown waits for in-flight calls.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After this long without a frame from a client, the server sends an HTTP/2 PING (gRPC
    /// keepalive); <see cref="TimeSpan.Zero"/> turns pings off. A portal that vanished behind a NAT or a
    /// proxy, say in the middle of a paced EvaluateStream, is otherwise noticed only when TCP gives up.
    /// </summary>
    public TimeSpan KeepAlivePing { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a PING may go unanswered before the server closes the connection.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a gRPC connection may take new calls (give or take 10 %) before the server sends
    /// GOAWAY and its client opens another, which a TCP load balancer may send to another replica;
    /// zero (default) for as long as the client keeps it.
    /// </summary>
    public TimeSpan MaxConnectionAge { get; set; }

    /// <summary>How long calls in flight on a connection past its age may run on before it is closed; unset for as long as they take.</summary>
    public TimeSpan? MaxConnectionAgeGrace { get; set; }

    /// <summary>The connection age limit to give Kestrel, or null for none.</summary>
    internal GrpcConnectionAge? ConnectionAge =>
        MaxConnectionAge == TimeSpan.Zero ? null : new GrpcConnectionAge(MaxConnectionAge, MaxConnectionAgeGrace ?? Timeout.InfiniteTimeSpan);

    /// <summary>Throws <see cref="ServerConfigurationException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        foreach (string origin in CorsOrigins)
        {
            // An origin is scheme, host and port only; a browser sends it without a path, so anything else would never match.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.EndsWith('/') || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ServerConfigurationException($"ScoringGrid:CorsOrigins: '{origin}' is not a web origin; write scheme, host and port only, e.g. https://portal.example.gov.cn");
            }
        }

        if (MaxMessageBytes <= 0)
        {
            throw new ServerConfigurationException($"ScoringGrid:MaxMessageBytes: must be a positive number of bytes, not {MaxMessageBytes}.");
        }

        if (DrainTimeout < TimeSpan.Zero)
        {
            throw new ServerConfigurationException($"ScoringGrid:DrainTimeout: must not be negative, not {DrainTimeout}.");
        }

        // Kestrel's own floor: a ping or its timeout below a second is refused.
        if (KeepAlivePing != TimeSpan.Zero && KeepAlivePing < TimeSpan.FromSeconds(1))
        {
            throw new ServerConfigurationException($"ScoringGrid:KeepAlivePing: must be at least 00:00:01, or 00:00:00 to send no pings, not {KeepAlivePing}.");
        }

        if (KeepAliveTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ServerConfigurationException($"ScoringGrid:KeepAliveTimeout: must be at least 00:00:01, not {KeepAliveTimeout}.");
        }

        if (MaxConnectionAge < TimeSpan.Zero)
        {
            throw new ServerConfigurationException($"ScoringGrid:MaxConnectionAge: must not be negative, not {MaxConnectionAge}; 00:00:00 keeps connections as long as their clients do.");
        }

        if (MaxConnectionAgeGrace < TimeSpan.Zero)
        {
            throw new ServerConfigurationException($"ScoringGrid:MaxConnectionAgeGrace: must not be negative, not {MaxConnectionAgeGrace}; leave it unset to let calls finish however long they take.");
        }

        // An encoding the transport does not have would silently send every response uncompressed.
        if (ResponseCompression.Length > 0 && !ResponseCompression.Equals(GzipCompressionProvider.Default.EncodingName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ServerConfigurationException($"ScoringGrid:ResponseCompression: '{ResponseCompression}' is not supported; use gzip, or leave it empty to send responses uncompressed.");
        }
    }
}
