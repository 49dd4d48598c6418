using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Grpc.Tests.Server;

/// <summary>
/// Kestrel fails a call's body reads and closes its response the moment its client resets the stream
/// or drops the connection, and cancels <c>RequestAborted</c> only later, from the thread pool. A call
/// caught in between ends CANCELLED like any call whose client left, not as a handler failure (an error log
/// with its stack trace per call in flight, and UNKNOWN in the metrics). Seen under h2load: every run
/// that ended with calls in flight logged hundreds of them.
/// </summary>
public sealed class ClientGoneTests : IAsyncLifetime
{
    private const string ServiceName = "scoringgrid.test.v1.ClientGone";

    private static readonly Method<EchoRequest, EchoReply> Throw = new(
        MethodType.Unary, ServiceName, "Throw", Marshallers.Create(EchoRequest.Parser), Marshallers.Create(EchoReply.Parser));

    private static readonly Method<EchoRequest, EchoReply> Stream = new(
        MethodType.ServerStreaming, ServiceName, "Stream", Marshallers.Create(EchoRequest.Parser), Marshallers.Create(EchoReply.Parser));

    private readonly RecordingInterceptor _calls = new();
    private readonly LogRecorder _errors = new(LogLevel.Error);
    private ServiceHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        GrpcServiceDefinition definition = GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary(Throw, (request, _) => throw request.Message switch
            {
                // What Kestrel's body reader throws once the client reset the stream or dropped the connection.
                "stream-aborted" => new IOException("The request stream was aborted.", new ConnectionAbortedException("The HTTP/2 connection faulted.")),
                "connection-aborted" => new ConnectionAbortedException("The connection was aborted by the client."),
                _ => new IOException("disk full"),
            })
            .AddServerStreaming(Stream, async (request, responses, _) =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await responses.WriteAsync(new EchoReply { Message = request.Message });
                }
            })
            .Build();
        _host = await ServiceHost.StartAsync(
            definition,
            services => services.AddGrpcServer().AddSingleton<IGrpcCallInterceptor>(_calls),
            inFront: app => app.Use((context, next) =>
            {
                if (context.Request.Path.Value!.EndsWith("/Stream", StringComparison.Ordinal))
                {
                    // What Kestrel's response does once the client has gone, before RequestAborted fires.
                    var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
                    context.Features.Set<IHttpResponseBodyFeature>(new ClosedOnFlush(body));
                }

                return next(context);
            }),
            logging: _errors);
        _client = _host.Client;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("stream-aborted")]
    [InlineData("connection-aborted")]
    public async Task AbortedIo_BeforeRequestAbortedFires_IsCancelled_AndNotLoggedAsAFailure(string failure)
    {
        RawResponse response = await RawGrpc.SendAsync(_client, Throw.FullName, RawGrpc.Frame(new EchoRequest { Message = failure }));

        Assert.Equal("1", response.GrpcStatus);
        Assert.Equal(StatusCode.Cancelled, Assert.Single(_calls.Completed).Status.StatusCode);
        Assert.Empty(_errors.Entries);
    }

    [Fact]
    public async Task ResponseClosedUnderAStream_BeforeRequestAbortedFires_IsCancelled_AndNotLoggedAsAFailure()
    {
        await RawGrpc.SendAsync(_client, Stream.FullName, RawGrpc.Frame(new EchoRequest { Message = "gone" }));

        Assert.Equal(StatusCode.Cancelled, Assert.Single(_calls.Completed).Status.StatusCode);
        Assert.Empty(_errors.Entries);
    }

    [Fact]
    public async Task OtherIoFailure_IsStillAHandlerFailure()
    {
        RawResponse response = await RawGrpc.SendAsync(_client, Throw.FullName, RawGrpc.Frame(new EchoRequest { Message = "disk" }));

        Assert.Equal("2", response.GrpcStatus);
        Assert.Equal(StatusCode.Unknown, Assert.Single(_calls.Completed).Status.StatusCode);
        Assert.Contains(_errors.Entries, entry => entry.Message.Contains("failed with an unhandled exception", StringComparison.Ordinal));
    }

    /// <summary>A response body whose flushes report it closed by the transport, as Kestrel's do for a client that left.</summary>
    private sealed class ClosedOnFlush(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        public Stream Stream => inner.Stream;

        public PipeWriter Writer { get; } = new ClosedWriter(inner.Writer);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();

        private sealed class ClosedWriter(PipeWriter writer) : PipeWriter
        {
            public override void Advance(int bytes) => writer.Advance(bytes);

            public override Memory<byte> GetMemory(int sizeHint = 0) => writer.GetMemory(sizeHint);

            public override Span<byte> GetSpan(int sizeHint = 0) => writer.GetSpan(sizeHint);

            public override void CancelPendingFlush() => writer.CancelPendingFlush();

            public override void Complete(Exception? exception = null) => writer.Complete(exception);

            public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
                ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: true));
        }
    }
}
