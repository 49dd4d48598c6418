using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

/// <summary>Typed access to YAML nodes; every failure names the file, the rule and the line.</summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    /// <summary>The rule being read, for messages.</summary>
    public string Rule { get; set; } = "";

    public RuleSetLoadException Error(YamlNode? node, string problem) =>
        new(File, Rule, problem, node is null ? 0 : (int)node.Start.Line);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public string Scalar(YamlNode node, string what)
    {
        var value = (node as YamlScalarNode)?.Value;
        return string.IsNullOrWhiteSpace(value) ? throw Error(node, $"{what} must be a non-empty text") : value;
    }

    public double Number(YamlNode node, string what)
    {
        var text = (node as YamlScalarNode)?.Value?.Replace("_", "", StringComparison.Ordinal);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(node, $"{what} '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}' is not a number");
        }

        return value;
    }

    public DateOnly Date(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(node, $"{what} '{text}' is not an ISO date YYYY-MM-DD");
    }

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Error(map, $"{what} is missing '{key}'");

    public string OptionalText(YamlMappingNode map, string key, string fallback = "") =>
        Optional(map, key) is { } node ? Scalar(node, key) : fallback;

    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map)
    {
        foreach (var (k, v) in map.Children)
        {
            yield return (Scalar(k, "key"), v);
        }
    }

    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var (k, _) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, key) < 0)
            {
                throw Error(k, $"{what} has unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    /// <summary>A list of texts, or one text standing for a list of one.</summary>
    public string[] Texts(YamlNode node, string what) => node switch
    {
        YamlScalarNode => [Scalar(node, what)],
        YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, what)).ToArray(),
        _ => throw Error(node, $"{what} must be a text or a list of texts"),
    };
}
