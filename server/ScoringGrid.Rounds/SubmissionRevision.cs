namespace ScoringGrid.Rounds;

/// <summary>One submission of an application, as kept in its history.</summary>
/// <param name="Revision">1-based position in the history.</param>
/// <param name="SubmittedAt">When it was accepted.</param>
/// <param name="KeyId">API key id of the caller.</param>
/// <param name="Sha256">SHA-256 (hex) of <paramref name="Json"/>.</param>
/// <param name="Json">The application document as submitted.</param>
public sealed record SubmissionRevision(int Revision, DateTimeOffset SubmittedAt, string KeyId, string Sha256, string Json);
