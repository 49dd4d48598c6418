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

    /// <summary>Sustained calls per second allowed; 0 means unlimited.</summary>
    public double RatePerSecond { get; set; }

    /// <summary>Calls that may arrive at once above the sustained rate; defaults to one second's worth.</summary>
    public double Burst { get; set; }
}
