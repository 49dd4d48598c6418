using System.Buffers;
using BenchmarkDotNet.Attributes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Benchmarks;

/// <summary>JSON in → JSON out: parse the application, score, write the full explained result (texts and gaps).</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private byte[] _json = [];

    [Params("js-star-2019", "zj-cloud-enterprise-2021", "js-iiot-platform-2019")]
    public string RuleSet { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _json = Samples.Json(RuleSet);

    [Benchmark(Baseline = true)]
    public int ParseOnly() => ApplicationJson.Parse(_json, out _)!.Items.Count;

    [Benchmark]
    public int ParseScoreWrite()
    {
        var app = ApplicationJson.Parse(_json, out _)!;
        var outcome = Samples.Catalog.Score(app);
        _output.ResetWrittenCount();
        using (var w = ScoreResultJson.CreateWriter(_output))
        {
            ScoreResultJson.Write(w, outcome.Result!);
        }

        return _output.WrittenCount;
    }
}
