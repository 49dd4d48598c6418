namespace ScoringGrid.Rounds;

/// <summary>What a round is ordered by; chosen from the shape of its rule set.</summary>
public enum RankingMode
{
    /// <summary>Scored programmes without levels (Zhejiang): total score, eligible applications first.</summary>
    TotalScore,

    /// <summary>One eligibility level plus expert lines (Hebei): expert total, eligible applications only.</summary>
    ExpertAmongEligible,

    /// <summary>Laddered programmes (Jiangsu): highest level first, then total score where the programme scores.</summary>
    LevelThenScore,
}
