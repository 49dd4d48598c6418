using Google.Protobuf;
using System.Net;
using System.Net.Http.Headers;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Server.Internal;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Client;

[Collection(KestrelCollection.Name)]
public class KestrelCallTests(KestrelServerFixture fixture) : CallShapeTestsBase, IDisposable
{
    private readonly GrpcChannel _channel = fixture.Server.CreateChannel();

    protected override GrpcChannel Channel => _channel;

    protected override TestServerParts Parts => fixture.Server.Parts;

    public void Dispose() => _channel.Dispose();

    protected override GrpcChannel CreateChannel(GrpcChannelOptions options) => fixture.Server.CreateChannel(options);

    [Fact]
    public async Task BufferedReplies_AreFlushedWheneverTheHeldBytesReachTheLimit()
    {
        // 64 replies of 8 KB, each written with BufferHint: the transport may hold them back, but
        // never more than its limit, so a large burst leaves in a flush per limit's worth.
        const int count = 64;
        const int size = 8 * 1024;
        using AsyncServerStreamingCall<EchoReply> call = Channel.ServerStreamingCall(TestMethods.ServerStream, new EchoRequest { Count = count, ReplySize = size });
        long bytes = 0;
        int received = 0;
        while (await call.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(received++, call.ResponseStream.Current.Index);
            Assert.Equal(size, call.ResponseStream.Current.Payload.Length);
            bytes += GrpcProtocol.FrameHeaderSize + call.ResponseStream.Current.CalculateSize();
        }

        Assert.Equal(count, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        // Each flush sends at least the limit's worth and at most one reply more; what is left at the
        // end leaves with the trailers.
        int limit = ResponseStreamWriter<EchoReply>.DeferredFlushLimit;
        long largest = GrpcProtocol.FrameHeaderSize + new EchoReply { Index = count, Payload = ByteString.CopyFrom(new byte[size]) }.CalculateSize();
        int flushes = int.Parse(call.GetTrailers().GetValue("x-response-flushes")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(flushes, bytes / (limit + largest), bytes / limit);
    }

    [Fact]
    public async Task ResponseCompression_IsGzip_WhenTheClientAcceptsIt()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest { Message = new string('q', 2000) }),
            headers: new Dictionary<string, string> { ["grpc-accept-encoding"] = "identity,gzip" });

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 500);
    }

    [Fact]
    public async Task NoAcceptEncoding_MeansUncompressedResponses()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest { Message = "plain" }));

        Assert.Equal(0, response.Body[0]);
        Assert.Equal("plain", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Message);
    }

    [Fact]
    public async Task TruncatedFrame_OverRealHttp2_IsInternal()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.ClientStream.FullName, [0, 0, 0, 1, 0, 1, 2, 3]);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("truncated message", response.GrpcMessage);
    }

    [Fact]
    public async Task WrongContentType_OverRealHttp2_Is415()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.Echo.FullName, [], "text/plain");

        Assert.Equal(415, response.HttpStatus);
        Assert.NotNull(response.GrpcStatus);
    }

    [Fact]
    public async Task ManyConcurrentCalls_AllSucceed()
    {
        Task<EchoReply>[] calls = Enumerable.Range(0, 300)
            .Select(i => Channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .ToArray();

        EchoReply[] replies = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), replies.Select(r => r.Message));
    }

    [Fact]
    public async Task Unary_WithTwoMessages_IsInternal()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        byte[] body = [.. RawGrpc.Frame(new EchoRequest { Message = "one" }), .. RawGrpc.Frame(new EchoRequest { Message = "two" })];
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.Echo.FullName, body);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("more than one message", response.GrpcMessage);
    }

    [Fact]
    public async Task Unary_WithAMessageThenPartOfAnother_IsTruncated()
    {
        using HttpClient client = fixture.Server.CreateHttpClient();
        byte[] body = [.. RawGrpc.Frame(new EchoRequest { Message = "one" }), 0, 0, 0];
        RawResponse response = await RawGrpc.SendAsync(client, TestMethods.Echo.FullName, body);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("truncated message", response.GrpcMessage);
    }

    [Theory]
    [InlineData(2)] // the prefix alone first
    [InlineData(7)] // the prefix and part of the message
    public async Task Unary_WhoseBodyArrivesInPieces_IsAnswered(int firstPiece)
    {
        // The body is not all there when the call starts: the reader must wait for the rest and the end of the stream.
        byte[] frame = RawGrpc.Frame(new EchoRequest { Message = "late but whole" });
        using HttpClient client = fixture.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, TestMethods.Echo.FullName)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new PiecewiseContent(frame[..firstPiece], frame[firstPiece..]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");

        using HttpResponseMessage response = await client.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
        Assert.Equal("late but whole", EchoReply.Parser.ParseFrom(body.AsSpan(5)).Message);
    }

    /// <summary>Sends its first piece, then the second 150 ms later.</summary>
    private sealed class PiecewiseContent(byte[] first, byte[] second) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(first);
            await stream.FlushAsync();
            await Task.Delay(150);
            await stream.WriteAsync(second);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
