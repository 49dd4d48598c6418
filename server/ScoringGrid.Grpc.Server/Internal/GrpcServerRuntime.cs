using Microsoft.Extensions.Logging;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Everything a call needs besides its HttpContext, resolved once when services are mapped.</summary>
internal sealed class GrpcServerRuntime
{
    public GrpcServerRuntime(GrpcServerOptions options, IReadOnlyList<IGrpcCallInterceptor> interceptors, ILogger logger, TimeProvider timeProvider)
    {
        Options = options;
        Interceptors = [.. interceptors];
        Logger = logger;
        TimeProvider = timeProvider;
        Compression = new CompressionProviderSet(options.CompressionProviders);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize;
    }

    public GrpcServerOptions Options { get; }

    public IGrpcCallInterceptor[] Interceptors { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public CompressionProviderSet Compression { get; }

    public int MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }
}
