using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Security;

/// <summary>
/// A renewed TLS certificate serves new connections without a restart, a broken file leaves the
/// current one serving, and /metrics shows the expiry of the one being served.
/// </summary>
public sealed class CertificateReloadTests : IDisposable
{
    private const string Password = "renew";
    private readonly string _directory = Directory.CreateTempSubdirectory("sg-cert-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ARenewedCertificate_ServesNewConnections_AndABrokenFileLeavesItServing()
    {
        using var first = TestCertificates.SelfSigned("first", TimeSpan.FromDays(10));
        using var second = TestCertificates.SelfSigned("second", TimeSpan.FromDays(90));
        var pfx = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(pfx, first.Export(X509ContentType.Pfx, Password));

        var started = await ServerOnFreePorts.StartAsync((grpc, http) => [
            "--urls", $"https://127.0.0.1:{grpc}", "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{http}",
            "--ScoringGrid:CertificatePath", pfx, "--ScoringGrid:CertificatePassword", Password, "--Logging:LogLevel:Default", "Warning",
        ]);
        await using var app = started.App;
        var (grpcPort, httpPort) = (started.GrpcPort, started.HttpPort);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        Assert.Equal(first.Thumbprint, await PresentedThumbprintAsync(grpcPort));
        Assert.Equal(Unix(first.NotAfter), Metric(await http.GetStringAsync("/metrics"), "scoringgrid_tls_certificate_expiry_timestamp_seconds"));

        // Renewed the way certbot and secret mounts do it: a new file moved over the old one.
        var staging = Path.Combine(_directory, "server.pfx.new");
        await File.WriteAllBytesAsync(staging, second.Export(X509ContentType.Pfx, Password));
        File.Move(staging, pfx, overwrite: true);
        Assert.True(await EventuallyAsync(async () => await PresentedThumbprintAsync(grpcPort) == second.Thumbprint), "the renewed certificate was never served");
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Equal(Unix(second.NotAfter), Metric(metrics, "scoringgrid_tls_certificate_expiry_timestamp_seconds"));
        Assert.Equal(1, Metric(metrics, "scoringgrid_tls_certificate_reloads_total{result=\"success\"}"));

        // A broken file: the reload fails, once, and the renewed certificate keeps serving.
        await File.WriteAllTextAsync(pfx, "not a certificate");
        Assert.True(await EventuallyAsync(async () => Metric(await http.GetStringAsync("/metrics"), "scoringgrid_tls_certificate_reloads_total{result=\"failure\"}") == 1),
            "the broken file was never tried");
        Assert.Equal(second.Thumbprint, await PresentedThumbprintAsync(grpcPort));

        await app.StopAsync();
    }

    /// <summary>The thumbprint of the certificate a new TLS connection is offered, with h2 negotiated by ALPN.</summary>
    private static async Task<string> PresentedThumbprintAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        string? thumbprint = null;
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                thumbprint = certificate is null ? null : new X509Certificate2(certificate).Thumbprint;
                return true;
            },
        });
        Assert.Equal(SslApplicationProtocol.Http2, tls.NegotiatedApplicationProtocol);
        return thumbprint!;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }
        }

        return false;
    }

    private static double Metric(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {series} in:\n{exposition}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static double Unix(DateTime notAfter) => new DateTimeOffset(notAfter.ToUniversalTime()).ToUnixTimeSeconds();
}
