using Google.Protobuf;

namespace ScoringGrid.Grpc.Server.Reflection.Internal;

/// <summary>A version-neutral reflection reply; each protocol version maps it to its own messages.</summary>
internal sealed class ReflectionAnswer
{
    public IReadOnlyList<ByteString>? Files { get; init; }

    public IReadOnlyList<string>? Services { get; init; }

    public string? ExtensionBaseType { get; init; }

    public IReadOnlyList<int>? ExtensionNumbers { get; init; }

    public StatusCode ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public static ReflectionAnswer Error(StatusCode code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
