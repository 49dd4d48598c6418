using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Server;

/// <summary>
/// Responses that borrow pooled state (<see cref="IPooledMessage"/>) are released by the transport
/// exactly once, after their bytes were written, and also when the write fails.
/// </summary>
public sealed class PooledMessageTests : IAsyncLifetime
{
    private const string ServiceName = "scoringgrid.test.v1.Pooled";
    private const int MaxSendBytes = 1024;

    private static readonly Method<EchoRequest, LoanedReply> Unary = Create(MethodType.Unary, "Unary");
    private static readonly Method<EchoRequest, LoanedReply> Stream = Create(MethodType.ServerStreaming, "Stream");

    private readonly List<LoanedReply> _handedOut = [];
    private ServiceHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        GrpcServiceDefinition definition = GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary(Unary, (request, _) => ValueTask.FromResult(Lend(request.Message)))
            .AddServerStreaming(Stream, async (request, responses, _) =>
            {
                foreach (string part in request.Message.Split(','))
                {
                    await responses.WriteAsync(Lend(part));
                }
            })
            .Build();
        _host = await ServiceHost.StartAsync(definition, services => services.AddGrpcServer(o => o.MaxSendMessageSize = MaxSendBytes));
        _client = _host.Client;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnaryReply_IsReleasedOnce_AfterItsBytesWereWritten()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, Unary.FullName, RawGrpc.Frame(new EchoRequest { Message = "kept" }));

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("kept", Encoding.UTF8.GetString(response.Body.AsSpan(5)));
        LoanedReply reply = Assert.Single(_handedOut);
        Assert.Equal(1, reply.Releases);
        Assert.True(reply.WasWrittenBeforeRelease);
    }

    [Fact]
    public async Task UnaryReply_TooLargeToSend_IsResourceExhausted_AndStillReleased()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, Unary.FullName, RawGrpc.Frame(new EchoRequest { Message = new string('x', MaxSendBytes + 1) }));

        Assert.Equal("8", response.GrpcStatus);
        Assert.Equal(1, Assert.Single(_handedOut).Releases);
    }

    [Fact]
    public async Task StreamedReplies_AreEachReleasedOnce()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, Stream.FullName, RawGrpc.Frame(new EchoRequest { Message = "a,bb,ccc" }));

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal(3, _handedOut.Count);
        Assert.All(_handedOut, reply => Assert.Equal(1, reply.Releases));
        Assert.All(_handedOut, reply => Assert.True(reply.WasWrittenBeforeRelease));
    }

    private LoanedReply Lend(string text)
    {
        var reply = new LoanedReply(text);
        lock (_handedOut)
        {
            _handedOut.Add(reply);
        }

        return reply;
    }

    private static Method<EchoRequest, LoanedReply> Create(MethodType type, string name) => new(
        type, ServiceName, name, Marshallers.Create(EchoRequest.Parser), LoanedReply.Marshaller);

    /// <summary>A reply whose text is "on loan": writing it after its release is a bug the test would see.</summary>
    private sealed class LoanedReply(string text) : IPooledMessage
    {
        private int _releases;
        private bool _written;

        public static Marshaller<LoanedReply> Marshaller { get; } = new(
            static reply => Encoding.UTF8.GetByteCount(reply.Text),
            static (reply, destination) => reply.Write(destination),
            static payload => new LoanedReply(Encoding.UTF8.GetString(payload)));

        public int Releases => Volatile.Read(ref _releases);

        public bool WasWrittenBeforeRelease { get; private set; }

        private string Text => Releases == 0 ? text : throw new ObjectDisposedException(nameof(LoanedReply));

        public void Release()
        {
            WasWrittenBeforeRelease = _written;
            Interlocked.Increment(ref _releases);
        }

        private void Write(Span<byte> destination)
        {
            Encoding.UTF8.GetBytes(Text, destination);
            _written = true;
        }
    }
}
