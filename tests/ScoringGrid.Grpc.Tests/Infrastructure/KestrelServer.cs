using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>The test services on real Kestrel, h2c on a free 127.0.0.1 port, responses gzip when accepted.</summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, TestServerParts parts, Uri address)
    {
        _app = app;
        Parts = parts;
        Address = address;
    }

    public TestServerParts Parts { get; }

    public Uri Address { get; }

    /// <summary>host:port, as Python and Node peers want it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public static async Task<KestrelServer> StartAsync(Action<GrpcServerOptions>? configure = null)
    {
        var parts = new TestServerParts();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(["http://127.0.0.1:0"]));
        builder.Services.AddGrpcServer(options =>
        {
            options.ResponseCompression = "gzip";
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<IGrpcCallInterceptor>(parts.Interceptor);
        WebApplication app = builder.Build();
        app.MapGrpcServices(parts.Definitions);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KestrelServer(app, parts, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <summary>A plain HttpClient speaking h2c to the server, for raw protocol checks.</summary>
    public HttpClient CreateHttpClient() => new(new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true })
    {
        BaseAddress = Address,
        DefaultRequestVersion = new Version(2, 0),
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
