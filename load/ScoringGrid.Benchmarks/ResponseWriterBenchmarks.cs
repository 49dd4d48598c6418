using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// One scored application's EvaluateResponse from its core result to bytes: the message path
/// (map into Google.Protobuf messages, serialize; the baseline) against the wire writer.
/// </summary>
[MemoryDiagnoser]
public class ResponseWriterBenchmarks
{
    private readonly PooledBufferWriter _output = new(64 * 1024);
    private ScoreResult _result = null!;

    [Params(V1.ResultView.Scores, V1.ResultView.Full)]
    public V1.ResultView View { get; set; }

    private bool WithTexts => View != V1.ResultView.Scores;

    [GlobalSetup]
    public void Setup()
    {
        _result = Samples.Catalog.Score(Samples.Parse("js-star-2019")).Result!;
        // The rule set's constant parts are encoded once per rule set, not per response.
        EvaluateResponseWriter.WriteScored(_output, _result.ApplicationId, _result, WithTexts);
    }

    [Benchmark(Baseline = true)]
    public int MapAndSerialize()
    {
        var response = new V1.EvaluateResponse { ApplicationId = _result.ApplicationId, Result = ResultMapping.ToMessage(_result, WithTexts) };
        _output.Reset();
        response.WriteTo(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WireWriter()
    {
        _output.Reset();
        EvaluateResponseWriter.WriteScored(_output, _result.ApplicationId, _result, WithTexts);
        return _output.WrittenCount;
    }
}
