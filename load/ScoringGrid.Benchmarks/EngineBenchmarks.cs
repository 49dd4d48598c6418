using BenchmarkDotNet.Attributes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// Explained evaluations of a parsed application, per rule set: every criterion with its
/// observed and required values and the level; explanation texts are rendered on read and
/// are measured by <see cref="EndToEndBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Application _application = null!;
    private CompiledRuleSet _ruleSet = null!;
    private ScoreResult _reused = null!;

    [Params("js-star-2019", "js-star-2018", "hb-benchmark-2018", "zj-cloud-enterprise-2021", "js-iiot-platform-2019", "js-benchmark-factory-2019")]
    public string RuleSet { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _application = Samples.Parse(RuleSet);
        Samples.Catalog.TryResolve(RuleSet, out _ruleSet, out _);
        _reused = _ruleSet.Score(_application).Result!;
    }

    /// <summary>Scoring into a reused result, as a streaming portal batch does.</summary>
    [Benchmark(Baseline = true)]
    public int ScoreReusingResult() => _ruleSet.Score(_application, _reused).Result!.LevelIndex;

    /// <summary>Scoring into a fresh result each time.</summary>
    [Benchmark]
    public int ScoreFreshResult() => _ruleSet.Score(_application).Result!.LevelIndex;

    /// <summary>Resolving the rule set by name from the catalog as the server does, then scoring.</summary>
    [Benchmark]
    public int ResolveAndScore() =>
        Samples.Catalog.TryResolve(_application.RuleSet, out var rs, out _) ? rs.Score(_application, _reused).Result!.LevelIndex : -1;
}
