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
            var (pfx, pem) = TestCertificates.WriteSelfSigned(_directory, PfxPassword);
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
}

/// <summary>The same server over TLS (ALPN h2), as portals reach it in production.</summary>
public sealed class TlsScoringServerFixture() : ScoringServerFixture(tls: true);

[CollectionDefinition(Name)]
public sealed class ScoringServerCollection : ICollectionFixture<ScoringServerFixture>
{
    public const string Name = "Scoring server";
}
