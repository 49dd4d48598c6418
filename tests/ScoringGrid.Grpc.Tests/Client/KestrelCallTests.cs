using ScoringGrid.Grpc.Client;
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
}
