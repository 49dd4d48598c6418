namespace ScoringGrid.Server.Verification;

/// <summary>The verification keys of the <c>ScoringGrid</c> configuration section.</summary>
public sealed class VerificationSettings
{
    /// <summary>The setting that turns verification on, as given on the command line.</summary>
    public const string RedisKey = "ScoringGrid:Redis";

    /// <summary>
    /// StackExchange.Redis configuration of the collector's Redis, e.g. <c>127.0.0.1:6379</c>;
    /// empty: no verification (<c>VerifyFigures</c> and <c>verify: true</c> fail with FAILED_PRECONDITION).
    /// </summary>
    public string Redis { get; set; } = "";

    /// <summary>Tolerance for every figure, in percent of the declared value.</summary>
    public double TolerancePercent { get; set; }
}
