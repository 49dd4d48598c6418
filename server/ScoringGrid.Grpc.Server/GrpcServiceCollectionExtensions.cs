using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ScoringGrid.Grpc.Server;

/// <summary>Registers the gRPC server's options.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GrpcServerOptions"/>, configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<GrpcServerOptions> builder = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }
}
