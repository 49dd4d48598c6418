using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Infrastructure;

/// <summary>
/// The real ScoringGrid server (<see cref="ScoringServer.Build"/>) serving gRPC on a free loopback
/// port: over h2c, or, as <see cref="TlsScoringServerFixture"/>, over TLS with a certificate of its own
/// loaded from a PFX file the way an operator configures one.
/// </summary>
public class ScoringServerFixture : IAsyncLifetime
{
    private const string PfxPassword = "interop";
    private readonly bool _tls;
    private WebApplication? _app;
    private string? _directory;

    public ScoringServerFixture()
        : this(tls: false)
    {
    }

    protected ScoringServerFixture(bool tls) => _tls = tls;

    /// <summary><c>127.0.0.1:PORT</c>, the form grpcio and grpc-js take as a target.</summary>
    public string Target { get; private set; } = "";

    /// <summary>Over TLS: the PEM file of the server's self-signed certificate, for a client to trust.</summary>
    public string? RootCertificatePath { get; private set; }

    public async Task InitializeAsync()
    {
        string[] tls = [];
        if (_tls)
        {
            _directory = Directory.CreateTempSubdirectory("sg-interop-tls-").FullName;
            var (pfx, pem) = WriteSelfSignedCertificate(_directory);
            RootCertificatePath = pem;
            tls = ["--ScoringGrid:CertificatePath", pfx, "--ScoringGrid:CertificatePassword", PfxPassword];
        }

        var scheme = _tls ? "https" : "http";
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) =>
            ["--urls", $"{scheme}://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning", .. tls]);
        _app = app;
        Target = $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Peers check the name they dialled against the certificate: 127.0.0.1 must be in its subject alternative names.
    private static (string Pfx, string Pem) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var pfx = Path.Combine(directory, "server.pfx");
        var pem = Path.Combine(directory, "server.pem");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, PfxPassword));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return (pfx, pem);
    }
}

/// <summary>The same server over TLS (ALPN h2), as portals reach it in production.</summary>
public sealed class TlsScoringServerFixture() : ScoringServerFixture(tls: true);

[CollectionDefinition(Name)]
public sealed class ScoringServerCollection : ICollectionFixture<ScoringServerFixture>
{
    public const string Name = "Scoring server";
}
