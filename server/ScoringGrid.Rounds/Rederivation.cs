namespace ScoringGrid.Rounds;

/// <summary>A result re-derived from its audit record.</summary>
/// <param name="Record">The audit record.</param>
/// <param name="ResultJson">The result computed again from the stored input.</param>
/// <param name="InputIntact">The stored input still hashes to the recorded SHA-256.</param>
/// <param name="Equal">The recomputed result is byte-for-byte the recorded one.</param>
public sealed record Rederivation(AuditRecord Record, string ResultJson, bool InputIntact, bool Equal);
