using Microsoft.Extensions.Logging;

namespace ScoringGrid.Rounds.Internal;

/// <summary>Source-generated log messages with stable event ids (6xx: rounds).</summary>
internal static partial class RoundsLog
{
    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Round {RoundId} created with {RuleSet} by {KeyId}")]
    public static partial void RoundCreated(ILogger logger, string roundId, string ruleSet, string keyId);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Round {RoundId} is now {State} ({KeyId})")]
    public static partial void RoundTransitioned(ILogger logger, string roundId, string state, string keyId);

    [LoggerMessage(EventId = 603, Level = LogLevel.Debug, Message = "Application {ApplicationId} accepted into {RoundId} as revision {Revision}")]
    public static partial void Submitted(ILogger logger, string applicationId, string roundId, int revision);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "Round {RoundId} ranked: {Ranked} ranked, {Excluded} excluded, {Failed} failed in {ElapsedMs} ms")]
    public static partial void Ranked(ILogger logger, string roundId, int ranked, int excluded, int failed, long elapsedMs);

    [LoggerMessage(EventId = 605, Level = LogLevel.Information, Message = "Round {RoundId} replayed under {To}: {Changed} of {Compared} changed")]
    public static partial void Replayed(ILogger logger, string roundId, string to, int changed, int compared);

    [LoggerMessage(EventId = 606, Level = LogLevel.Warning, Message = "Application {ApplicationId} of round {RoundId} cannot be scored: {Reason}")]
    public static partial void Unscorable(ILogger logger, string applicationId, string roundId, string reason);

    [LoggerMessage(EventId = 607, Level = LogLevel.Information, Message = "Applicant {CreditCode} disqualified until {Until} by {KeyId}")]
    public static partial void Disqualified(ILogger logger, string creditCode, string until, string keyId);
}
