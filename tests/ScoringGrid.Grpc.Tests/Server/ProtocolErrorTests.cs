using System.Text;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Server;

/// <summary>Wire-level error handling, checked with hand-made requests against the in-process server.</summary>
public class ProtocolErrorTests : IAsyncLifetime
{
    private InProcessServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync();
        _client = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WrongContentType_Is415_WithGrpcStatus()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest()), "application/json");

        Assert.Equal(415, response.HttpStatus);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task GrpcContentTypes_AreAccepted(string contentType)
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest { Message = "x" }), contentType);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("x", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Message);
    }

    [Fact]
    public async Task Get_Is405()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, [], method: HttpMethod.Get);

        Assert.Equal(405, response.HttpStatus);
        Assert.Equal("POST", response.Headers["allow"]);
    }

    [Theory]
    [InlineData("/scoringgrid.test.v1.TestService/Nope", "Method 'Nope'")]
    [InlineData("/no.such.Service/Echo", "Service 'no.such.Service'")]
    public async Task UnknownServiceOrMethod_IsUnimplemented_TrailersOnly(string path, string expectedMessage)
    {
        RawResponse response = await RawGrpc.SendAsync(_client, path, RawGrpc.Frame(new EchoRequest()));

        Assert.Equal(200, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.GrpcStatus);
        Assert.Contains(expectedMessage, response.GrpcMessage);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task NonGrpcRequest_ToUnknownPath_FallsThroughToTheApp()
    {
        using HttpResponseMessage response = await _client.GetAsync("/metrics");

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 10, 1, 2 })]
    public async Task TruncatedFrame_IsInternal(byte[] body)
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, body);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("truncated message", response.GrpcMessage);
    }

    [Fact]
    public async Task EmptyBody_ForUnary_IsInternal()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, []);

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task UnsupportedEncoding_IsUnimplemented_WithAcceptEncoding()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest()),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "snappy" });

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task UnsupportedEncoding_StartsAndEndsForTheInterceptors_LikeAnyCall()
    {
        // An interceptor that counts calls in flight must see the end of every call whose start it saw, and no other.
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest()),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "snappy" });

        Assert.Equal("12", response.GrpcStatus);
        var completed = Assert.Single(_server.Parts.Interceptor.Completed, c => c.Status.StatusCode == StatusCode.Unimplemented);
        Assert.Equal(response.GrpcMessage, completed.Status.Detail);
        Assert.Equal("recording", completed.Item);
    }

    [Theory]
    [InlineData("0n")]
    [InlineData("0S")]
    [InlineData("99n")]
    public async Task ATimeoutAlreadyPast_IsDeadlineExceeded_WithoutRunningTheHandler(string timeout)
    {
        _server.Parts.Probe.Reset();
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.WaitForCancellation.FullName, RawGrpc.Frame(new EchoRequest()),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = timeout });

        Assert.Equal("4", response.GrpcStatus);
        Assert.Equal("Deadline Exceeded", response.GrpcMessage);
        Assert.False(_server.Parts.Probe.Started.IsCompleted, "the handler ran for a call whose deadline had passed");
        Assert.Contains(_server.Parts.Interceptor.Completed, c => c.Status.StatusCode == StatusCode.DeadlineExceeded && (string?)c.Item == "recording");
    }

    [Fact]
    public async Task CompressedFlag_WithoutEncoding_IsInternal()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest(), compressedFlag: true));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task OversizedMessage_IsResourceExhausted_FromThePrefix()
    {
        byte[] prefixOnly = [0, 0x00, 0x50, 0x00, 0x00];
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.ClientStream.FullName, prefixOnly);

        Assert.Equal("8", response.GrpcStatus);
    }

    [Fact]
    public async Task ServerSideDeadline_IsDeadlineExceeded_AndHandlerSeesCancellation()
    {
        _server.Parts.Probe.Reset();
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.WaitForCancellation.FullName, RawGrpc.Frame(new EchoRequest()),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = "200m" });

        Assert.Equal("4", response.GrpcStatus);
        Assert.Equal("cancelled", await _server.Parts.Probe.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task InvalidTimeout_IsIgnored()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName, RawGrpc.Frame(new EchoRequest { DelayMs = 50 }),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = "1s" });

        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task NonAsciiStatusMessage_IsPercentEncodedOnTheWire()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, TestMethods.Echo.FullName,
            RawGrpc.Frame(new EchoRequest { FailCode = 5, FailMessage = "规则集不存在 100%" }));

        Assert.Equal("5", response.GrpcStatus);
        Assert.Equal(GrpcStatusMessage.Encode("规则集不存在 100%"), response.GrpcMessage);
        Assert.True(Encoding.ASCII.GetByteCount(response.GrpcMessage!) == response.GrpcMessage!.Length);
    }

    [Fact]
    public async Task Http11Request_IsRejected()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestMethods.Echo.FullName)
        {
            Version = new Version(1, 1),
            Content = new ByteArrayContent(RawGrpc.Frame(new EchoRequest())),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        using HttpResponseMessage response = await _server.Server.CreateClient().SendAsync(request);

        Assert.Equal(426, (int)response.StatusCode);
    }
}
