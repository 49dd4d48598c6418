namespace ScoringGrid.Server.Scoring;

/// <summary>gRPC status names used in per-application errors beyond the core's own.</summary>
internal static class StatusNames
{
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string ResourceExhausted = "RESOURCE_EXHAUSTED";
}
