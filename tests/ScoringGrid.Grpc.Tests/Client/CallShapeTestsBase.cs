using Google.Protobuf;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Client;

/// <summary>Our client against our server, every call shape and error path; run over TestHost and Kestrel.</summary>
public abstract class CallShapeTestsBase
{
    protected abstract GrpcChannel Channel { get; }

    protected abstract TestServerParts Parts { get; }

    protected abstract GrpcChannel CreateChannel(GrpcChannelOptions options);

    [Fact]
    public async Task Unary_EchoesTheMessage()
    {
        EchoReply reply = await Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "hello 云" });

        Assert.Equal("hello 云", reply.Message);
    }

    [Fact]
    public async Task ServerStreaming_ReceivesEveryMessage_ThenOk()
    {
        using AsyncServerStreamingCall<EchoReply> call = Channel.ServerStreamingCall(TestMethods.ServerStream, new EchoRequest { Message = "s", Count = 5 });
        var indexes = new List<int>();
        await foreach (EchoReply reply in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(reply.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_IsRaisedAtTheEnd()
    {
        using AsyncServerStreamingCall<EchoReply> call = Channel.ServerStreamingCall(TestMethods.ServerStream,
            new EchoRequest { Count = 2, FailCode = (int)StatusCode.Aborted, FailMessage = "stop" });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("stop", ex.Status.Detail);
    }

    [Fact]
    public async Task ClientStreaming_ServerSeesEveryMessage()
    {
        using AsyncClientStreamingCall<EchoRequest, EchoReply> call = Channel.ClientStreamingCall(TestMethods.ClientStream);
        foreach (string word in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = word });
        }

        await call.RequestStream.CompleteAsync();
        EchoReply reply = await call;

        Assert.Equal("a,b,c", reply.Message);
        Assert.Equal(3, reply.Count);
    }

    [Fact]
    public async Task Duplex_RepliesArriveWhileStillWriting()
    {
        using AsyncDuplexStreamingCall<EchoRequest, EchoReply> call = Channel.DuplexStreamingCall(TestMethods.Duplex);
        for (int i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"m{i}" });
            Assert.True(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal($"m{i}", call.ResponseStream.Current.Message);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_BufferedBurst_RepliesComeInOrder_InFewFlushes()
    {
        const int count = 1_000;
        using AsyncDuplexStreamingCall<EchoRequest, EchoReply> call = Channel.DuplexStreamingCall(TestMethods.Duplex);
        call.RequestStream.WriteOptions = WriteOptions.Buffered;
        for (int i = 0; i < count; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"m{i}" });
        }

        await call.RequestStream.CompleteAsync();
        int received = 0;
        while (await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(received, call.ResponseStream.Current.Index);
            Assert.Equal($"m{received}", call.ResponseStream.Current.Message);
            received++;
        }

        Assert.Equal(count, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        // The requests arrive in a few HTTP/2 writes; the server answers each run of buffered
        // requests with one flush, not one per reply.
        int flushes = int.Parse(call.GetTrailers().GetValue("x-response-flushes")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(flushes, 1, count / 10);
    }

    [Fact]
    public async Task Duplex_ReplyDeferredBehindABufferedRequest_IsSentWhenTheHandlerFlushes()
    {
        using AsyncDuplexStreamingCall<EchoRequest, EchoReply> call = Channel.DuplexStreamingCall(TestMethods.Duplex);
        // The second request is already buffered when the first is answered, so that answer is held;
        // the handler then waits a minute on a timer, not on the network, having flushed first.
        call.RequestStream.WriteOptions = WriteOptions.Buffered;
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "answer me" });
        call.RequestStream.WriteOptions = null;
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "after a minute", DelayMs = 60_000 });

        Assert.True(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("answer me", call.ResponseStream.Current.Message);
    }

    [Fact]
    public async Task Duplex_ReplyDeferredBehindABufferedRequest_IsSentBeforeTheServerWaits()
    {
        using AsyncDuplexStreamingCall<EchoRequest, EchoReply> call = Channel.DuplexStreamingCall(TestMethods.Duplex);
        // Both requests leave in one write: the server answers the first while the second is
        // already buffered (so it defers the flush), and the second asks for no reply. The first
        // reply must still arrive while the client waits for it before sending anything else.
        call.RequestStream.WriteOptions = WriteOptions.Buffered;
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "answer me" });
        call.RequestStream.WriteOptions = null;
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "no reply", Count = -1 });

        Assert.True(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("answer me", call.ResponseStream.Current.Message);

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_BufferedWrites_OverTheBufferLimit_AllArrive()
    {
        using AsyncClientStreamingCall<EchoRequest, EchoReply> call = Channel.ClientStreamingCall(TestMethods.ClientStream);
        call.RequestStream.WriteOptions = WriteOptions.Buffered;
        var payload = ByteString.CopyFrom(new byte[500]);
        for (int i = 0; i < 300; i++)
        {
            // 300 × ~510 bytes is several times the 32 KB the writer holds back.
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"c{i}", Payload = payload });
        }

        await call.RequestStream.CompleteAsync();
        EchoReply reply = await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(300, reply.Count);
        Assert.Equal(300 * 500, reply.Index);
        Assert.Equal(string.Join(",", Enumerable.Range(0, 300).Select(i => $"c{i}")), reply.Message);
    }

    [Fact]
    public async Task ErrorStatus_WithNonAsciiMessage_RoundTrips()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo,
            new EchoRequest { FailCode = (int)StatusCode.NotFound, FailMessage = "规则集 js-star-2019 不存在 (100%)" }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("规则集 js-star-2019 不存在 (100%)", ex.Status.Detail);
    }

    [Fact]
    public async Task HandlerException_IsUnknown_WithoutDetails()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { ThrowException = true }));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.DoesNotContain("secret", ex.Status.Detail);
    }

    [Fact]
    public async Task BinaryMetadata_RoundTripsThroughTrailers()
    {
        byte[] bytes = [0, 1, 2, 127, 128, 254, 255];
        using AsyncUnaryCall<EchoReply> call = Channel.UnaryCall(TestMethods.Echo, new EchoRequest(),
            new CallOptions { Headers = new Metadata().Add("x-echo-bin", bytes).Add("x-echo-text", "plain") });
        await call;

        Metadata trailers = call.GetTrailers();
        Assert.Equal(bytes, trailers.GetValueBytes("x-echo-bin"));
        Assert.Equal("plain", trailers.GetValue("x-echo-text"));
    }

    [Fact]
    public async Task RequestOverServerLimit_IsResourceExhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo, request));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task ResponseOverServerSendLimit_IsResourceExhausted()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { ReplySize = 5 * 1024 * 1024 }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task ResponseOverClientReceiveLimit_IsResourceExhausted()
    {
        using GrpcChannel small = CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => small.UnaryAsync(TestMethods.Echo, new EchoRequest { ReplySize = 4096 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task RequestOverClientSendLimit_FailsBeforeSending()
    {
        using GrpcChannel small = CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 16 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => small.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = new string('x', 64) }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Deadline_Expires_AsDeadlineExceeded()
    {
        Parts.Probe.Reset();
        // The deadline leaves room for the request to reach the handler even on a cold, busy machine
        // (a deadline that fires before the server sees the call leaves nothing for the handler to observe).
        Task<EchoReply> call = Channel.UnaryAsync(TestMethods.WaitForCancellation, new EchoRequest(),
            new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(1500) });
        await Parts.Probe.Started.WaitAsync(TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal("cancelled", await Parts.Probe.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DeadlineInThePast_FailsImmediately()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo, new EchoRequest(),
            new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task Cancellation_IsObservedByTheHandler()
    {
        Parts.Probe.Reset();
        using var cts = new CancellationTokenSource();
        Task<EchoReply> call = Channel.UnaryAsync(TestMethods.WaitForCancellation, new EchoRequest(), new CallOptions { CancellationToken = cts.Token });
        await Parts.Probe.Started.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal("cancelled", await Parts.Probe.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cancellation_OfAHandlerThatIgnoresIt_EndsCleanly_AndTheServerKeepsServing()
    {
        // The handler never takes its token, so the transport answers a stream the client has reset.
        Parts.Probe.Reset();
        using var cts = new CancellationTokenSource();
        Task<EchoReply> call = Channel.UnaryAsync(TestMethods.IgnoreCancellation, new EchoRequest { DelayMs = 300 }, new CallOptions { CancellationToken = cts.Token });
        await Parts.Probe.Started.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal("ignored", await Parts.Probe.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Parts.Interceptor.Completed.Any(c => c.Method == TestMethods.IgnoreCancellation.FullName) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var completed = Assert.Single(Parts.Interceptor.Completed, c => c.Method == TestMethods.IgnoreCancellation.FullName);
        Assert.Equal(StatusCode.OK, completed.Status.StatusCode); // the handler returned; its answer went nowhere
        Assert.Equal("still here", (await Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "still here" })).Message);
    }

    [Fact]
    public async Task GzipRequest_IsDecompressedByTheServer()
    {
        var request = new EchoRequest { Message = new string('z', 100_000) };

        EchoReply reply = await Channel.UnaryAsync(TestMethods.Echo, request, new CallOptions { WriteCompression = "gzip" });

        Assert.Equal(request.Message, reply.Message);
    }

    [Fact]
    public async Task UnknownMethod_IsUnimplemented()
    {
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, TestMethods.ServiceName, "Missing",
            TestMethods.Echo.RequestMarshaller, TestMethods.Echo.ResponseMarshaller);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(method, new EchoRequest()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task Interceptor_RejectsWithItsStatus_AndObservesCompletion()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(TestMethods.Echo, new EchoRequest(),
            new CallOptions { Headers = new Metadata().Add("x-reject", "1") }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(Parts.Interceptor.Completed, c => c.Status.StatusCode == StatusCode.PermissionDenied && (string?)c.Item == "recording");
        await Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { DelayMs = 20 });
        Assert.Contains(Parts.Interceptor.Completed, c => c.Status.StatusCode == StatusCode.OK && c.Elapsed >= TimeSpan.FromMilliseconds(15));
    }
}
