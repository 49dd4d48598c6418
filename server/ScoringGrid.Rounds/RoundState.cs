namespace ScoringGrid.Rounds;

/// <summary>Where a round is in its life: open → closed → published, forward only.</summary>
public enum RoundState
{
    /// <summary>Accepting submissions; experts may score.</summary>
    Open,

    /// <summary>No more submissions; experts finish scoring, the round is ranked.</summary>
    Closed,

    /// <summary>Results are public; nothing changes any more.</summary>
    Published,
}
