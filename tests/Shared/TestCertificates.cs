using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScoringGrid.Tests.Shared;

/// <summary>Self-signed TLS certificates for servers the tests start on loopback.</summary>
internal static class TestCertificates
{
    /// <summary>
    /// A certificate with its private key for <c>localhost</c> and <c>127.0.0.1</c> (clients check the
    /// name they dialled), valid from a day ago for <paramref name="validity"/> (default a day), in whole seconds.
    /// </summary>
    public static X509Certificate2 SelfSigned(string commonName = "localhost", TimeSpan? validity = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return request.CreateSelfSigned(now.AddDays(-1), now + (validity ?? TimeSpan.FromDays(1)));
    }

    /// <summary>
    /// The client side of TLS over <paramref name="stream"/> to a server the test started, asking ALPN for
    /// <paramref name="protocol"/> and trusting whatever certificate the server shows.
    /// </summary>
    public static async Task<SslStream> AuthenticateTrustingAnyAsync(Stream stream, string host, SslApplicationProtocol protocol)
    {
        var tls = new SslStream(stream);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ApplicationProtocols = [protocol],
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        });
        return tls;
    }

    /// <summary>
    /// Writes a new <see cref="SelfSigned"/> certificate into <paramref name="directory"/> as the server
    /// loads it (<c>server.pfx</c>, with its key) and as a client is told to trust it (<c>server.pem</c>).
    /// </summary>
    public static (string Pfx, string Pem) WriteSelfSigned(string directory, string password)
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(directory, "server.pfx");
        var pem = Path.Combine(directory, "server.pem");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, password));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return (pfx, pem);
    }
}
