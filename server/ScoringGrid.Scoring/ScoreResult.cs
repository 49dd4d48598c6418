using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// The explained result of scoring one application. A result can be reused for the next
/// application of the same rule set (<see cref="CompiledRuleSet.Score(Application, ScoreResult, ScoringOptions?, IReadOnlyDictionary{string, double}?)"/>),
/// which makes scoring allocation-free; its contents are then valid until the next reuse.
/// </summary>
public sealed class ScoreResult
{
    private static readonly string[] NoStrings = [];
    private IReadOnlyList<Gap>? _gaps;

    internal ScoreResult(CompiledRuleSet ruleSet)
    {
        RuleSet = ruleSet;
        Input = new EvaluationInput(ruleSet);
        CriteriaBuffer = new Criterion[ruleSet.Criteria.Length];
    }

    /// <summary>The rule set that made this result.</summary>
    public CompiledRuleSet RuleSet { get; }

    /// <summary>Rule set id.</summary>
    public string RuleSetId => RuleSet.Id;

    /// <summary>Rule set version.</summary>
    public string Version => RuleSet.Version;

    /// <summary>SHA-256 of the rule set's canonical form.</summary>
    public string Digest => RuleSet.Digest;

    /// <summary>The application's id.</summary>
    public string ApplicationId { get; internal set; } = "";

    /// <summary>Highest level reached; empty when none.</summary>
    public string Level => LevelIndex >= 0 ? RuleSet.Levels[LevelIndex] : "";

    /// <summary>Index of <see cref="Level"/> in the rule set's levels, -1 for none.</summary>
    public int LevelIndex { get; internal set; } = -1;

    /// <summary>Gates passed (and, for laddered programmes, a level reached).</summary>
    public bool Eligible { get; internal set; }

    /// <summary>Self-assessed points (scored programmes with self-assessed lines).</summary>
    public double? SelfScore { get; internal set; }

    /// <summary>Expert points entered so far.</summary>
    public double? ExpertScore { get; internal set; }

    /// <summary>Self + expert points, rounded to 2 decimals.</summary>
    public double? TotalScore { get; internal set; }

    /// <summary>Lowest total still possible while expert lines are missing; null once all are in.</summary>
    public double? TotalScoreMin { get; internal set; }

    /// <summary>Highest total still possible while expert lines are missing.</summary>
    public double? TotalScoreMax { get; internal set; }

    /// <summary>Subsidy in yuan for programmes that pay one.</summary>
    public double? SubsidyYuan { get; internal set; }

    /// <summary>Priority marks earned, e.g. <c>priority.5g</c>.</summary>
    public IReadOnlyList<string> Priorities { get; internal set; } = NoStrings;

    /// <summary>One entry per rule per level, in rule-file order.</summary>
    public IReadOnlyList<Criterion> Criteria => CriteriaBuffer;

    /// <summary>The rule set's notes followed by notes about this application.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            if (Input.Notes is not { Count: > 0 } own)
            {
                return RuleSet.Notes;
            }

            var all = new List<string>(RuleSet.Notes.Count + own.Count);
            all.AddRange(RuleSet.Notes);
            all.AddRange(own);
            return all;
        }
    }

    /// <summary>The next level above the one reached; empty at the top or for unlevelled programmes.</summary>
    public string NextLevel => LevelIndex + 1 < RuleSet.Levels.Count ? RuleSet.Levels[LevelIndex + 1] : "";

    /// <summary>
    /// The smallest changes that reach <see cref="NextLevel"/> (or eligibility, for unlevelled
    /// programmes). Computed on first read.
    /// </summary>
    public IReadOnlyList<Gap> Gaps => _gaps ??= ComputeGaps();

    // Swapped with an IndexedApplication's declarations when one is scored into this result.
    internal EvaluationInput Input { get; set; }

    internal Criterion[] CriteriaBuffer { get; }

    internal void Clear()
    {
        _gaps = null;
        LevelIndex = -1;
        Eligible = false;
        SelfScore = ExpertScore = TotalScore = TotalScoreMin = TotalScoreMax = SubsidyYuan = null;
        Priorities = NoStrings;
    }

    private List<Gap> ComputeGaps()
    {
        var gaps = new List<Gap>();
        var target = LevelIndex + 1;
        if (RuleSet.Levels.Count > 0 && target >= RuleSet.Levels.Count)
        {
            return gaps;
        }

        foreach (var c in CriteriaBuffer)
        {
            var def = c.Definition;
            var relevant = def.LevelIndex == target || (def.LevelIndex < 0 && !Eligible);
            if (relevant && def.Gates && !c.Passed)
            {
                def.AddGaps(Input, gaps);
            }
        }

        return gaps;
    }
}
