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

    /// <summary>How many codes there are (0 to 16).</summary>
    public static int Count => Names.Length;

    public static string Of(StatusCode code) => (uint)code < (uint)Names.Length ? Names[(int)code] : "UNKNOWN";

    /// <summary>The code named <paramref name="name"/> (e.g. a core error's code); false for an unknown name.</summary>
    public static bool TryParse(string name, out StatusCode code)
    {
        var index = Array.IndexOf(Names, name);
        code = index < 0 ? StatusCode.Unknown : (StatusCode)index;
        return index >= 0;
    }
}
