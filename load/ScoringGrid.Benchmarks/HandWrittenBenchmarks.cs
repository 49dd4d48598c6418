using BenchmarkDotNet.Attributes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// The declarative engine against js-star-2019 written by hand as C# ifs (level only, no
/// explanation): the ratio is the price of rules-as-data plus explanations.
/// </summary>
[MemoryDiagnoser]
public class HandWrittenBenchmarks
{
    private static readonly string[] Pooled = ["data.", "device.", "edge.", "devsvc."];
    private Application _application = null!;
    private CompiledRuleSet _ruleSet = null!;
    private ScoreResult _reused = null!;

    [GlobalSetup]
    public void Setup()
    {
        _application = Samples.Parse("js-star-2019");
        Samples.Catalog.TryResolve("js-star-2019", out _ruleSet, out _);
        _reused = _ruleSet.Score(_application).Result!;
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenLevelOnly() => HandWritten(_application);

    [Benchmark]
    public int EngineExplained() => _ruleSet.Score(_application, _reused).Result!.LevelIndex;

    private static int HandWritten(Application a)
    {
        int app = 0, basic = 0, pooled = 0, innov = 0;
        foreach (var item in a.Items)
        {
            if (item.StartsWith("app.", StringComparison.Ordinal)) app++;
            else if (item.StartsWith("base.", StringComparison.Ordinal)) basic++;
            else if (item.StartsWith("innov.", StringComparison.Ordinal)) innov++;
            else
            {
                foreach (var p in Pooled)
                {
                    if (item.StartsWith(p, StringComparison.Ordinal))
                    {
                        pooled++;
                        break;
                    }
                }
            }
        }

        var gate = a.Flags.TryGetValue("registered_in_province", out var r) && r
            && a.Flags.TryGetValue("independent_legal_person", out var l) && l
            && a.Applicant.Province == "jiangsu";
        var money = a.Figures.TryGetValue("annual_cloud_investment_yuan", out var y) && y >= 10_000;
        if (!gate || !money) return -1;
        var four = app >= 3 && basic >= 3 && pooled >= 6;
        if (four && innov >= 1) return 2;
        if (four) return 1;
        return a.Deployment == "public" && (app >= 2 || basic >= 3) ? 0 : -1;
    }
}
