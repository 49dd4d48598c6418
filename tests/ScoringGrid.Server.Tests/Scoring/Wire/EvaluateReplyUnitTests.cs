using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

public sealed class EvaluateReplyUnitTests
{
    private static readonly RuleSetCatalog Catalog = RuleSetCatalog.LoadShipped();

    [Fact]
    public void FromMessage_WritesTheMessagesBytes_AndParsesBack()
    {
        var message = ResponsePaths.Operations(Catalog).Evaluate(Examples.Message("hb-benchmark-2018"), CallerIdentity.Anonymous, Catalog, out _);
        var reply = EvaluateReply.FromMessage(message);

        var output = new ArrayBufferWriter<byte>();
        EvaluateReply.Marshaller.BufferSerializer!(reply, output);
        var parsed = EvaluateReply.Marshaller.Deserializer(new ReadOnlySequence<byte>(output.WrittenMemory));

        Assert.Equal(message.ToByteArray(), output.WrittenSpan.ToArray());
        Assert.Equal(message.CalculateSize(), EvaluateReply.Marshaller.CalculateSize(reply));
        Assert.Equal(message, parsed.ToMessage());
    }

    [Fact]
    public void ManyThreads_EachWritesItsOwnResponse()
    {
        // Per-thread scratch and pooled results must never leak between workers (EvaluateStream's batches, concurrent unary calls).
        var paths = new ResponsePaths(Catalog);
        var cases = Examples.Files
            .SelectMany(f => new[] { V1.ResultView.Full, V1.ResultView.Scores }.Select(v => (App: Examples.ParseMessage(File.ReadAllText(f)), View: v)))
            .ToArray();
        var expected = cases.Select(c => paths.Message(c.App, c.View)).ToArray();

        Parallel.For(0, cases.Length * 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (app, view) = cases[i % cases.Length];
            Assert.Equal(expected[i % cases.Length], i % 2 == 0 ? paths.Stream(app, view) : paths.Unary(app, view));
        });
    }

    [Fact]
    public void ScoredReply_GivesItsResultBackOnRelease_AndCannotBeWrittenAfter()
    {
        var catalog = RuleSetCatalog.LoadShipped(); // its own rule sets, so their pools start empty
        var operations = ResponsePaths.Operations(catalog);
        var request = new V1.EvaluateRequest { Application = Examples.Message("js-star-2019") }.ToByteArray();
        operations.EvaluateForWire(request, CallerIdentity.Anonymous, catalog, out var reply, out _);
        var output = new ArrayBufferWriter<byte>();
        reply!.WriteTo(output);

        reply.Release();
        reply.Release(); // a second release gives nothing back twice

        Assert.Throws<ObjectDisposedException>(() => reply.WriteTo(new ArrayBufferWriter<byte>()));
        Assert.True(catalog.TryResolve("js-star-2019", out var rs, out _));
        var first = rs.RentResult();
        var second = rs.RentResult();
        Assert.Equal(Examples.Message("js-star-2019").Id, first.ApplicationId); // the result the reply was written from
        Assert.NotSame(first, second);
        Assert.Equal("", second.ApplicationId);
    }
}
