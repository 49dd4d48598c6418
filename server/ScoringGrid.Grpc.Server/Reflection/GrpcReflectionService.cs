using Google.Protobuf.Reflection;
using ScoringGrid.Grpc.Server.Reflection.Internal;

namespace ScoringGrid.Grpc.Server.Reflection;

/// <summary>
/// Server reflection (<c>grpc.reflection.v1alpha</c> and <c>grpc.reflection.v1</c>) over a set of
/// protobuf descriptors, so grpcurl, Postman or evans can call the server without the .proto files.
/// <see cref="EnterShutdown"/> ends the streams that wait for a client's next question.
/// </summary>
public sealed class GrpcReflectionService
{
    /// <summary>The v1alpha service name (what most tools still ask for first).</summary>
    public const string V1AlphaServiceName = "grpc.reflection.v1alpha.ServerReflection";

    /// <summary>The v1 service name.</summary>
    public const string V1ServiceName = "grpc.reflection.v1.ServerReflection";

    private readonly ReflectionIndex _index;
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>
    /// Describes <paramref name="services"/> (plus the reflection services themselves); their files
    /// and all transitive dependencies become queryable.
    /// </summary>
    public GrpcReflectionService(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        List<ServiceDescriptor> all = [.. services];
        all.Add(global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0]);
        all.Add(global::Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0]);
        _index = new ReflectionIndex(all);
    }

    /// <summary>Describes every service declared in <paramref name="files"/>.</summary>
    public static GrpcReflectionService FromFiles(IEnumerable<FileDescriptor> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var services = new List<ServiceDescriptor>();
        foreach (FileDescriptor file in files)
        {
            services.AddRange(file.Services);
        }

        return new GrpcReflectionService(services);
    }

    /// <summary>The service names returned by <c>list_services</c>, sorted.</summary>
    public IReadOnlyList<string> ServiceNames => _index.ServiceNames;

    /// <summary>The definitions of both reflection versions, to pass to <c>MapGrpcServices</c>.</summary>
    public GrpcServiceDefinition[] CreateDefinitions() =>
    [
        ServerReflectionInfo.CreateDefinition(_index, V1AlphaServiceName, _shutdown.Token),
        ServerReflectionInfo.CreateDefinition(_index, V1ServiceName, _shutdown.Token),
    ];

    /// <summary>
    /// The server is going away: a reflection stream waiting for its client's next question ends with
    /// UNAVAILABLE (one being answered is answered first). A tool may hold the stream open between
    /// questions, and it would otherwise keep a graceful shutdown waiting for its whole drain timeout.
    /// </summary>
    public void EnterShutdown() => _shutdown.Cancel();
}
