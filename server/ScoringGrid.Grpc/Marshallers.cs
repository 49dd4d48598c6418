using Google.Protobuf;

namespace ScoringGrid.Grpc;

/// <summary>Builds marshallers for Google.Protobuf messages.</summary>
public static class Marshallers
{
    /// <summary>A marshaller for the generated message type <typeparamref name="T"/>.</summary>
    public static Marshaller<T> Create<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return new Marshaller<T>(
            static message => message.CalculateSize(),
            static (message, destination) => message.WriteTo(destination),
            parser.ParseFrom)
        {
            BufferSerializer = static (message, output) => message.WriteTo(output),
        };
    }

    /// <summary>
    /// A marshaller for the requests a server reads: as <see cref="Create{T}(MessageParser{T})"/>, but a string
    /// field that is not UTF-8 fails the call with INVALID_ARGUMENT naming the field (see <see cref="Utf8Fields"/>),
    /// where the parser would decode it with U+FFFD.
    /// </summary>
    public static Marshaller<T> CreateForRequests<T>()
        where T : IMessage<T>, new()
    {
        var parser = new MessageParser<T>(static () => new T());
        var descriptor = new T().Descriptor;
        var plain = Create(parser);
        return new Marshaller<T>(plain.CalculateSize, plain.Serializer, payload =>
        {
            var message = parser.ParseFrom(payload);
            return Utf8Fields.FirstNotUtf8(payload, descriptor) is { } field ? throw new RpcException(GrpcErrors.NotUtf8(field)) : message;
        })
        {
            BufferSerializer = plain.BufferSerializer,
        };
    }

    /// <summary>A marshaller for <typeparamref name="T"/>, using its parameterless constructor.</summary>
    public static Marshaller<T> Create<T>()
        where T : IMessage<T>, new() => Create(new MessageParser<T>(static () => new T()));
}
