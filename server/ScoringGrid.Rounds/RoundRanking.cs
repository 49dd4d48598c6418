namespace ScoringGrid.Rounds;

/// <summary>
/// A round in order. The order is total and stable: by the mode's key (see <see cref="RankingMode"/>),
/// then earlier first submission, then application id (ordinal). So equal scores rank the
/// application that came first higher, and the same data always gives the same order.
/// </summary>
/// <param name="RoundId">The round.</param>
/// <param name="RuleSet">The pinned rule set.</param>
/// <param name="Mode">What the round is ordered by.</param>
/// <param name="Tiers">The horizontal ranking tiers of the rule set (fractions, e.g. 0.1, 0.3, 0.6).</param>
/// <param name="Entries">Ranked applications, rank 1 first.</param>
/// <param name="Excluded">Applications not ranked (ineligible ones in <see cref="RankingMode.ExpertAmongEligible"/>), by id.</param>
/// <param name="Failed">Applications that could not be scored, with the reason.</param>
public sealed record RoundRanking(
    string RoundId,
    string RuleSet,
    RankingMode Mode,
    IReadOnlyList<double> Tiers,
    IReadOnlyList<RankedApplication> Entries,
    IReadOnlyList<string> Excluded,
    IReadOnlyDictionary<string, string> Failed);
