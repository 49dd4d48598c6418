using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>One test's own service on TestHost, with its services, middleware in front and logging as the test needs.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ServiceHost(IHost host)
    {
        _host = host;
        Client = host.GetTestServer().CreateClient();
    }

    public HttpClient Client { get; }

    public static async Task<ServiceHost> StartAsync(
        GrpcServiceDefinition definition,
        Action<IServiceCollection>? services = null,
        Action<IApplicationBuilder>? inFront = null,
        ILoggerProvider? logging = null)
    {
        IHost host = await new HostBuilder()
            .ConfigureLogging(builder =>
            {
                builder.ClearProviders();
                if (logging is not null)
                {
                    builder.AddProvider(logging);
                }
            })
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(collection => (services ?? (static s => s.AddGrpcServer())).Invoke(collection))
                .Configure(app =>
                {
                    inFront?.Invoke(app);
                    app.MapGrpcServices(definition);
                }))
            .StartAsync();
        return new ServiceHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
