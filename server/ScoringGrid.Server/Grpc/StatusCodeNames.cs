using ScoringGrid.Grpc;

namespace ScoringGrid.Server.Grpc;

/// <summary>Status names as metric labels (OK, INVALID_ARGUMENT, …), without per-call string building.</summary>
internal static class StatusCodeNames
{
    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static string Of(StatusCode code) => (uint)code < (uint)Names.Length ? Names[(int)code] : "UNKNOWN";
}
