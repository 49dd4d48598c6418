using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

/// <summary>An application of a round scored with the round's expert scores, and where it was audited.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Result">The explained result; totals show a range while expert lines are missing.</param>
/// <param name="ResultJson">The result as stored in the audit trail.</param>
/// <param name="AuditSequence">The audit record; 0 when an identical evaluation was already recorded.</param>
public sealed record ApplicationEvaluation(string RoundId, string ApplicationId, ScoreResult Result, string ResultJson, long AuditSequence);
