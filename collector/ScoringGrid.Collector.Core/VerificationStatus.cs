namespace ScoringGrid.Collector;

/// <summary>The outcome of checking one declared figure.</summary>
public enum VerificationStatus
{
    /// <summary>The observed value meets the declared one within the tolerance.</summary>
    Verified = 0,

    /// <summary>The observed value falls short of the declared one beyond the tolerance.</summary>
    Shortfall,

    /// <summary>The source exists but has no fresh samples (newest too old, or a staleness marker).</summary>
    Stale,

    /// <summary>No metric or test backs this figure for the platform.</summary>
    Unverifiable,
}
