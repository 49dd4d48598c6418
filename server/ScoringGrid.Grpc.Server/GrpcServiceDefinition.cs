using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>A service's methods and their handlers, ready to be mapped.</summary>
public sealed class GrpcServiceDefinition
{
    internal GrpcServiceDefinition(string serviceName, IReadOnlyList<ServerMethodHandler> methods)
    {
        ServiceName = serviceName;
        Methods = methods;
    }

    /// <summary>The fully-qualified service name, e.g. <c>scoringgrid.v1.Scoring</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The paths (<c>/package.Service/Method</c>) of the service's methods.</summary>
    public IEnumerable<string> MethodPaths
    {
        get
        {
            foreach (ServerMethodHandler method in Methods)
            {
                yield return method.Path;
            }
        }
    }

    internal IReadOnlyList<ServerMethodHandler> Methods { get; }

    /// <summary>Starts a definition for the service <paramref name="serviceName"/>.</summary>
    public static GrpcServiceDefinitionBuilder CreateBuilder(string serviceName) => new(serviceName);
}
