namespace ScoringGrid.Rounds;

/// <summary>A whole round re-scored under another version of its rule set.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="From">The round's pinned version.</param>
/// <param name="To">The version replayed.</param>
/// <param name="Compared">Applications scored under both.</param>
/// <param name="Changes">Those whose level, eligibility or total changed, by application id.</param>
/// <param name="Failed">Applications the other version cannot score (e.g. new validation), with the reason.</param>
public sealed record ReplayReport(
    string RoundId, string From, string To, int Compared, IReadOnlyList<ReplayChange> Changes, IReadOnlyDictionary<string, string> Failed);
