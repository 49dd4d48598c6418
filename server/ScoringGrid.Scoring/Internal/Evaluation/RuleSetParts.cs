namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>What the compiler hands to <see cref="CompiledRuleSet"/>.</summary>
internal sealed class RuleSetParts
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Digest { get; init; }
    public required string Province { get; init; }
    public required string Title { get; init; }
    public required string TitleZh { get; init; }
    public required string Source { get; init; }
    public required string SourceFile { get; init; }
    public required string[] Levels { get; init; }
    public required string[] Notes { get; init; }
    public required ItemGroupInfo[] ItemGroups { get; init; }
    public required string[] ItemIds { get; init; }
    public required int[] ItemOnlyWhenFlag { get; init; }
    public required string[] FigureIds { get; init; }
    public required string[] FlagIds { get; init; }
    public required string[] DateIds { get; init; }
    public required CriterionDefinition[] Criteria { get; init; }
    public required ExpertLineCriterion[] ExpertLines { get; init; }
    public required SubsidyRule? Subsidy { get; init; }
    public required PriorityMark[] Priorities { get; init; }
    public required double[] RankingTiers { get; init; }
}
