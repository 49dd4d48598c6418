using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>The test services on Microsoft.AspNetCore.TestHost: in memory, HTTP/2 semantics incl. trailers.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessServer(IHost host, TestServerParts parts)
    {
        _host = host;
        Parts = parts;
        Server = host.GetTestServer();
    }

    public TestServerParts Parts { get; }

    public TestServer Server { get; }

    public static async Task<InProcessServer> StartAsync(Action<GrpcServerOptions>? configure = null)
    {
        var parts = new TestServerParts();
        IHost host = await new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddGrpcServer(configure);
                    services.AddSingleton<IGrpcCallInterceptor>(parts.Interceptor);
                })
                .Configure(app =>
                {
                    app.MapGrpcServices(parts.Definitions);
                    app.Run(static context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    });
                }))
            .StartAsync();
        return new InProcessServer(host, parts);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.HttpHandler = Server.CreateHandler();
        options.DisposeHttpHandler = true;
        return GrpcChannel.ForAddress(Server.BaseAddress, options);
    }

    /// <summary>An HttpClient whose requests are HTTP/2 (TestHost otherwise presents them as HTTP/1.1).</summary>
    public HttpClient CreateHttpClient()
    {
        HttpClient client = Server.CreateClient();
        client.DefaultRequestVersion = new Version(2, 0);
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
