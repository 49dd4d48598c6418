namespace ScoringGrid.Scoring;

/// <summary>Why an application could not be scored; <see cref="Field"/> names what was wrong.</summary>
/// <param name="Code">A gRPC status name: <see cref="ScoringErrorCodes.InvalidArgument"/> or <see cref="ScoringErrorCodes.NotFound"/>.</param>
/// <param name="Field">The offending field or rule, e.g. <c>items[3]</c>, <c>figures.connected_devices</c>, <c>infra.storage</c>.</param>
/// <param name="Message">A sentence a portal can show as is.</param>
public sealed record ScoringError(string Code, string Field, string Message);

/// <summary>The error codes the scoring core uses (gRPC status names, so transports map them 1:1).</summary>
public static class ScoringErrorCodes
{
    /// <summary>The application is malformed or names something the rule set does not know.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>The rule set or version does not exist.</summary>
    public const string NotFound = "NOT_FOUND";
}
