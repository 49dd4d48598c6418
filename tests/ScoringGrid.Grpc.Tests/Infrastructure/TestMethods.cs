using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>Client-side descriptors of scoringgrid.test.v1.TestService.</summary>
public static class TestMethods
{
    public const string ServiceName = "scoringgrid.test.v1.TestService";

    private static readonly Marshaller<EchoRequest> RequestMarshaller = Marshallers.Create(EchoRequest.Parser);
    private static readonly Marshaller<EchoReply> ReplyMarshaller = Marshallers.Create(EchoReply.Parser);

    public static readonly Method<EchoRequest, EchoReply> Echo = Create(MethodType.Unary, "Echo");
    public static readonly Method<EchoRequest, EchoReply> ServerStream = Create(MethodType.ServerStreaming, "ServerStream");
    public static readonly Method<EchoRequest, EchoReply> ClientStream = Create(MethodType.ClientStreaming, "ClientStream");
    public static readonly Method<EchoRequest, EchoReply> Duplex = Create(MethodType.DuplexStreaming, "Duplex");
    public static readonly Method<EchoRequest, EchoReply> WaitForCancellation = Create(MethodType.Unary, "WaitForCancellation");

    /// <summary>Server-only (not in the .proto): waits <c>delay_ms</c> without looking at its cancellation token.</summary>
    public static readonly Method<EchoRequest, EchoReply> IgnoreCancellation = Create(MethodType.Unary, "IgnoreCancellation");

    private static Method<EchoRequest, EchoReply> Create(MethodType type, string name) =>
        new(type, ServiceName, name, RequestMarshaller, ReplyMarshaller);
}
