using Google.Protobuf;
using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>Collects a service's methods; <see cref="Build"/> freezes them into a definition.</summary>
public sealed class GrpcServiceDefinitionBuilder
{
    private readonly List<ServerMethodHandler> _methods = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    internal GrpcServiceDefinitionBuilder(string serviceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ServiceName = serviceName;
    }

    /// <summary>The fully-qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>Adds a unary method described by <paramref name="method"/>.</summary>
    public GrpcServiceDefinitionBuilder AddUnary<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.Unary, new UnaryCallHandler<TRequest, TResponse>(method, handler));

    /// <summary>Adds a unary protobuf method named <paramref name="name"/>.</summary>
    public GrpcServiceDefinitionBuilder AddUnary<TRequest, TResponse>(string name, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        AddUnary(Describe<TRequest, TResponse>(MethodType.Unary, name), handler);

    /// <summary>Adds a server-streaming method described by <paramref name="method"/>.</summary>
    public GrpcServiceDefinitionBuilder AddServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.ServerStreaming, new ServerStreamingCallHandler<TRequest, TResponse>(method, handler));

    /// <summary>Adds a server-streaming protobuf method named <paramref name="name"/>.</summary>
    public GrpcServiceDefinitionBuilder AddServerStreaming<TRequest, TResponse>(string name, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        AddServerStreaming(Describe<TRequest, TResponse>(MethodType.ServerStreaming, name), handler);

    /// <summary>Adds a client-streaming method described by <paramref name="method"/>.</summary>
    public GrpcServiceDefinitionBuilder AddClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.ClientStreaming, new ClientStreamingCallHandler<TRequest, TResponse>(method, handler));

    /// <summary>Adds a client-streaming protobuf method named <paramref name="name"/>.</summary>
    public GrpcServiceDefinitionBuilder AddClientStreaming<TRequest, TResponse>(string name, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        AddClientStreaming(Describe<TRequest, TResponse>(MethodType.ClientStreaming, name), handler);

    /// <summary>Adds a duplex-streaming method described by <paramref name="method"/>.</summary>
    public GrpcServiceDefinitionBuilder AddDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.DuplexStreaming, new DuplexStreamingCallHandler<TRequest, TResponse>(method, handler));

    /// <summary>Adds a duplex-streaming protobuf method named <paramref name="name"/>.</summary>
    public GrpcServiceDefinitionBuilder AddDuplexStreaming<TRequest, TResponse>(string name, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        AddDuplexStreaming(Describe<TRequest, TResponse>(MethodType.DuplexStreaming, name), handler);

    /// <summary>Freezes the collected methods into a definition.</summary>
    public GrpcServiceDefinition Build() => new(ServiceName, _methods.ToArray());

    // Requests are read strictly (a string that is not UTF-8 is refused, naming the field); responses as usual.
    private Method<TRequest, TResponse> Describe<TRequest, TResponse>(MethodType type, string name)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        new(type, ServiceName, name, Marshallers.CreateForRequests<TRequest>(), Marshallers.Create<TResponse>());

    private GrpcServiceDefinitionBuilder Add<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType expected, ServerMethodHandler handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!string.Equals(method.ServiceName, ServiceName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Method '{method.FullName}' belongs to '{method.ServiceName}', not to '{ServiceName}'.", nameof(method));
        }

        if (method.Type != expected)
        {
            throw new ArgumentException($"Method '{method.FullName}' is {method.Type}, but was added as {expected}.", nameof(method));
        }

        if (!_names.Add(method.Name))
        {
            throw new ArgumentException($"Method '{method.FullName}' was added twice.", nameof(method));
        }

        _methods.Add(handler);
        return this;
    }
}
