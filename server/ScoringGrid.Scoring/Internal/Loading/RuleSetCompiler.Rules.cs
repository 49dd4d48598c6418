using ScoringGrid.Scoring.Internal.Evaluation;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

internal sealed partial class RuleSetCompiler
{
    private static readonly string[] RuleKinds = ["check", "at", "line", "expert", "subsidy", "priority", "report"];

    private void CompileRule(string id, YamlMappingNode rule, BuiltRules built)
    {
        _yaml.OnlyKeys(rule, "a rule", [.. RuleKinds, "id", "title", "title_zh", "levels", "when"]);
        var kinds = RuleKinds.Where(k => _yaml.Optional(rule, k) is not null).ToArray();
        if (kinds.Length != 1)
        {
            throw _yaml.Error(rule, $"a rule has exactly one of: {string.Join(", ", RuleKinds)} (found {kinds.Length})");
        }

        var title = _yaml.OptionalText(rule, "title", id);
        var titleZh = _yaml.OptionalText(rule, "title_zh", title);
        var body = _yaml.Optional(rule, kinds[0])!;
        switch (kinds[0])
        {
            case "check":
            case "at":
                var when = _yaml.Optional(rule, "when") is { } w ? CompileWhen(w) : null;
                Condition? sameAtEveryLevel = null;
                foreach (var (level, index) in RuleLevels(rule))
                {
                    var condition = sameAtEveryLevel;
                    if (condition is null)
                    {
                        _levelDependent = kinds[0] == "at";
                        condition = ConditionFor(rule, level);
                        // One check for every level is compiled once: results evaluate and explain it once (CompiledRuleSet.SameOutcomeAs).
                        sameAtEveryLevel = _levelDependent ? null : condition;
                    }

                    built.Criteria.Add(new CheckCriterion(id, title, titleZh, level, index, condition, when));
                }

                break;
            case "line":
                var line = _yaml.Mapping(body, "line");
                _yaml.OnlyKeys(line, "line", "weight", "n", "m", "over");
                var over = _yaml.OptionalText(line, "over", "error");
                if (over is not ("error" or "cap"))
                {
                    throw _yaml.Error(line, $"line 'over' must be 'error' or 'cap', not '{over}'");
                }

                built.Criteria.Add(new RatioLineCriterion(id, title, titleZh, Weight(line),
                    CompileValue(_yaml.Mapping(_yaml.Required(line, "n", "line"), "n")),
                    CompileValue(_yaml.Mapping(_yaml.Required(line, "m", "line"), "m")), over == "cap"));
                built.HasSelfLines = true;
                break;
            case "expert":
                var expertMap = _yaml.Mapping(body, "expert");
                _yaml.OnlyKeys(expertMap, "expert", "weight");
                var expert = new ExpertLineCriterion(id, title, titleZh, Weight(expertMap), built.ExpertLines.Count);
                built.ExpertLines.Add(expert);
                built.Criteria.Add(expert);
                break;
            case "subsidy":
                built.Subsidy = built.Subsidy is null ? CompileSubsidy(id, _yaml.Mapping(body, "subsidy")) : throw _yaml.Error(rule, "a rule set has at most one subsidy rule");
                break;
            case "priority":
                built.Priorities.Add(new PriorityMark(id, title, titleZh, CompileCondition(body, null)));
                break;
            case "report":
                built.Criteria.Add(new ReportCriterion(id, title, titleZh, CompileValue(_yaml.Mapping(body, "report"))));
                break;
        }
    }

    /// <summary>The levels a check applies to: its <c>at</c> keys, its <c>levels</c>, else every level.</summary>
    private IEnumerable<(string Level, int Index)> RuleLevels(YamlMappingNode rule)
    {
        string[] names;
        if (_yaml.Optional(rule, "at") is { } at)
        {
            names = _yaml.Entries(_yaml.Mapping(at, "at")).Select(e => e.Key).ToArray();
        }
        else if (_yaml.Optional(rule, "levels") is { } levels && !(levels is YamlScalarNode { Value: "all" }))
        {
            names = _yaml.Texts(levels, "levels");
        }
        else
        {
            names = _levels;
        }

        if (_levels.Length == 0)
        {
            if (names.Length > 0)
            {
                throw _yaml.Error(rule, $"names level '{names[0]}', but the rule set has no levels");
            }

            yield return ("", -1);
            yield break;
        }

        if (names.Length == 0)
        {
            throw _yaml.Error(rule, "applies at no level");
        }

        foreach (var name in names)
        {
            var index = Array.IndexOf(_levels, name);
            yield return index >= 0 ? (name, index) : throw _yaml.Error(rule, $"names unknown level '{name}' (levels: {string.Join(", ", _levels)})");
        }
    }

    /// <summary>The condition of a rule at one level; follows <c>{rule: other}</c> references, rejecting cycles.</summary>
    private Condition ConditionFor(YamlMappingNode rule, string level)
    {
        if (_yaml.Optional(rule, "check") is { } check)
        {
            return CompileCondition(check, level);
        }

        var at = _yaml.Mapping(_yaml.Required(rule, "at", "a rule"), "at");
        return CompileCondition(_yaml.Required(at, level, "at"), level);
    }

    private FlagCondition CompileWhen(YamlNode node)
    {
        var map = _yaml.Mapping(node, "when");
        _yaml.OnlyKeys(map, "when", "flag");
        return Flag(_yaml.Required(map, "flag", "when"));
    }

    private SubsidyRule CompileSubsidy(string id, YamlMappingNode map)
    {
        _yaml.OnlyKeys(map, "subsidy", "rate", "of", "cap", "level");
        var rate = _yaml.Number(_yaml.Required(map, "rate", "subsidy"), "subsidy rate");
        var cap = _yaml.Number(_yaml.Required(map, "cap", "subsidy"), "subsidy cap");
        var level = _yaml.OptionalText(map, "level");
        var levelIndex = level.Length == 0 ? -1 : Array.IndexOf(_levels, level);
        if (level.Length > 0 && levelIndex < 0)
        {
            throw _yaml.Error(map, $"subsidy names unknown level '{level}'");
        }

        if (rate < 0 || cap < 0)
        {
            throw _yaml.Error(map, "subsidy rate and cap must be ≥ 0");
        }

        return new SubsidyRule(id, rate, CompileValue(_yaml.Mapping(_yaml.Required(map, "of", "subsidy"), "of")), cap, levelIndex);
    }

    private double Weight(YamlMappingNode map)
    {
        var weight = _yaml.Number(_yaml.Required(map, "weight", "a scored line"), "weight");
        return weight > 0 ? weight : throw _yaml.Error(map, $"weight must be > 0, not {weight}");
    }
}
