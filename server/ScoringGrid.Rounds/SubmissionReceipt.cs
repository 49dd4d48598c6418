namespace ScoringGrid.Rounds;

/// <summary>Acknowledges a submission; returned only after Redis has it.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Revision">1 for the first submission, 2 for the first resubmission, …</param>
/// <param name="Replaced">True when an earlier submission was replaced (it stays in the history).</param>
/// <param name="Unchanged">True when the bytes equal the current submission: nothing was written (a retried call).</param>
/// <param name="InputSha256">SHA-256 (hex) of the submitted bytes.</param>
/// <param name="SubmittedAt">When this revision was accepted.</param>
/// <param name="AuditSequence">The audit record of the submission; 0 when <paramref name="Unchanged"/>.</param>
public sealed record SubmissionReceipt(
    string RoundId, string ApplicationId, int Revision, bool Replaced, bool Unchanged, string InputSha256, DateTimeOffset SubmittedAt, long AuditSequence);
