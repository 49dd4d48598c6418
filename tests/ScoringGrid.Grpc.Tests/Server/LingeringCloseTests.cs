using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Server.Internal;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Grpc.Tests.Server;

/// <summary>
/// How the server closes a connection: after its GOAWAY, an HTTP/2 connection stays open, reading and
/// dropping what the client still sends, until the client closes its side; then the server closes its
/// own with a FIN, never a reset. An HTTP/1.1 connection, which has no GOAWAY, closes at once. The linger
/// here is ten minutes, so that a connection closing within the test's patience shows it did not wait it out.
/// </summary>
public sealed class LingeringCloseTests
{
    private static readonly TimeSpan LongLinger = TimeSpan.FromMinutes(10);

    public static TheoryData<bool> Tls => [false, true];

    [Theory]
    [MemberData(nameof(Tls))]
    public async Task AfterItsGoAway_AnHttp2Connection_WaitsForTheClientToClose_AndThenClosesWithAFin(bool tls)
    {
        using X509Certificate2 certificate = TestCertificates.SelfSigned();
        await using var server = await StartAsync(tls ? certificate : null);
        using var connection = await RawH2Connection.OpenAsync(server.Address);
        Assert.NotNull(await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway));

        // What a client sends before it has read the GOAWAY is read and dropped, not answered by a reset.
        await connection.SendAsync(RawH2Connection.Ping, 0, 0, new byte[8]);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await connection.SendAsync(RawH2Connection.Ping, 0, 0, new byte[8]);
        Assert.False(connection.ServerHasClosed());

        connection.CloseOwnSide();
        while (await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway) is not null)
        {
        }

        Assert.False(connection.WasReset);
    }

    [Fact]
    public async Task AnHttp11ConnectionOverTls_ClosesAtOnce()
    {
        using X509Certificate2 certificate = TestCertificates.SelfSigned();
        await using var server = await StartAsync(certificate);
        var uri = new Uri(server.Address);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using SslStream tls = await TestCertificates.AuthenticateTrustingAnyAsync(tcp.GetStream(), uri.Host, SslApplicationProtocol.Http11);
        Assert.Equal(SslApplicationProtocol.Http11, tls.NegotiatedApplicationProtocol);

        // The client asks the server to close after the response, and then waits for it to.
        await tls.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = new MemoryStream();
        await tls.CopyToAsync(response, patience.Token);

        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(response.ToArray()), StringComparison.Ordinal);
    }

    // A Kestrel listener on 127.0.0.1 with the ten-minute linger and connections sent away after 300 ms:
    // h2c, or HTTP/1.1 and h2 over TLS with certificate.
    private static async Task<LingeringServer> StartAsync(X509Certificate2? certificate)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            new LingeringClose(LongLinger).ApplyTo(listen);
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
                LingeringClose.FollowTls(listen);
            }

            new GrpcConnectionAge(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan).ApplyTo(listen);
        }));
        WebApplication app = builder.Build();
        app.MapGet("/", static () => Results.Ok());
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LingeringServer(app, address);
    }

    private sealed class LingeringServer(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address => address;

        public async ValueTask DisposeAsync()
        {
            // A connection still lingering would hold the stop up for its ten minutes: a second is plenty.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await app.StopAsync(stop.Token);
            await app.DisposeAsync();
        }
    }
}
