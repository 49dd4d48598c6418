namespace ScoringGrid.Rounds;

/// <summary>
/// Zhejiang's horizontal score (横向评分) of one line value: where the application's N or M stands
/// across the round ("全省排名") and the tier that gives.
/// </summary>
/// <param name="LineId">The score line, e.g. <c>infra.storage</c>.</param>
/// <param name="Part"><c>N</c> or <c>M</c>.</param>
/// <param name="Value">The value ranked.</param>
/// <param name="Position">1-based position, largest first; equal values share the best position (1, 2, 2, 4).</param>
/// <param name="Of">How many applications of the round declared this value.</param>
/// <param name="Tier">1 for the first tier (e.g. top 10 %), …; tiers + 1 for the rest.</param>
public sealed record HorizontalScore(string LineId, string Part, double Value, int Position, int Of, int Tier);
