using ScoringGrid.Collector.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Collector;

/// <summary>
/// Reads scrape targets from a YAML or JSON file (JSON is read as YAML, of which it is a subset):
/// <code>
/// targets:
///   - platform_id: acme-iiot
///     url: http://127.0.0.1:9101/metrics
///     interval: 15s          # ms, s, m, h suffixes; a bare number is seconds
///     timeout: 10s           # at most the interval
///     bearer_token: secret   # optional
///     tls_insecure_skip_verify: false
///     labels: { vendor: acme }
/// </code>
/// Errors name the field, e.g. <c>targets[1].timeout</c>.
/// </summary>
public static class TargetConfigLoader
{
    /// <summary>Loads and validates a targets file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The targets in file order.</returns>
    /// <exception cref="TargetConfigException">The file is unreadable, malformed, or a target is invalid.</exception>
    public static IReadOnlyList<ScrapeTarget> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetConfigException("file", $"cannot read targets file '{path}': {ex.Message}", ex);
        }

        return Parse(text);
    }

    /// <summary>Parses and validates targets from YAML or JSON text.</summary>
    /// <param name="text">The document.</param>
    /// <returns>The targets in document order.</returns>
    /// <exception cref="TargetConfigException">The text is malformed or a target is invalid.</exception>
    public static IReadOnlyList<ScrapeTarget> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new TargetConfigException("file", $"targets file is not valid YAML/JSON at line {ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TargetConfigException("targets", "the document must be a mapping with a 'targets' list");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("targets"), out var listNode))
        {
            throw new TargetConfigException("targets", "missing 'targets' list");
        }

        if (listNode is not YamlSequenceNode list)
        {
            throw new TargetConfigException("targets", "'targets' must be a list");
        }

        var targets = new List<ScrapeTarget>(list.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var target = TargetNodeReader.Read(list.Children[i], $"targets[{i}]");
            if (!seen.Add(target.PlatformId))
            {
                throw new TargetConfigException($"targets[{i}].platform_id", $"platform_id '{target.PlatformId}' appears twice");
            }

            targets.Add(target);
        }

        return targets;
    }
}
