namespace ScoringGrid.Load.Targets;

/// <summary>How one request ended.</summary>
/// <param name="ErrorKind"><see langword="null"/> for a success, else the kind, e.g. <c>http 503</c> or <c>grpc UNAVAILABLE</c>.</param>
public readonly record struct RequestOutcome(string? ErrorKind)
{
    /// <summary>A successful request.</summary>
    public static RequestOutcome Success => default;

    /// <summary>Whether the request succeeded.</summary>
    public bool IsSuccess => ErrorKind is null;

    /// <summary>A failed request of the given kind.</summary>
    public static RequestOutcome Failure(string kind) => new(kind ?? throw new ArgumentNullException(nameof(kind)));
}
