namespace ScoringGrid.Rounds.Internal;

/// <summary>The sort key of one application; larger group, primary and secondary rank higher.</summary>
internal struct RankEntry
{
    /// <summary>1 for eligible, 0 for not (modes that list both).</summary>
    public int Group;

    /// <summary>Total score, expert total or level index; −∞ when there is none.</summary>
    public double Primary;

    /// <summary>Score within a level (laddered programmes); 0 otherwise.</summary>
    public double Secondary;

    /// <summary>First submission, unix ms: earlier ranks higher on a tie.</summary>
    public long FirstSubmittedMs;

    /// <summary>Last resort on a tie (ordinal), so the order is total and repeatable.</summary>
    public string ApplicationId;

    /// <summary>Position of the application in the caller's arrays.</summary>
    public int Index;
}
