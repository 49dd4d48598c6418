using Google.Protobuf;
using Grpc.Health.V1;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Interop;

/// <summary>Our client against a Python grpcio server (a server we did not write).</summary>
public class PythonServerInteropTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(server.Address);

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task Unary_Works()
    {
        EchoReply reply = await _channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "hello 云" });

        Assert.Equal("hello 云", reply.Message);
    }

    [Fact]
    public async Task ServerStreaming_Works()
    {
        using AsyncServerStreamingCall<EchoReply> call = _channel.ServerStreamingCall(TestMethods.ServerStream, new EchoRequest { Count = 4 });
        var indexes = new List<int>();
        await foreach (EchoReply reply in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(reply.Index);
        }

        Assert.Equal([0, 1, 2, 3], indexes);
    }

    [Fact]
    public async Task ClientStreaming_Works()
    {
        using AsyncClientStreamingCall<EchoRequest, EchoReply> call = _channel.ClientStreamingCall(TestMethods.ClientStream);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "x" });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "y" });
        await call.RequestStream.CompleteAsync();

        Assert.Equal("x,y", (await call).Message);
    }

    [Fact]
    public async Task Duplex_Works()
    {
        using AsyncDuplexStreamingCall<EchoRequest, EchoReply> call = _channel.DuplexStreamingCall(TestMethods.Duplex);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "first" });
        Assert.True(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("first", call.ResponseStream.Current.Message);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "second" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task ErrorStatus_WithNonAsciiMessage_IsDecoded()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(TestMethods.Echo,
            new EchoRequest { FailCode = (int)StatusCode.FailedPrecondition, FailMessage = "等级不足 50%" }));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("等级不足 50%", ex.Status.Detail);
    }

    [Fact]
    public async Task Deadline_IsEnforced()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(TestMethods.WaitForCancellation, new EchoRequest(),
            new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(300) }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task Cancellation_IsReportedAsCancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(TestMethods.WaitForCancellation, new EchoRequest(),
            new CallOptions { CancellationToken = cts.Token }));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task BinaryMetadata_RoundTrips()
    {
        byte[] bytes = [0, 1, 2, 200, 255];
        using AsyncUnaryCall<EchoReply> call = _channel.UnaryCall(TestMethods.Echo, new EchoRequest(),
            new CallOptions { Headers = new Metadata().Add("x-echo-bin", bytes) });
        await call;

        Assert.Equal(bytes, call.GetTrailers().GetValueBytes("x-echo-bin"));
    }

    [Fact]
    public async Task GzipRequest_IsAccepted()
    {
        var request = new EchoRequest { Message = new string('g', 50_000), Payload = ByteString.CopyFrom(new byte[1000]) };

        EchoReply reply = await _channel.UnaryAsync(TestMethods.Echo, request, new CallOptions { WriteCompression = "gzip" });
        Assert.Equal(request.Message, reply.Message);
    }

    [Fact]
    public async Task RequestOverServerLimit_IsResourceExhausted()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(TestMethods.Echo,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task ResponseOverClientLimit_IsResourceExhausted()
    {
        using GrpcChannel small = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => small.UnaryAsync(TestMethods.Echo, new EchoRequest { ReplySize = 8192 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnknownMethod_IsUnimplemented()
    {
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, TestMethods.ServiceName, "Missing",
            TestMethods.Echo.RequestMarshaller, TestMethods.Echo.ResponseMarshaller);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(method, new EchoRequest()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_Works()
    {
        var check = new Method<HealthCheckRequest, HealthCheckResponse>(MethodType.Unary, "grpc.health.v1.Health", "Check",
            Marshallers.Create(HealthCheckRequest.Parser), Marshallers.Create(HealthCheckResponse.Parser));

        HealthCheckResponse response = await _channel.UnaryAsync(check, new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
