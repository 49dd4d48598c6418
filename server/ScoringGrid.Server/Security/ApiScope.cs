namespace ScoringGrid.Server.Security;

/// <summary>What an API key may do. A key carries any combination.</summary>
[Flags]
public enum ApiScope
{
    None = 0,
    /// <summary>Score applications and read rule sets.</summary>
    Score = 1,
    /// <summary>Verify declared figures against observed metrics.</summary>
    Verify = 2,
    /// <summary>Manage platforms, rounds and other tenants' data.</summary>
    Admin = 4,
    /// <summary>Enter expert scores into rounds (as the key's own expert id).</summary>
    Expert = 8,
}
