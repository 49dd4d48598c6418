namespace ScoringGrid.Server.Security;

/// <summary>Who is calling: the authenticated key's id, scopes and tenant.</summary>
public sealed class CallerIdentity
{
    /// <summary>Identity used when no keys are configured (development): every scope, every tenant.</summary>
    public static readonly CallerIdentity Anonymous =
        new("anonymous", ApiScope.Score | ApiScope.Verify | ApiScope.Admin | ApiScope.Expert, AllTenants, null);

    /// <summary>Tenant value that grants every province.</summary>
    public const string AllTenants = "*";

    internal CallerIdentity(string keyId, ApiScope scopes, string tenant, TokenBucket? rateLimit)
    {
        KeyId = keyId;
        Scopes = scopes;
        Tenant = tenant;
        RateLimit = rateLimit;
    }

    /// <summary>The configured id of the key.</summary>
    public string KeyId { get; }

    /// <summary>The key's scopes.</summary>
    public ApiScope Scopes { get; }

    /// <summary>The key's province, or <see cref="AllTenants"/>.</summary>
    public string Tenant { get; }

    internal TokenBucket? RateLimit { get; }

    // The key's metric series, made on its first call (ServerMetrics): per-key accounting is then a
    // field read on the hot path rather than a lookup.
    internal Observability.KeyUsage? Usage { get; set; }

    /// <summary>Whether the key holds <paramref name="scope"/>.</summary>
    public bool Has(ApiScope scope) => (Scopes & scope) == scope;

    /// <summary>Whether the key holds at least one of <paramref name="scopes"/>.</summary>
    public bool HasAny(ApiScope scopes) => (Scopes & scopes) != 0;

    /// <summary>Whether the key may see data of <paramref name="province"/>.</summary>
    public bool CanSee(string province) =>
        Tenant == AllTenants || string.Equals(Tenant, province, StringComparison.OrdinalIgnoreCase);
}
