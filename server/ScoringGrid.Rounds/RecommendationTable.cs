namespace ScoringGrid.Rounds;

/// <summary>
/// A city's recommendation order (推荐排序表, seed 003 attachment 3): its eligible applications in
/// round order (<see cref="RoundRanking"/>), numbered from 1.
/// </summary>
/// <param name="RoundId">The round.</param>
/// <param name="RuleSet">The pinned rule set.</param>
/// <param name="City">The city (applicant.city).</param>
/// <param name="Rows">Rows in order.</param>
public sealed record RecommendationTable(string RoundId, string RuleSet, string City, IReadOnlyList<RecommendationRow> Rows);
