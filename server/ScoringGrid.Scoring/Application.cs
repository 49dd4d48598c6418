namespace ScoringGrid.Scoring;

/// <summary>
/// An application for a programme, field for field the rulebook's application document (§0).
/// Ids are validated against the rule set when scored, never silently ignored.
/// </summary>
public sealed class Application
{
    /// <summary>Caller-chosen id, echoed in results.</summary>
    public string Id { get; set; } = "";

    /// <summary>Rule set id (<c>js-star-2019</c>) or a pinned <c>id@version</c>.</summary>
    public string RuleSet { get; set; } = "";

    /// <summary>Who applies.</summary>
    public Applicant Applicant { get; set; } = new();

    /// <summary>One of <c>public</c>, <c>private</c>, <c>hybrid</c>, <c>dedicated</c>; empty when not declared.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>Ticked checklist items.</summary>
    public List<string> Items { get; } = [];

    /// <summary>Declared figures; each must be finite and ≥ 0.</summary>
    public Dictionary<string, double> Figures { get; } = new(StringComparer.Ordinal);

    /// <summary>Yes/no declarations.</summary>
    public Dictionary<string, bool> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>ISO dates (<c>YYYY-MM-DD</c>) as declared.</summary>
    public Dictionary<string, string> Dates { get; } = new(StringComparer.Ordinal);

    /// <summary>Expert line → the scores of one or more experts (averaged).</summary>
    public Dictionary<string, double[]> ExpertScores { get; } = new(StringComparer.Ordinal);

    /// <summary>Platform whose live metrics back the figures; empty when none.</summary>
    public string PlatformId { get; set; } = "";

    /// <summary>Score with observed figures where they are lower than the declared ones.</summary>
    public bool Verify { get; set; }
}
