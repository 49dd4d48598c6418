namespace ScoringGrid.Rounds;

/// <summary>A batch of applications scored under one pinned rule set ("2019 April batch").</summary>
/// <param name="Id">Round id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
/// <param name="RuleSet">The pinned rule set, <c>id@version</c>.</param>
/// <param name="Tenant">The province that owns the round (the rule set's province).</param>
/// <param name="Title">Free text, e.g. "Zhejiang first batch".</param>
/// <param name="State">Open, closed or published.</param>
/// <param name="CreatedAt">When the round was created.</param>
/// <param name="CreatedBy">API key id of its creator.</param>
public sealed record Round(
    string Id, string RuleSet, string Tenant, string Title, RoundState State, DateTimeOffset CreatedAt, string CreatedBy);
