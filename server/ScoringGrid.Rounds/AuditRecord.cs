using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

/// <summary>
/// One append-only entry of the audit trail: who scored what, when, under which exact rules, and
/// the outcome. Holds everything needed to re-derive the result (<see cref="ScoringRounds.RederiveAsync"/>).
/// </summary>
public sealed record AuditRecord
{
    /// <summary>The round.</summary>
    public required string RoundId { get; init; }

    /// <summary>1-based position in the round's trail.</summary>
    public required long Sequence { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>API key id of the caller.</summary>
    public required string KeyId { get; init; }

    /// <summary>When it happened; also the "as of" date the rules saw.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The rule set, <c>id@version</c>.</summary>
    public required string RuleSet { get; init; }

    /// <summary>SHA-256 of the rule set's canonical form.</summary>
    public required string RuleSetDigest { get; init; }

    /// <summary>SHA-256 (hex) of <see cref="Input"/>.</summary>
    public required string InputSha256 { get; init; }

    /// <summary>The application document exactly as scored, expert scores merged in.</summary>
    public required string Input { get; init; }

    /// <summary>The result JSON (<see cref="ScoreResultJson"/>).</summary>
    public required string ResultJson { get; init; }

    /// <summary>The ban the registry reported while scoring, if any (so re-derivation sees the same registry).</summary>
    public Disqualification? Ban { get; init; }

    /// <summary>Submission revision (submissions only).</summary>
    public int? Revision { get; init; }

    /// <summary>Free detail, e.g. the expert and line of an expert score.</summary>
    public string Detail { get; init; } = "";
}
