using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

/// <summary>The status names <see cref="RoundsException"/> uses (gRPC's, like <see cref="ScoringErrorCodes"/>).</summary>
public static class RoundsErrorCodes
{
    /// <summary>The request is malformed (bad id, wrong rule set, score out of range).</summary>
    public const string InvalidArgument = ScoringErrorCodes.InvalidArgument;

    /// <summary>The round, application or rule set does not exist.</summary>
    public const string NotFound = ScoringErrorCodes.NotFound;

    /// <summary>The round is in the wrong state (a submission into a closed round).</summary>
    public const string FailedPrecondition = "FAILED_PRECONDITION";

    /// <summary>A round with this id exists with another definition.</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";

    /// <summary>Stored data cannot be read back.</summary>
    public const string Internal = "INTERNAL";
}
