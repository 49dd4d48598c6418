namespace ScoringGrid.Rounds.Internal;

/// <summary>An application as a round keeps it: current document, profile, first submission and expert scores.</summary>
internal sealed record StoredApplication(string Id, string Json, string Profile, long FirstSubmittedMs, Dictionary<string, double[]> Experts);
