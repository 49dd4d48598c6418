using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>The one place that words the rounds service's errors.</summary>
internal static class RoundErrors
{
    public static RoundsException BadId(string field, string value) => new(RoundsErrorCodes.InvalidArgument, field,
        $"{field} '{value}' is not valid: use 1–128 characters without ':', '{{', '}}', spaces or control characters (round ids: letters, digits, '.', '_', '-')");

    public static RoundsException Required(string field) => new(RoundsErrorCodes.InvalidArgument, field, $"{field} is required");

    public static RoundsException RoundNotFound(string roundId) => new(RoundsErrorCodes.NotFound, "round_id", $"round '{roundId}' does not exist");

    public static RoundsException ApplicationNotFound(string roundId, string applicationId) =>
        new(RoundsErrorCodes.NotFound, "application_id", $"application '{applicationId}' was not submitted to round '{roundId}'");

    public static RoundsException RoundExists(string roundId, string ruleSet) => new(RoundsErrorCodes.AlreadyExists, "round_id",
        $"round '{roundId}' already exists with rule set {ruleSet}");

    public static RoundsException NotOpen(string roundId, string state) => new(RoundsErrorCodes.FailedPrecondition, "round_id",
        $"round '{roundId}' is {state}: submissions are accepted only while it is open");

    public static RoundsException Published(string roundId) => new(RoundsErrorCodes.FailedPrecondition, "round_id",
        $"round '{roundId}' is published: its scores can no longer change");

    public static RoundsException BadTransition(string roundId, RoundState from, RoundState to) => new(RoundsErrorCodes.FailedPrecondition, "state",
        $"round '{roundId}' cannot go from {Name(from)} to {Name(to)}: rounds go open → closed → published");

    public static RoundsException Scoring(ScoringError error) => new(error.Code, error.Field, error.Message);

    public static RoundsException WrongRuleSet(string declared, string pinned) => new(RoundsErrorCodes.InvalidArgument, "ruleset",
        $"the application names rule set '{declared}' but the round is pinned to {pinned}");

    public static RoundsException OtherProgramme(string spec, string pinned) => new(RoundsErrorCodes.InvalidArgument, "rule_set",
        $"{spec} is another programme than the round's {pinned}: replay compares versions of the same rule set");

    public static RoundsException WrongTenant(string tenant, string province, string ruleSet) => new(RoundsErrorCodes.InvalidArgument, "tenant",
        $"tenant '{tenant}' cannot run {ruleSet}, which belongs to province '{province}'");

    public static RoundsException NotExpertLine(string line, string ruleSet, string known) => new(RoundsErrorCodes.InvalidArgument, "line",
        $"'{line}' is not an expert line of {ruleSet}; expert lines: {known}");

    public static RoundsException ScoreOutOfRange(string line, double score, double max) => new(RoundsErrorCodes.InvalidArgument, "score",
        $"score {score} for {line} is outside 0..{max}");

    public static RoundsException RuleSetUnavailable(string ruleSet, string digest) => new(RoundsErrorCodes.NotFound, "rule_set",
        $"rule set {ruleSet} with digest {digest} is not loaded; load that exact version to re-derive");

    public static RoundsException Corrupt(string key, string what) => new(RoundsErrorCodes.Internal, "", $"stored {what} at {key} cannot be read");

    public static string Name(RoundState state) => state switch
    {
        RoundState.Open => "open",
        RoundState.Closed => "closed",
        _ => "published",
    };
}
