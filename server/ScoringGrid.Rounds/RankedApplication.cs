namespace ScoringGrid.Rounds;

/// <summary>One application's place in a round.</summary>
public sealed record RankedApplication
{
    /// <summary>1-based rank; ranks are unique because ties are broken (see <see cref="RoundRanking"/>).</summary>
    public required int Rank { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Applicant name.</summary>
    public required string Name { get; init; }

    /// <summary>Applicant credit code.</summary>
    public required string CreditCode { get; init; }

    /// <summary>Applicant city.</summary>
    public required string City { get; init; }

    /// <summary>Level reached; empty when none.</summary>
    public required string Level { get; init; }

    /// <summary>Gates passed.</summary>
    public required bool Eligible { get; init; }

    /// <summary>Self + expert points so far.</summary>
    public double? TotalScore { get; init; }

    /// <summary>Lowest total still possible while expert lines are missing; null once all are in.</summary>
    public double? TotalScoreMin { get; init; }

    /// <summary>Highest total still possible while expert lines are missing.</summary>
    public double? TotalScoreMax { get; init; }

    /// <summary>Expert points so far.</summary>
    public double? ExpertScore { get; init; }

    /// <summary>When the application was first submitted (the first tie-breaker).</summary>
    public required DateTimeOffset FirstSubmittedAt { get; init; }

    /// <summary>Horizontal scores (Zhejiang); empty for other programmes.</summary>
    public IReadOnlyList<HorizontalScore> Horizontal { get; init; } = [];
}
