namespace ScoringGrid.Grpc;

/// <summary>Writes <paramref name="message"/> into exactly the span sized by the marshaller.</summary>
/// <typeparam name="T">The message type.</typeparam>
public delegate void MessageSerializer<in T>(T message, Span<byte> destination);
