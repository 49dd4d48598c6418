namespace ScoringGrid.Rounds.Internal;

/// <summary>A clock stopped at an audit record's time, so re-derivation sees the same "as of" date.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
