namespace ScoringGrid.Scoring.Tests.Support;

/// A clock stopped at one instant, so "as of" checks (bans) are deterministic.
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
