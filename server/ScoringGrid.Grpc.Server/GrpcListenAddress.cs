using System.Globalization;
using System.Net;

namespace ScoringGrid.Grpc.Server;

/// <summary>A parsed listen URL: scheme, host (null for every address) and port.</summary>
public sealed record GrpcListenAddress(bool UseTls, string? Host, int Port)
{
    /// <summary>Parses <c>http(s)://host:port</c>; the default port is 80/443.</summary>
    public static GrpcListenAddress Parse(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"Listen URL '{url}' must start with http:// or https://.");
        }

        string scheme = url[..schemeEnd].ToLowerInvariant();
        bool tls = scheme switch
        {
            "http" => false,
            "https" => true,
            _ => throw new FormatException($"Listen URL '{url}' has unsupported scheme '{scheme}'."),
        };

        string authority = url[(schemeEnd + 3)..].TrimEnd('/');
        int port = tls ? 443 : 80;
        string host = authority;
        int colon = authority.LastIndexOf(':');
        if (colon >= 0 && colon > authority.LastIndexOf(']'))
        {
            host = authority[..colon];
            string portText = authority[(colon + 1)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                throw new FormatException($"Listen URL '{url}' has an invalid port '{portText}'.");
            }
        }

        host = host.Trim('[', ']');
        bool anyAddress = host is "*" or "+" or "0.0.0.0" or "::" || (!host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(host, out _));
        return new GrpcListenAddress(tls, anyAddress ? null : host, port);
    }
}
