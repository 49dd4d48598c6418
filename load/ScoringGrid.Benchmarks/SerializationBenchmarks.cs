using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// Framing one EvaluateResponse through <see cref="GrpcMessageCodec"/>: a marshaller that asks
/// protobuf for the size first and then writes (baseline) against one that writes straight into
/// the codec's staging buffer (what <see cref="Marshallers.Create{T}(MessageParser{T})"/> builds).
/// Protobuf recomputes nested sizes while writing, so the size pass is pure extra work over every
/// criterion's strings.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly PooledBufferWriter _output = new(64 * 1024);
    private readonly Marshaller<V1.EvaluateResponse> _sizeFirst = new(
        static m => m.CalculateSize(), static (m, span) => m.WriteTo(span), V1.EvaluateResponse.Parser.ParseFrom);

    private readonly Marshaller<V1.EvaluateResponse> _staged = Marshallers.Create(V1.EvaluateResponse.Parser);
    private V1.EvaluateResponse _response = null!;

    [Params(V1.ResultView.Scores, V1.ResultView.Full)]
    public V1.ResultView View { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scoring = Samples.Operations();
        _response = scoring.Evaluate(Samples.Message("js-iiot-platform-2019"), CallerIdentity.Anonymous, scoring.Catalog, out _, null, View);
    }

    [Benchmark(Baseline = true)]
    public int SizeFirst()
    {
        _output.Reset();
        return GrpcMessageCodec.WriteMessage(_output, _response, _sizeFirst, null, null);
    }

    [Benchmark]
    public int Staged()
    {
        _output.Reset();
        return GrpcMessageCodec.WriteMessage(_output, _response, _staged, null, null);
    }
}
