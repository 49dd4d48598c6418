using System.Globalization;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring.Internal;

/// <summary>The one place that words application errors, so every transport says the same thing.</summary>
internal static class ScoringErrors
{
    private static ScoringError Invalid(string field, string message) => new(ScoringErrorCodes.InvalidArgument, field, message);

    public static ScoringError MissingRuleSet() =>
        Invalid("ruleset", "ruleset is required: name a rule set such as 'js-star-2019' or pin 'id@version'");

    public static ScoringError UnknownRuleSet(string spec, string known) =>
        new(ScoringErrorCodes.NotFound, "ruleset", $"unknown rule set '{spec}'; loaded: {known}");

    public static ScoringError UnknownVersion(string id, string version, string known) =>
        new(ScoringErrorCodes.NotFound, "ruleset", $"rule set '{id}' has no version '{version}'; loaded versions: {known}");

    public static ScoringError UnknownItem(int index, string item, string ruleSet) =>
        Invalid($"items[{index}]", $"unknown item '{item}' for rule set {ruleSet}");

    public static ScoringError UnknownFigure(string figure, string ruleSet) =>
        Invalid($"figures.{figure}", $"unknown figure '{figure}' for rule set {ruleSet}");

    public static ScoringError BadFigure(string figure, double value) =>
        Invalid($"figures.{figure}", double.IsFinite(value)
            ? $"figure '{figure}' is negative ({value.ToString(CultureInfo.InvariantCulture)}); figures must be ≥ 0"
            : $"figure '{figure}' is not a finite number ({value.ToString(CultureInfo.InvariantCulture)})");

    public static ScoringError UnknownFlag(string flag, string ruleSet) =>
        Invalid($"flags.{flag}", $"unknown flag '{flag}' for rule set {ruleSet}");

    public static ScoringError UnknownDate(string date, string ruleSet) =>
        Invalid($"dates.{date}", $"unknown date '{date}' for rule set {ruleSet}");

    public static ScoringError MalformedDate(string date, string value) =>
        Invalid($"dates.{date}", $"date '{date}' is '{value}', not an ISO date YYYY-MM-DD");

    public static ScoringError UnknownExpertLine(string line, string ruleSet) =>
        Invalid($"expert_scores.{line}", $"unknown expert line '{line}' for rule set {ruleSet}");

    public static ScoringError ExpertOutOfRange(string line, double value, double weight) =>
        Invalid($"expert_scores.{line}",
            $"expert score {value.ToString(CultureInfo.InvariantCulture)} for '{line}' is outside 0..{Numbers.Format(weight)}");

    public static ScoringError InvalidDeployment(string value) =>
        Invalid("deployment", $"deployment '{value}' is not one of public, private, hybrid, dedicated");

    public static ScoringError NExceedsM(string line, string n, double nv, string m, double mv) =>
        Invalid(line, $"line {line}: N ({n} = {Numbers.Format(nv)}) exceeds M ({m} = {Numbers.Format(mv)}); N cannot be larger than M");
}
