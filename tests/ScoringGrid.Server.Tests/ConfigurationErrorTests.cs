using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// A setting the server cannot start with stops it before it serves, with a message that begins with
/// the setting's name; the process prints that one line and exits with code 2 (it used to die of an
/// unhandled exception with a stack trace, or, for some settings, start and silently ignore them).
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    // A key that is valid but for the setting a case adds.
    private static readonly string[] AKey =
    [
        "--ScoringGrid:Security:ApiKeys:0:Id", "portal", "--ScoringGrid:Security:ApiKeys:0:Sha256", new string('a', 64),
        "--ScoringGrid:Security:ApiKeys:0:Tenant", "*", "--ScoringGrid:Security:ApiKeys:0:Scopes:0", "score",
    ];
    private readonly string _directory = Directory.CreateTempSubdirectory("sg-config-").FullName;

    public static TheoryData<string[], string> SettingsRefusedAtBuild => new()
    {
        { ["--ScoringGrid:RuleSets", "/no/such/rules"], "ScoringGrid:RuleSets: no directory '/no/such/rules'." },
        { ["--ScoringGrid:CertificatePath", "/no/such/server.pfx"], "ScoringGrid:CertificatePath: no file '/no/such/server.pfx'." },
        { ["--ScoringGrid:DrainTimeout", "soon"], "Failed to convert configuration value 'soon' at 'ScoringGrid:DrainTimeout' to type 'System.TimeSpan'." },
        { ["--ScoringGrid:TolerancePercent", "some"], "Failed to convert configuration value 'some' at 'ScoringGrid:TolerancePercent' to type 'System.Double'." },
        { ["--ScoringGrid:Redis", "notahost:abc"], "ScoringGrid:Redis: 'notahost:abc' names no Redis endpoint (host:port)." },
        { ["--ScoringGrid:MaxMessageBytes", "0"], "ScoringGrid:MaxMessageBytes: must be a positive number of bytes, not 0." },
        { ["--ScoringGrid:KeepAlivePing", "00:00:00.5"], "ScoringGrid:KeepAlivePing: must be at least 00:00:01, or 00:00:00 to send no pings, not 00:00:00.5000000." },
        { ["--ScoringGrid:KeepAliveTimeout", "00:00:00"], "ScoringGrid:KeepAliveTimeout: must be at least 00:00:01, not 00:00:00." },
        { ["--ScoringGrid:MaxConnectionAge", "-00:01:00"], "ScoringGrid:MaxConnectionAge: must not be negative, not -00:01:00; 00:00:00 keeps connections as long as their clients do." },
        { ["--ScoringGrid:MaxConnectionAgeGrace", "-00:00:05"], "ScoringGrid:MaxConnectionAgeGrace: must not be negative, not -00:00:05; leave it unset to let calls finish however long they take." },
        { ["--ScoringGrid:ResponseCompression", "br"], "ScoringGrid:ResponseCompression: 'br' is not supported; use gzip, or leave it empty to send responses uncompressed." },
        { ["--Logging:Console:FormatterName", "jsno"], "Logging:Console:FormatterName: 'jsno' is not a console log format; use simple, json or systemd." },
        { ["--ScoringGrid:Security:ApiKeys:0:Id", "portal", "--ScoringGrid:Security:ApiKeys:0:Sha256", "abc"], "ScoringGrid:Security:ApiKeys:0 (id 'portal'): Sha256 must be 64 hex digits." },
        { [.. AKey, "--ScoringGrid:Security:ApiKeys:0:RatePerSecond", "-1"], "ScoringGrid:Security:ApiKeys:0 (id 'portal'): RatePerSecond must be 0 (unlimited) or a positive number of calls or applications per second." },
        { [.. AKey, "--ScoringGrid:Security:ApiKeys:0:RatePerSecond", "5", "--ScoringGrid:Security:ApiKeys:0:Burst", "0.5"], "ScoringGrid:Security:ApiKeys:0 (id 'portal'): Burst must be at least 1 (a burst below one call would refuse every call)." },
        { [.. AKey, "--ScoringGrid:Security:ApiKeys:0:Burst", "10"], "ScoringGrid:Security:ApiKeys:0 (id 'portal'): Burst needs RatePerSecond; without one the key is unlimited." },
        { ["--ScoringGrid:CorsOrigins:0", "https://portal.example/v1"], "ScoringGrid:CorsOrigins: 'https://portal.example/v1' is not a web origin; write scheme, host and port only, e.g. https://portal.example.gov.cn" },
        { ["--ScoringGrid:CorsOrigins:0", "portal.example"], "ScoringGrid:CorsOrigins: 'portal.example' is not a web origin; write scheme, host and port only, e.g. https://portal.example.gov.cn" },
        { ["--urls", "https://127.0.0.1:1"], "--urls: 'https://127.0.0.1:1' needs a certificate; set ScoringGrid:CertificatePath to a PFX file." },
        { ["--urls", "http://127.0.0.1:port"], "--urls: Listen URL 'http://127.0.0.1:port' has an invalid port 'port'." },
        { ["--ScoringGrid:HttpUrls", "ftp://127.0.0.1:21"], "ScoringGrid:HttpUrls: Listen URL 'ftp://127.0.0.1:21' has unsupported scheme 'ftp'." },
    };

    [Theory]
    [MemberData(nameof(SettingsRefusedAtBuild))]
    public void ABadSetting_IsRefusedAtBuild_NamingIt(string[] setting, string expected)
    {
        var error = Assert.Throws<ServerConfigurationException>(() => ScoringServer.Build(WithFreeUrl(setting)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ABrokenRuleFile_IsRefused_NamingTheSettingAndTheFile()
    {
        File.WriteAllText(Path.Combine(_directory, "broken.yaml"), "id: broken\nversion: [\n");

        var error = Assert.Throws<ServerConfigurationException>(() => ScoringServer.Build(WithFreeUrl(["--ScoringGrid:RuleSets", _directory])));

        Assert.StartsWith("ScoringGrid:RuleSets: broken.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateWithTheWrongPassword_OrNoCertificateAtAll_IsRefused_NamingThePath()
    {
        var pfx = Path.Combine(_directory, "server.pfx");
        using (var certificate = TestCertificates.SelfSigned())
        {
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "right"));
        }

        var notPfx = Path.Combine(_directory, "server.txt");
        File.WriteAllText(notPfx, "not a certificate");

        var wrongPassword = Assert.Throws<ServerConfigurationException>(() => ScoringServer.Build(WithFreeUrl(
            ["--ScoringGrid:CertificatePath", pfx, "--ScoringGrid:CertificatePassword", "wrong"])));
        var notACertificate = Assert.Throws<ServerConfigurationException>(() => ScoringServer.Build(WithFreeUrl(["--ScoringGrid:CertificatePath", notPfx])));

        Assert.StartsWith("ScoringGrid:CertificatePath: ", wrongPassword.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(wrongPassword.InnerException);
        Assert.StartsWith("ScoringGrid:CertificatePath: ", notACertificate.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(notACertificate.InnerException);
    }

    [Fact]
    public void ACertificateWithoutItsPrivateKey_IsRefused_NamingThePath()
    {
        // It would load, and then fail every TLS handshake.
        var pfx = Path.Combine(_directory, "public-only.pfx");
        using (var certificate = TestCertificates.SelfSigned())
        using (var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData))
        {
            File.WriteAllBytes(pfx, publicOnly.Export(X509ContentType.Pfx, "right"));
        }

        var error = Assert.Throws<ServerConfigurationException>(() => ScoringServer.Build(WithFreeUrl(
            ["--ScoringGrid:CertificatePath", pfx, "--ScoringGrid:CertificatePassword", "right"])));

        Assert.Equal("ScoringGrid:CertificatePath: The file holds no private key for its certificate.", error.Message);
    }

    [Fact]
    public async Task TheProcess_WithABadSetting_PrintsOneLineAndExitsWith2()
    {
        using var server = DotnetProcess.Start("ScoringGrid.Server.dll", ["--urls", $"http://127.0.0.1:{ServerFixture.FreePort()}", "--ScoringGrid:RuleSets", "/no/such/rules"]);

        var exitCode = await server.WaitForExitAsync(ProcessTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal(["ScoringGrid.Server: ScoringGrid:RuleSets: no directory '/no/such/rules'."], server.Stderr);
        Assert.DoesNotContain(server.Stdout, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheProcess_OnAnAddressInUse_EndsWithALineNamingItAndExitsWith2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        using var server = DotnetProcess.Start("ScoringGrid.Server.dll", ["--urls", url]);

        var exitCode = await server.WaitForExitAsync(ProcessTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal($"ScoringGrid.Server: Failed to bind to address {url}: address already in use.", server.Stderr[^1]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] WithFreeUrl(string[] setting) =>
        setting.Contains("--urls") ? setting : ["--urls", $"http://127.0.0.1:{ServerFixture.FreePort()}", .. setting];
}
