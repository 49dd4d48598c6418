using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Server.Grpc;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>The batch behind EvaluateStream, with a scorer that echoes the application id.</summary>
public sealed class EvaluateStreamBatchUnitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(EvaluateStreamBatch.Capacity)]
    public async Task Answers_InRequestOrder_FlushingOnlyAfterTheLast(int count)
    {
        using var batch = new EvaluateStreamBatch(Echo, (_, _) => throw new InvalidOperationException("nothing here needs I/O"));
        for (var i = 0; i < count; i++)
        {
            batch.Add(Request($"app-{i}"));
        }

        batch.Score();
        var writer = new RecordingWriter();
        await batch.WriteAsync(writer, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"app-{i}"), writer.Ids);
        // Every answer but the last may wait for a later flush; the last one flushes them all.
        Assert.Equal(Enumerable.Range(0, count).Select(i => i < count - 1), writer.Held);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public async Task UnparsableRequest_EndsTheBatchWithInternal_AfterTheAnswersBeforeIt()
    {
        using var batch = new EvaluateStreamBatch(Echo, (_, _) => Task.CompletedTask);
        for (var i = 0; i < 100; i++)
        {
            batch.Add(i == 60 ? Garbage() : Request($"app-{i}"));
        }

        batch.Score();
        var writer = new RecordingWriter();
        var ex = await Assert.ThrowsAsync<RpcException>(() => batch.WriteAsync(writer, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, ex.Status.StatusCode);
        Assert.Equal(GrpcErrors.UnparsableMessage().Detail, ex.Status.Detail);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"app-{i}"), writer.Ids);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public async Task ScorerFailure_IsRethrownInOrder()
    {
        using var batch = new EvaluateStreamBatch(
            (request, reply) => Read(request).Id == "app-33" ? throw new InvalidOperationException("boom") : Echo(request, reply),
            (_, _) => Task.CompletedTask);
        for (var i = 0; i < 50; i++)
        {
            batch.Add(Request($"app-{i}"));
        }

        batch.Score();
        var writer = new RecordingWriter();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => batch.WriteAsync(writer, CancellationToken.None));

        Assert.Equal("boom", ex.Message);
        Assert.Equal(33, writer.Ids.Count);
    }

    [Fact]
    public async Task RequestsNeedingIo_AreAnsweredInTheirPlace()
    {
        var asyncIds = new List<string>();
        using var batch = new EvaluateStreamBatch(
            (request, reply) => Read(request).Verify ? WireEvaluation.NeedsVerification : Echo(request, reply),
            async (request, reply) =>
            {
                await Task.Yield();
                asyncIds.Add(request.Application.Id);
                new V1.EvaluateResponse { ApplicationId = request.Application.Id }.WriteTo(reply);
            });
        for (var i = 0; i < 40; i++)
        {
            batch.Add(Request($"app-{i}", verify: i % 10 == 5));
        }

        batch.Score();
        var writer = new RecordingWriter();
        await batch.WriteAsync(writer, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"app-{i}"), writer.Ids);
        Assert.Equal(["app-5", "app-15", "app-25", "app-35"], asyncIds);
    }

    [Fact]
    public async Task Batch_IsReusable_AfterAFailedOne()
    {
        using var batch = new EvaluateStreamBatch(Echo, (_, _) => Task.CompletedTask);
        batch.Add(Garbage());
        batch.Add(Request("never-answered"));
        batch.Score();
        await Assert.ThrowsAsync<RpcException>(() => batch.WriteAsync(new RecordingWriter(), CancellationToken.None));

        batch.Add(Request("second"));
        batch.Score();
        var writer = new RecordingWriter();
        await batch.WriteAsync(writer, CancellationToken.None);

        Assert.Equal(["second"], writer.Ids);
    }

    // Answers with the application id, as the real scorer answers an unparsable request.
    private static WireEvaluation Echo(ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
    {
        var reader = new EvaluateRequestReader();
        if (!reader.TryRead(request, out _))
        {
            return WireEvaluation.Unparsable;
        }

        new V1.EvaluateResponse { ApplicationId = reader.Application.Id }.WriteTo(reply);
        return WireEvaluation.Scored;
    }

    private static ScoringGrid.Scoring.Application Read(ReadOnlySpan<byte> request)
    {
        var reader = new EvaluateRequestReader();
        Assert.True(reader.TryRead(request, out _));
        return reader.Application;
    }

    private static SerializedMessage Request(string id, bool verify = false) =>
        Wire(new V1.EvaluateRequest { Application = new V1.Application { Id = id, Verify = verify } }.ToByteArray());

    // A field-1 length prefix pointing past the end: not a protobuf message.
    private static SerializedMessage Garbage() => Wire([0x0A, 0x7F, 0x01]);

    private static SerializedMessage Wire(byte[] bytes) =>
        SerializedMessage.StreamRequestMarshaller.Deserializer(new ReadOnlySequence<byte>(bytes));

    private sealed class RecordingWriter : IServerStreamWriter<ReadOnlyMemory<byte>>
    {
        public List<string> Ids { get; } = [];

        public List<bool> Held { get; } = [];

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
        {
            Ids.Add(V1.EvaluateResponse.Parser.ParseFrom(message.Span).ApplicationId);
            Held.Add(WriteOptions is { BufferHint: true });
            return Task.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
