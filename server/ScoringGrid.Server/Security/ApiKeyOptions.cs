namespace ScoringGrid.Server.Security;

/// <summary>
/// One configured API key. Only the SHA-256 of the key is configured: keys are random
/// 256-bit tokens (see <c>sg key new</c>), so a fast hash is as strong as a slow KDF here
/// and keeps authentication off the hot path's profile.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>Stable id of the key (logged and audited; never the key itself).</summary>
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Scope names: <c>score</c>, <c>verify</c>, <c>admin</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Province the key's portal belongs to, e.g. <c>jiangsu</c>; <c>*</c> for all.</summary>
    public string Tenant { get; set; } = "";

    /// <summary>
    /// Sustained rate allowed, in tokens per second; 0 means unlimited. A token pays for one call,
    /// or for one application of a <c>/v1/evaluate:batch</c> or an <c>EvaluateStream</c>.
    /// </summary>
    public double RatePerSecond { get; set; }

    /// <summary>
    /// Tokens that may be spent at once above the sustained rate (at least 1); 0 means one second's
    /// worth, and at least 1. Also the largest REST batch the key may send.
    /// </summary>
    public double Burst { get; set; }
}
