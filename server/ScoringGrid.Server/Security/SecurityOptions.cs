namespace ScoringGrid.Server.Security;

/// <summary>The <c>ScoringGrid:Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    /// <summary>Configured keys. With none, the server runs open and says so at start-up.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}
