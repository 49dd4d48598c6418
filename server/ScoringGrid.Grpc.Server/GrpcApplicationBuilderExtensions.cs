using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>Maps gRPC services into an ASP.NET Core pipeline (WebApplication or TestHost).</summary>
public static class GrpcApplicationBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="services"/> at <c>/package.Service/Method</c>. Other gRPC-looking
    /// requests get UNIMPLEMENTED; everything else continues down the pipeline. Options come from
    /// <see cref="GrpcServiceCollectionExtensions.AddGrpcServer"/> (defaults when not registered);
    /// interceptors from the options, then from dependency injection.
    /// </summary>
    public static IApplicationBuilder MapGrpcServices(this IApplicationBuilder app, params GrpcServiceDefinition[] services)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(services);
        IServiceProvider provider = app.ApplicationServices;
        GrpcServerOptions options = provider.GetService<IOptions<GrpcServerOptions>>()?.Value ?? new GrpcServerOptions();
        List<IGrpcCallInterceptor> interceptors = [.. options.Interceptors, .. provider.GetServices<IGrpcCallInterceptor>()];
        ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger("ScoringGrid.Grpc.Server") ?? NullLogger.Instance;
        TimeProvider timeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;

        var dispatcher = new GrpcDispatcher(services, new GrpcServerRuntime(options, interceptors, logger, timeProvider));
        return app.Use(next => context => dispatcher.InvokeAsync(context, next));
    }
}
