namespace ScoringGrid.Rounds;

/// <summary>A rule that fared differently under two rule-set versions.</summary>
/// <param name="Id">Rule id, e.g. <c>gate.first_contract</c>.</param>
/// <param name="Level">Level; empty outside the ladder.</param>
/// <param name="PassedBefore">Passed under the round's version; null when the rule did not exist.</param>
/// <param name="PassedAfter">Passed under the other version; null when the rule no longer exists.</param>
/// <param name="PointsBefore">Points before.</param>
/// <param name="PointsAfter">Points after.</param>
public sealed record CriterionChange(string Id, string Level, bool? PassedBefore, bool? PassedAfter, double PointsBefore, double PointsAfter);
