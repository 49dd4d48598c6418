using ScoringGrid.Scoring.Internal.Evaluation;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

internal sealed partial class RuleSetCompiler
{
    private static readonly string[] ValueKeys = ["figure", "sum", "weighted", "count", "items", "const"];
    private static readonly string[] Comparators = ["ge", "gt", "ge_pct_of"];

    /// <summary>Compiles a condition for one level (null outside the ladder), fixing per-level thresholds.</summary>
    private Condition CompileCondition(YamlNode node, string? level)
    {
        var map = _yaml.Mapping(node, "a condition");
        if (_yaml.Optional(map, "all") is { } all)
        {
            _yaml.OnlyKeys(map, "an all-of condition", "all");
            return new AllCondition(Parts(all, level, "all"));
        }

        if (_yaml.Optional(map, "any") is { } any)
        {
            _yaml.OnlyKeys(map, "an any-of condition", "any");
            return new AnyCondition(Parts(any, level, "any"));
        }

        if (_yaml.Optional(map, "if") is { } test)
        {
            _yaml.OnlyKeys(map, "an if condition", "if", "then", "else");
            var flag = CompileWhen(test);
            return new ConditionalCondition(flag,
                CompileCondition(_yaml.Required(map, "then", "an if condition"), level),
                CompileCondition(_yaml.Required(map, "else", "an if condition"), level));
        }

        if (_yaml.Optional(map, "flag") is { } flagNode)
        {
            _yaml.OnlyKeys(map, "a flag condition", "flag");
            return Flag(flagNode);
        }

        if (_yaml.Optional(map, "province") is { } province)
        {
            _yaml.OnlyKeys(map, "a province condition", "province");
            return new ProvinceCondition(_yaml.Scalar(province, "province"));
        }

        if (_yaml.Optional(map, "deployment") is { } deployment)
        {
            _yaml.OnlyKeys(map, "a deployment condition", "deployment");
            var allowed = _yaml.Texts(deployment, "deployment");
            foreach (var d in allowed)
            {
                if (d is not ("public" or "private" or "hybrid" or "dedicated"))
                {
                    throw _yaml.Error(deployment, $"unknown deployment '{d}'");
                }
            }

            return new DeploymentCondition(allowed);
        }

        if (_yaml.Optional(map, "date") is { } date)
        {
            return CompileDate(map, date);
        }

        if (_yaml.Optional(map, "not_banned") is not null)
        {
            _yaml.OnlyKeys(map, "a not_banned condition", "not_banned");
            return new NotBannedCondition();
        }

        if (_yaml.Optional(map, "provider_pool") is { } pool)
        {
            _yaml.OnlyKeys(map, "a provider_pool condition", "provider_pool");
            return new ProviderPoolCondition(Flag(pool));
        }

        if (_yaml.Optional(map, "rule") is { } reference)
        {
            _yaml.OnlyKeys(map, "a rule reference", "rule");
            return Reference(_yaml.Scalar(reference, "rule"), level, map);
        }

        return CompileComparison(map, level);
    }

    private Condition[] Parts(YamlNode node, string? level, string what)
    {
        var parts = _yaml.Sequence(node, what).Children.Select(c => CompileCondition(c, level)).ToArray();
        return parts.Length > 0 ? parts : throw _yaml.Error(node, $"'{what}' needs at least one condition");
    }

    private FlagCondition Flag(YamlNode node)
    {
        var id = _yaml.Scalar(node, "flag");
        return _flags.TryGetValue(id, out var index) ? new FlagCondition(index, id) : throw _yaml.Error(node, $"unknown flag '{id}'");
    }

    private DateCondition CompileDate(YamlMappingNode map, YamlNode dateNode)
    {
        _yaml.OnlyKeys(map, "a date condition", "date", "on_or_before", "on_or_after");
        var id = _yaml.Scalar(dateNode, "date");
        if (!_dates.TryGetValue(id, out var index))
        {
            throw _yaml.Error(dateNode, $"unknown date '{id}'");
        }

        var before = _yaml.Optional(map, "on_or_before");
        var after = _yaml.Optional(map, "on_or_after");
        if ((before is null) == (after is null))
        {
            throw _yaml.Error(map, $"date condition on '{id}' needs exactly one of on_or_before, on_or_after");
        }

        return before is not null
            ? new DateCondition(index, id, _yaml.Date(before, "on_or_before"), onOrBefore: true)
            : new DateCondition(index, id, _yaml.Date(after!, "on_or_after"), onOrBefore: false);
    }

    private Condition Reference(string target, string? level, YamlNode at)
    {
        if (!_ruleNodes.TryGetValue(target, out var rule))
        {
            throw _yaml.Error(at, $"refers to unknown rule '{target}'");
        }

        if (_resolving.Contains(target))
        {
            throw _yaml.Error(at, $"rule references form a cycle: {string.Join(" → ", _resolving)} → {target}");
        }

        _levelDependent = true;
        _resolving.Add(target);
        try
        {
            if (level is not null && _yaml.Optional(rule, "at") is { } at2 && _yaml.Optional(_yaml.Mapping(at2, "at"), level) is null)
            {
                throw _yaml.Error(at, $"refers to rule '{target}', which has no condition at level '{level}'");
            }

            return ConditionFor(rule, level ?? "");
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    private Condition CompileComparison(YamlMappingNode map, string? level)
    {
        var valueKeys = ValueKeys.Where(k => _yaml.Optional(map, k) is not null).ToArray();
        var comparators = Comparators.Where(k => _yaml.Optional(map, k) is not null).ToArray();
        if (valueKeys.Length != 1 || comparators.Length != 1)
        {
            throw _yaml.Error(map,
                "a condition is all, any, if, flag, province, deployment, date, not_banned, provider_pool, rule, " +
                "or one value (figure, sum, weighted, count, items, const) with one comparator (ge, gt, ge_pct_of)");
        }

        _yaml.OnlyKeys(map, "a comparison", [valueKeys[0], comparators[0], "distinct"]);
        var value = CompileValue(map);
        var comparand = _yaml.Optional(map, comparators[0])!;
        if (comparators[0] == "ge_pct_of")
        {
            var of = _yaml.Mapping(comparand, "ge_pct_of");
            var pct = _yaml.Number(_yaml.Required(of, "pct", "ge_pct_of"), "pct");
            var ofMap = new YamlMappingNode(of.Children.Where(kv => ((YamlScalarNode)kv.Key).Value != "pct"));
            return new PercentOfCondition(value, CompileValue(ofMap), pct);
        }

        var threshold = Threshold(comparand, value, level);
        return new CompareCondition(value, threshold, strict: comparators[0] == "gt");
    }

    /// <summary>A number, <c>all</c> (every item counted), or a per-level map of either.</summary>
    private double Threshold(YamlNode node, ValueExpression value, string? level)
    {
        if (node is YamlMappingNode perLevel)
        {
            _levelDependent = true;
            foreach (var (key, _) in _yaml.Entries(perLevel))
            {
                if (Array.IndexOf(_levels, key) < 0)
                {
                    throw _yaml.Error(perLevel, $"threshold names unknown level '{key}'");
                }
            }

            if (level is null || _yaml.Optional(perLevel, level) is not { } forLevel)
            {
                throw _yaml.Error(perLevel, $"per-level threshold has no value for level '{level}'");
            }

            node = forLevel;
        }

        if (node is YamlScalarNode { Value: "all" })
        {
            return value is CountValue count ? count.Capacity : throw _yaml.Error(node, "threshold 'all' applies only to counts");
        }

        var threshold = _yaml.Number(node, "threshold");
        return threshold >= 0 ? threshold : throw _yaml.Error(node, $"threshold {threshold} is negative");
    }
}
