namespace ScoringGrid.Rounds.Internal;

/// <summary>A stored application with its evaluation, as ranking and export use it.</summary>
internal sealed record ScoredApplication(StoredApplication Stored, ScoredInput Scored);
