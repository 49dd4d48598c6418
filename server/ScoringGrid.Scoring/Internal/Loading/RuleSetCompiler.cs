using ScoringGrid.Scoring.Internal.Evaluation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

/// <summary>
/// Reads one rule file (YAML), validates every id and number, and compiles it into a
/// <see cref="CompiledRuleSet"/>. Runs once per file; nothing here is on the scoring path.
/// </summary>
internal sealed partial class RuleSetCompiler
{
    private static readonly string[] TopLevelKeys =
        ["id", "version", "province", "title", "title_zh", "source", "notes", "levels", "item_groups", "figures", "flags", "dates", "rules", "ranking"];

    private readonly YamlReader _yaml;
    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupDefinition> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _itemIds = [];
    private readonly List<int> _itemOnlyWhen = [];
    private readonly Dictionary<string, YamlMappingNode> _ruleNodes = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = [];

    // Set while a condition is compiled when it reads a per-level value (a per-level threshold, a
    // reference to another rule): such a condition is compiled again for every level.
    private bool _levelDependent;
    private string[] _levels = [];
    private string _id = "";

    private RuleSetCompiler(string file) => _yaml = new YamlReader(file);

    private int ItemWords => Math.Max(1, (_itemIds.Count + 63) / 64);

    /// <summary>Compiles the YAML text of one rule file.</summary>
    public static CompiledRuleSet Compile(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RuleSetLoadException(file, "", $"not valid YAML: {e.Message}", (int)e.Start.Line);
        }

        if (stream.Documents.Count != 1)
        {
            throw new RuleSetLoadException(file, "", "a rule file holds exactly one YAML document");
        }

        return new RuleSetCompiler(file).Compile(stream.Documents[0].RootNode);
    }

    private CompiledRuleSet Compile(YamlNode rootNode)
    {
        var root = _yaml.Mapping(rootNode, "a rule file");
        _yaml.OnlyKeys(root, "the rule file", TopLevelKeys);
        _id = _yaml.Scalar(_yaml.Required(root, "id", "the rule file"), "id");
        var version = _yaml.Scalar(_yaml.Required(root, "version", "the rule file"), "version");
        if (_id.Contains('@', StringComparison.Ordinal) || version.Contains('@', StringComparison.Ordinal))
        {
            throw _yaml.Error(root, "id and version may not contain '@'");
        }

        _levels = _yaml.Optional(root, "levels") is { } levels ? _yaml.Texts(levels, "levels") : [];
        Unique(_levels, "level", root);
        ReadVocabulary(_yaml.Optional(root, "figures"), _figures, "figure");
        ReadVocabulary(_yaml.Optional(root, "flags"), _flags, "flag");
        ReadVocabulary(_yaml.Optional(root, "dates"), _dates, "date");
        var groups = ReadGroups(_yaml.Optional(root, "item_groups"));

        var rules = _yaml.Sequence(_yaml.Required(root, "rules", "the rule file"), "rules");
        foreach (var node in rules.Children)
        {
            var rule = _yaml.Mapping(node, "a rule");
            _yaml.Rule = "";
            var id = _yaml.Scalar(_yaml.Required(rule, "id", "a rule"), "rule id");
            if (!_ruleNodes.TryAdd(id, rule))
            {
                _yaml.Rule = id;
                throw _yaml.Error(rule, "duplicate rule id");
            }
        }

        var built = new BuiltRules();
        foreach (var (id, rule) in _ruleNodes)
        {
            _yaml.Rule = id;
            CompileRule(id, rule, built);
        }

        _yaml.Rule = "";
        var notes = _yaml.Optional(root, "notes") is { } n ? _yaml.Texts(n, "notes") : [];
        return new CompiledRuleSet(new RuleSetParts
        {
            Id = _id,
            Version = version,
            Digest = CanonicalDigest.Compute(root),
            Province = _yaml.OptionalText(root, "province"),
            Title = _yaml.OptionalText(root, "title", _id),
            TitleZh = _yaml.OptionalText(root, "title_zh"),
            Source = _yaml.OptionalText(root, "source"),
            SourceFile = _yaml.File,
            Levels = _levels,
            Notes = notes,
            ItemGroups = groups,
            ItemIds = [.. _itemIds],
            ItemOnlyWhenFlag = [.. _itemOnlyWhen],
            FigureIds = Ordered(_figures),
            FlagIds = Ordered(_flags),
            DateIds = Ordered(_dates),
            Criteria = [.. built.Criteria],
            ExpertLines = [.. built.ExpertLines],
            Subsidy = built.Subsidy,
            Priorities = [.. built.Priorities],
            RankingTiers = ReadRanking(_yaml.Optional(root, "ranking")),
        })
        { HasSelfLines = built.HasSelfLines };
    }

    private ItemGroupInfo[] ReadGroups(YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var result = new List<ItemGroupInfo>();
        foreach (var groupNode in _yaml.Sequence(node, "item_groups").Children)
        {
            var group = _yaml.Mapping(groupNode, "an item group");
            _yaml.OnlyKeys(group, "an item group", "id", "title", "title_zh", "items", "subclasses", "only_when");
            var id = _yaml.Scalar(_yaml.Required(group, "id", "an item group"), "group id");
            var onlyWhen = _yaml.OptionalText(group, "only_when");
            var onlyWhenIndex = -1;
            if (onlyWhen.Length > 0 && !_flags.TryGetValue(onlyWhen, out onlyWhenIndex))
            {
                throw _yaml.Error(group, $"item group '{id}' is only_when unknown flag '{onlyWhen}'");
            }

            var items = new List<int>();
            foreach (var (itemId, _) in _yaml.Entries(_yaml.Mapping(_yaml.Required(group, "items", $"item group '{id}'"), "items")))
            {
                if (!_items.TryAdd(itemId, _itemIds.Count))
                {
                    throw _yaml.Error(group, $"duplicate item id '{itemId}'");
                }

                items.Add(_itemIds.Count);
                _itemIds.Add(itemId);
                _itemOnlyWhen.Add(onlyWhenIndex);
            }

            var subclasses = ReadSubclasses(group, id, items);
            if (!_groups.TryAdd(id, new GroupDefinition(id, [.. items], subclasses, onlyWhen)))
            {
                throw _yaml.Error(group, $"duplicate item group id '{id}'");
            }

            result.Add(new ItemGroupInfo(id, _yaml.OptionalText(group, "title", id), _yaml.OptionalText(group, "title_zh"),
                items.Select(i => _itemIds[i]).ToArray(), onlyWhen));
        }

        return [.. result];
    }

    /// <summary>Sub-classes: named lists of the group's items; an item in no list is a sub-class of its own.</summary>
    private (string Name, int[] Items)[] ReadSubclasses(YamlMappingNode group, string groupId, List<int> items)
    {
        var named = new Dictionary<int, string>();
        var result = new List<(string, int[])>();
        if (_yaml.Optional(group, "subclasses") is { } node)
        {
            foreach (var (name, list) in _yaml.Entries(_yaml.Mapping(node, "subclasses")))
            {
                var members = new List<int>();
                foreach (var itemId in _yaml.Texts(list, $"sub-class '{name}'"))
                {
                    if (!_items.TryGetValue(itemId, out var index) || !items.Contains(index))
                    {
                        throw _yaml.Error(list, $"sub-class '{name}' names item '{itemId}', which is not in group '{groupId}'");
                    }

                    if (!named.TryAdd(index, name))
                    {
                        throw _yaml.Error(list, $"item '{itemId}' is in two sub-classes");
                    }

                    members.Add(index);
                }

                result.Add(($"{name} ({string.Join(", ", members.Select(i => _itemIds[i]))})", [.. members]));
            }
        }

        foreach (var index in items)
        {
            if (!named.ContainsKey(index))
            {
                result.Add((_itemIds[index], [index]));
            }
        }

        // In the programme's order: a sub-class sits where its first item does.
        result.Sort(static (a, b) => a.Item2.Min().CompareTo(b.Item2.Min()));
        return [.. result];
    }

    private void ReadVocabulary(YamlNode? node, Dictionary<string, int> target, string what)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (id, _) in _yaml.Entries(_yaml.Mapping(node, $"{what}s")))
        {
            if (!target.TryAdd(id, target.Count))
            {
                throw _yaml.Error(node, $"duplicate {what} id '{id}'");
            }
        }
    }

    private double[] ReadRanking(YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var map = _yaml.Mapping(node, "ranking");
        _yaml.OnlyKeys(map, "ranking", "tiers");
        var tiers = _yaml.Sequence(_yaml.Required(map, "tiers", "ranking"), "ranking tiers").Children
            .Select(t => _yaml.Number(t, "ranking tier")).ToArray();
        for (var i = 0; i < tiers.Length; i++)
        {
            if (tiers[i] <= 0 || tiers[i] > 1 || (i > 0 && tiers[i] <= tiers[i - 1]))
            {
                throw _yaml.Error(node, "ranking tiers must be increasing fractions in (0, 1]");
            }
        }

        return tiers;
    }

    private void Unique(string[] ids, string what, YamlNode at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw _yaml.Error(at, $"duplicate {what} '{id}'");
            }
        }
    }

    private static string[] Ordered(Dictionary<string, int> ids)
    {
        var result = new string[ids.Count];
        foreach (var (id, index) in ids)
        {
            result[index] = id;
        }

        return result;
    }

    private sealed record GroupDefinition(string Id, int[] Items, (string Name, int[] Items)[] Subclasses, string OnlyWhen);

    private sealed class BuiltRules
    {
        public List<CriterionDefinition> Criteria { get; } = [];

        public List<ExpertLineCriterion> ExpertLines { get; } = [];

        public List<PriorityMark> Priorities { get; } = [];

        public SubsidyRule? Subsidy { get; set; }

        public bool HasSelfLines { get; set; }
    }
}
