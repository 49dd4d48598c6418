namespace ScoringGrid.Rounds;

/// <summary>
/// A request the rounds service refuses. <see cref="Code"/> is a gRPC status name
/// (<see cref="RoundsErrorCodes"/>), so transports map it 1:1; <see cref="Field"/> names what was wrong.
/// </summary>
public sealed class RoundsException : Exception
{
    /// <summary>Creates the exception; use the factory in <c>Internal/RoundErrors</c>.</summary>
    public RoundsException(string code, string field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Creates an exception without details (for serializers and analyzers).</summary>
    public RoundsException()
        : this(RoundsErrorCodes.InvalidArgument, "", "invalid request")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public RoundsException(string message)
        : this(RoundsErrorCodes.InvalidArgument, "", message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public RoundsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RoundsErrorCodes.Internal;
        Field = "";
    }

    /// <summary>A gRPC status name.</summary>
    public string Code { get; }

    /// <summary>The offending field, e.g. <c>ruleset</c> or <c>round_id</c>; empty when none.</summary>
    public string Field { get; }
}
