namespace ScoringGrid.Grpc;

/// <summary>Describes one RPC: its shape, names and marshallers.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class Method<TRequest, TResponse>
{
    /// <summary>Creates a method descriptor.</summary>
    /// <param name="type">The call shape.</param>
    /// <param name="serviceName">The fully-qualified service name, e.g. <c>scoringgrid.v1.Scoring</c>.</param>
    /// <param name="name">The method name, e.g. <c>Score</c>.</param>
    /// <param name="requestMarshaller">Request marshaller.</param>
    /// <param name="responseMarshaller">Response marshaller.</param>
    public Method(MethodType type, string serviceName, string name, Marshaller<TRequest> requestMarshaller, Marshaller<TResponse> responseMarshaller)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        RequestMarshaller = requestMarshaller ?? throw new ArgumentNullException(nameof(requestMarshaller));
        ResponseMarshaller = responseMarshaller ?? throw new ArgumentNullException(nameof(responseMarshaller));
        FullName = "/" + serviceName + "/" + name;
    }

    /// <summary>The call shape.</summary>
    public MethodType Type { get; }

    /// <summary>The fully-qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    /// <summary>Request marshaller.</summary>
    public Marshaller<TRequest> RequestMarshaller { get; }

    /// <summary>Response marshaller.</summary>
    public Marshaller<TResponse> ResponseMarshaller { get; }
}
