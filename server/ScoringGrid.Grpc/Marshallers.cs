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

    /// <summary>A marshaller for <typeparamref name="T"/>, using its parameterless constructor.</summary>
    public static Marshaller<T> Create<T>()
        where T : IMessage<T>, new() => Create(new MessageParser<T>(static () => new T()));
}
