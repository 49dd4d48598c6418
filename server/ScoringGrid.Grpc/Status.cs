namespace ScoringGrid.Grpc;

/// <summary>The outcome of a call: a code and an optional human-readable detail.</summary>
public readonly struct Status : IEquatable<Status>
{
    /// <summary>The status of a successful call.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <summary>The status of a call cancelled by its caller.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

    /// <summary>Creates a status.</summary>
    /// <param name="code">The status code.</param>
    /// <param name="detail">The detail sent as <c>grpc-message</c>; may be empty.</param>
    public Status(StatusCode code, string? detail)
    {
        StatusCode = code;
        _detail = detail;
    }

    // default(Status) must read as OK with an empty detail, so null is mapped on read.
    private readonly string? _detail;

    /// <summary>The status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The detail message (never null for a constructed status).</summary>
    public string Detail => _detail ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(Status other) => StatusCode == other.StatusCode && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";

    /// <summary>Compares two statuses.</summary>
    public static bool operator ==(Status left, Status right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    public static bool operator !=(Status left, Status right) => !left.Equals(right);
}
