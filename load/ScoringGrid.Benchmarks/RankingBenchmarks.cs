using BenchmarkDotNet.Attributes;
using ScoringGrid.Rounds.Internal;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// Ranking a round of 100,000 applications in memory (the part of <c>RankRoundAsync</c> after
/// scoring): the full tie-broken order, and one horizontal N/M value ranked into tiers. The
/// baseline sorts the bare totals with <see cref="Array.Sort{T}(T[])"/>: the floor for any ranking.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private static readonly double[] Tiers = [0.1, 0.3, 0.6];
    private double[] _totals = null!;
    private RankEntry[] _entries = null!;
    private double[] _values = null!;
    private double[] _totalsCopy = null!;
    private RankEntry[] _entriesCopy = null!;
    private int[] _positions = null!;
    private int[] _tiers = null!;

    [Params(100_000)]
    public int Applications { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _totals = new double[Applications];
        _entries = new RankEntry[Applications];
        _values = new double[Applications];
        for (var i = 0; i < Applications; i++)
        {
            // Scores in cents over 0..100, so ties are common and the tie-breakers are exercised.
            _totals[i] = random.Next(0, 10_001) / 100.0;
            _values[i] = random.Next(0, 5_000);
            _entries[i] = new RankEntry
            {
                Group = random.Next(10) == 0 ? 0 : 1,
                Primary = _totals[i],
                FirstSubmittedMs = 1_630_000_000_000 + random.Next(0, 86_400_000),
                ApplicationId = $"zj2021-{i:000000}",
                Index = i,
            };
        }

        _totalsCopy = new double[Applications];
        _entriesCopy = new RankEntry[Applications];
        _positions = new int[Applications];
        _tiers = new int[Applications];
    }

    /// <summary>The floor: sort the totals alone.</summary>
    [Benchmark(Baseline = true)]
    public double SortTotals()
    {
        _totals.CopyTo(_totalsCopy, 0);
        Array.Sort(_totalsCopy);
        return _totalsCopy[0];
    }

    /// <summary>The round order: eligibility, total, first submission, application id.</summary>
    [Benchmark]
    public string RankRound()
    {
        _entries.CopyTo(_entriesCopy, 0);
        RoundRanker.Rank(_entriesCopy);
        return _entriesCopy[0].ApplicationId;
    }

    /// <summary>One horizontal value (e.g. infra.storage N) ranked into the rule set's tiers.</summary>
    [Benchmark]
    public int HorizontalTier() => HorizontalTiers.Assign(_values, Tiers, _positions, _tiers);
}
