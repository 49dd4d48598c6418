namespace ScoringGrid.Grpc;

/// <summary>
/// A call ended with a non-OK status. Handlers throw it to choose the status the client sees;
/// the client raises it for every failed call.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an exception carrying <paramref name="status"/>.</summary>
    public RpcException(Status status)
        : this(status, trailers: null, message: null)
    {
    }

    /// <summary>Creates an exception carrying <paramref name="status"/> and trailing metadata.</summary>
    public RpcException(Status status, Metadata? trailers)
        : this(status, trailers, message: null)
    {
    }

    /// <summary>Creates an exception with an explicit exception message (not sent to the peer).</summary>
    public RpcException(Status status, Metadata? trailers, string? message)
        : base(message ?? $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    /// <summary>The status of the failed call.</summary>
    public Status Status { get; }

    /// <summary>The status code of the failed call.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata sent with (server) or received with (client) the status.</summary>
    public Metadata Trailers { get; }
}
