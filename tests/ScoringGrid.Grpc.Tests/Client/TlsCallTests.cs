using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Client;

/// <summary>https endpoints: TLS with ALPN negotiating h2, set up by <see cref="GrpcKestrel.ListenGrpc(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions, string, X509Certificate2?)"/>.</summary>
public class TlsCallTests
{
    [Fact]
    public async Task Unary_OverTls_NegotiatesHttp2()
    {
        using X509Certificate2 certificate = CreateSelfSignedCertificate();
        var parts = new TestServerParts();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ApplyGrpcLimits().ListenGrpc("https://127.0.0.1:0", certificate));
        await using WebApplication app = builder.Build();
        app.MapGrpcServices(parts.Definitions);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        using GrpcChannel channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString(),
        });
        EchoReply reply = await channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "tls" });

        Assert.StartsWith("https://", address, StringComparison.Ordinal);
        Assert.Equal("tls", reply.Message);
        await app.StopAsync();
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
