using Google.Protobuf;
using BenchmarkDotNet.Attributes;
using ScoringGrid.Grpc;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Scoring.Wire;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// One EvaluateStream message as the server handles it, without the transport: request bytes →
/// application → score → response bytes, read and written by the wire reader and writer as the
/// server does (ReadScoreWrite, ReadScoreWriteUnary) or through messages as it did before
/// (ParseScoreMapSerialize). The baseline only parses the request with Google.Protobuf, so the
/// ratio says what the rest costs next to protobuf itself.
/// </summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private static readonly Marshaller<V1.EvaluateResponse> ResponseMarshaller = Marshallers.Create(V1.EvaluateResponse.Parser);
    private readonly PooledBufferWriter _output = new(64 * 1024);
    private ScoringOperations _scoring = null!;
    private byte[] _request = [];

    [Params(V1.ResultView.Scores, V1.ResultView.Full)]
    public V1.ResultView View { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scoring = Samples.Operations();
        _request = new V1.EvaluateRequest { Application = Samples.Message("js-star-2019"), View = View }.ToByteArray();
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly() => V1.EvaluateRequest.Parser.ParseFrom(_request).Application.Items.Count;

    [Benchmark]
    public int ParseMap() => ApplicationMapping.ToCore(V1.EvaluateRequest.Parser.ParseFrom(_request).Application, out _)!.Items.Count;

    [Benchmark]
    public int ParseMapScore()
    {
        var app = ApplicationMapping.ToCore(V1.EvaluateRequest.Parser.ParseFrom(_request).Application, out _)!;
        _scoring.Catalog.TryResolve(app.RuleSet, out var rs, out _);
        return rs!.Score(app, ScoringOptions.Default, null).Result!.Level.Length;
    }

    [Benchmark]
    public int ParseMapScoreToMessage()
    {
        var app = ApplicationMapping.ToCore(V1.EvaluateRequest.Parser.ParseFrom(_request).Application, out _)!;
        _scoring.Catalog.TryResolve(app.RuleSet, out var rs, out _);
        return ResultMapping.ToMessage(rs!.Score(app, ScoringOptions.Default, null).Result!, View == V1.ResultView.Full).Criteria.Count;
    }

    /// <summary>What EvaluateStream does per message: the answer written into the slot's buffer by the wire writer.</summary>
    [Benchmark]
    public int ReadScoreWrite()
    {
        _output.Reset();
        _scoring.EvaluateForWire(_request, CallerIdentity.Anonymous, _scoring.Catalog, _output);
        return _output.WrittenCount;
    }

    /// <summary>The request read into the core's application without a message (the server's path before indexed reads, and its fallback).</summary>
    [Benchmark]
    public int ReadOnly()
    {
        var reader = EvaluateRequestReader.ForCurrentThread;
        reader.TryRead(_request, out _);
        return reader.Application.Items.Count;
    }

    /// <summary>The request read as the server reads it: ids straight into the rule set's indexed application.</summary>
    [Benchmark]
    public int ReadIndexed()
    {
        var reader = EvaluateRequestReader.ForCurrentThread;
        reader.TryRead(_request, _scoring.Catalog, out _);
        return reader.Indexed!.Id.Length;
    }

    /// <summary>What unary Evaluate does: the reply framed by the transport's codec through its marshaller.</summary>
    [Benchmark]
    public int ReadScoreWriteUnary()
    {
        _scoring.EvaluateForWire(_request, CallerIdentity.Anonymous, _scoring.Catalog, out var reply, out _);
        _output.Reset();
        var size = GrpcMessageCodec.WriteMessage(_output, reply!, EvaluateReply.Marshaller, null, null);
        reply!.Release(); // as the transport does once the reply is written
        return size;
    }

    /// <summary>The path before the wire writer: map into a message, serialize it with Google.Protobuf.</summary>
    [Benchmark]
    public int ParseScoreMapSerialize()
    {
        var request = V1.EvaluateRequest.Parser.ParseFrom(_request);
        var response = _scoring.Evaluate(request.Application, CallerIdentity.Anonymous, _scoring.Catalog, out _, null, request.View);
        _output.Reset();
        return GrpcMessageCodec.WriteMessage(_output, response, ResponseMarshaller, null, null);
    }
}
