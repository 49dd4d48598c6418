using System.Collections.Frozen;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// One version of a programme, validated and compiled into arrays of rules. Immutable and
/// thread-safe: any number of evaluations may run on it at once.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private readonly int[] _sameOutcome;

    internal CompiledRuleSet(RuleSetParts parts)
    {
        Id = parts.Id;
        Version = parts.Version;
        Key = $"{parts.Id}@{parts.Version}";
        Digest = parts.Digest;
        Province = parts.Province;
        Title = parts.Title;
        TitleZh = parts.TitleZh;
        Source = parts.Source;
        SourceFile = parts.SourceFile;
        Levels = parts.Levels;
        Notes = parts.Notes;
        ItemGroups = parts.ItemGroups;
        FigureIds = parts.FigureIds;
        FlagIds = parts.FlagIds;
        DateIds = parts.DateIds;
        ItemIds = parts.ItemIds;
        ItemIndex = Index(parts.ItemIds);
        FigureIndex = Index(parts.FigureIds);
        FlagIndex = Index(parts.FlagIds);
        DateIndex = Index(parts.DateIds);
        ItemTable = Utf8IdTable.Build(parts.ItemIds);
        FigureTable = Utf8IdTable.Build(parts.FigureIds);
        FlagTable = Utf8IdTable.Build(parts.FlagIds);
        DateTable = Utf8IdTable.Build(parts.DateIds);
        ExpertTable = Utf8IdTable.Build(parts.ExpertLines.Select(static e => e.RuleId).ToArray());
        ItemWordCount = Math.Max(1, (parts.ItemIds.Length + 63) / 64);
        ItemOnlyWhenFlag = parts.ItemOnlyWhenFlag;
        Criteria = parts.Criteria;
        ExpertLines = parts.ExpertLines;
        ExpertIndex = Index(parts.ExpertLines.Select(static e => e.RuleId).ToArray());
        Subsidy = parts.Subsidy;
        Priorities = parts.Priorities;
        RankingTiers = parts.RankingTiers;
        Ladder = new LevelLadder(parts.Levels.Length, parts.Criteria);
        _sameOutcome = SameOutcomes(parts.Criteria);
        Rules = Describe();
        _results = new ScoreResultPool(this);
    }

    /// <summary>Programme id, e.g. <c>js-star-2019</c>.</summary>
    public string Id { get; }

    /// <summary>Version of the rule file, e.g. <c>2019.1</c>.</summary>
    public string Version { get; }

    /// <summary><c>id@version</c>.</summary>
    public string Key { get; }

    /// <summary>SHA-256 (hex) of the rule file's canonical form: which exact rules made a result.</summary>
    public string Digest { get; }

    /// <summary>The province running the programme (the tenant that owns its data); empty when national.</summary>
    public string Province { get; }

    /// <summary>English title.</summary>
    public string Title { get; }

    /// <summary>Chinese title.</summary>
    public string TitleZh { get; }

    /// <summary>The source document.</summary>
    public string Source { get; }

    /// <summary>The file it was loaded from (for messages).</summary>
    public string SourceFile { get; }

    /// <summary>Levels, lowest first; empty for programmes that only score.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Notes every result of this rule set carries (e.g. a reconstructed table).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Checklist groups.</summary>
    public IReadOnlyList<ItemGroupInfo> ItemGroups { get; }

    /// <summary>Every item id, in order.</summary>
    public IReadOnlyList<string> ItemIds { get; }

    /// <summary>Figure ids.</summary>
    public IReadOnlyList<string> FigureIds { get; }

    /// <summary>Flag ids.</summary>
    public IReadOnlyList<string> FlagIds { get; }

    /// <summary>Date ids.</summary>
    public IReadOnlyList<string> DateIds { get; }

    /// <summary>Every rule per level, in the order results list them, plus subsidy and priority rules.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Ranking tiers as fractions of a round (top 10 % → 0.1), from the rule file; empty when none.</summary>
    public IReadOnlyList<double> RankingTiers { get; }

    /// <summary>True when results carry scores (self-assessed or expert lines).</summary>
    public bool IsScored => ExpertLines.Length > 0 || HasSelfLines;

    internal bool HasSelfLines { get; init; }

    internal FrozenDictionary<string, int> ItemIndex { get; }

    internal FrozenDictionary<string, int> FigureIndex { get; }

    internal FrozenDictionary<string, int> FlagIndex { get; }

    internal FrozenDictionary<string, int> DateIndex { get; }

    internal FrozenDictionary<string, int> ExpertIndex { get; }

    // The same ids by their UTF-8 bytes, for IndexedApplication.
    internal Utf8IdTable ItemTable { get; }

    internal Utf8IdTable FigureTable { get; }

    internal Utf8IdTable FlagTable { get; }

    internal Utf8IdTable DateTable { get; }

    internal Utf8IdTable ExpertTable { get; }

    internal int ItemWordCount { get; }

    /// <summary>
    /// For the criterion at <paramref name="criterionIndex"/> of this rule set's results, the index of
    /// an earlier one whose outcome and explanations are always the same (one rule checked the same
    /// way at several levels), or -1. A result evaluates such a rule once; a writer of explanations
    /// can copy the earlier one's texts.
    /// </summary>
    public int SameOutcomeAs(int criterionIndex) => _sameOutcome[criterionIndex];

    private static int[] SameOutcomes(CriterionDefinition[] criteria)
    {
        var same = new int[criteria.Length];
        for (var i = 0; i < criteria.Length; i++)
        {
            same[i] = -1;
            for (var j = 0; j < i && criteria[i] is CheckCriterion check; j++)
            {
                if (same[j] < 0 && criteria[j] is CheckCriterion earlier && check.SameOutcomeAs(earlier))
                {
                    same[i] = j;
                    break;
                }
            }
        }

        return same;
    }

    internal int[] ItemOnlyWhenFlag { get; }

    internal CriterionDefinition[] Criteria { get; }

    internal ExpertLineCriterion[] ExpertLines { get; }

    internal int ExpertLineCount => ExpertLines.Length;

    internal SubsidyRule? Subsidy { get; }

    internal PriorityMark[] Priorities { get; }

    internal LevelLadder Ladder { get; }

    private PoolCache? _pool;

    internal FrozenSet<string>? ProviderPoolFor(ScoringOptions options)
    {
        var source = options.ProviderPool;
        if (source is null)
        {
            return null;
        }

        // Options rarely change; freeze the set once per options instance, not per call.
        var cache = _pool;
        if (cache is null || !ReferenceEquals(cache.Source, source))
        {
            cache = new PoolCache(source, source.ToFrozenSet(StringComparer.Ordinal));
            _pool = cache;
        }

        return cache.Frozen;
    }

    private sealed record PoolCache(IReadOnlySet<string> Source, FrozenSet<string> Frozen);

    private static FrozenDictionary<string, int> Index(IReadOnlyList<string> ids)
    {
        var map = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            map[ids[i]] = i;
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private RuleInfo[] Describe()
    {
        var rules = new List<RuleInfo>(Criteria.Length + Priorities.Length + 1);
        foreach (var c in Criteria)
        {
            rules.Add(new RuleInfo(c.RuleId, c.Level, c.Kind, c.Title, c.TitleZh, c.Text, c.TextZh, c.Threshold, c.MaxPoints));
        }

        if (Subsidy is { } s)
        {
            rules.Add(new RuleInfo(s.RuleId, "", "subsidy", "subsidy", "补助", s.Text, s.TextZh, null, 0));
        }

        foreach (var p in Priorities)
        {
            rules.Add(new RuleInfo(p.Id, "", "priority", p.Title, p.TitleZh, p.Condition.Text, p.Condition.TextZh, null, 0));
        }

        return [.. rules];
    }
}
