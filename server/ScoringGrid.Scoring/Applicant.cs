namespace ScoringGrid.Scoring;

/// <summary>Who applies: the rulebook's <c>applicant</c> object.</summary>
public sealed class Applicant
{
    /// <summary>Enterprise or platform name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Unified social credit code (统一社会信用代码); keys the fraud registry.</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>Province id in lower case, e.g. <c>jiangsu</c>.</summary>
    public string Province { get; set; } = "";

    /// <summary>City id, e.g. <c>nanjing</c>.</summary>
    public string City { get; set; } = "";

    /// <summary>Industry id.</summary>
    public string Industry { get; set; } = "";

    /// <summary>The cloud provider's name.</summary>
    public string Provider { get; set; } = "";
}
