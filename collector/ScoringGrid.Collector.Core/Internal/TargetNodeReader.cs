using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Collector.Internal;

// Reads one `targets[i]` mapping. Unknown keys are errors: a misspelt `timeout` silently
// falling back to the interval is the kind of mistake a config review misses.
internal static class TargetNodeReader
{
    public static ScrapeTarget Read(YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            throw new TargetConfigException(path, $"{path} must be a mapping");
        }

        string? platformId = null;
        Uri? url = null;
        TimeSpan interval = ScrapeTarget.DefaultInterval;
        TimeSpan? timeout = null;
        string? token = null;
        var insecure = false;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var field = $"{path}.{key}";
            switch (key)
            {
                case "platform_id":
                    platformId = Scalar(valueNode, field);
                    break;
                case "url":
                    url = Uri.TryCreate(Scalar(valueNode, field), UriKind.Absolute, out var u)
                        ? u
                        : throw new TargetConfigException(field, $"{field} is not an absolute URL");
                    break;
                case "interval":
                    interval = DurationText.Parse(Scalar(valueNode, field), field);
                    break;
                case "timeout":
                    timeout = DurationText.Parse(Scalar(valueNode, field), field);
                    break;
                case "bearer_token":
                    token = Scalar(valueNode, field);
                    break;
                case "tls_insecure_skip_verify":
                    insecure = bool.TryParse(Scalar(valueNode, field), out var b)
                        ? b
                        : throw new TargetConfigException(field, $"{field} must be true or false");
                    break;
                case "labels":
                    ReadLabels(valueNode, field, labels);
                    break;
                default:
                    throw new TargetConfigException(field, $"unknown field {field}");
            }
        }

        if (platformId is null)
        {
            throw new TargetConfigException($"{path}.platform_id", $"{path}.platform_id is required");
        }

        if (url is null)
        {
            throw new TargetConfigException($"{path}.url", $"{path}.url is required");
        }

        var target = new ScrapeTarget
        {
            PlatformId = platformId,
            Url = url,
            Interval = interval,
            Timeout = timeout,
            BearerToken = token,
            TlsInsecureSkipVerify = insecure,
            Labels = labels,
        };

        try
        {
            target.Validate();
        }
        catch (TargetConfigException ex)
        {
            // Re-anchor the field to its place in the file.
            throw new TargetConfigException($"{path}.{ex.Field}", $"{path}: {ex.Message}", ex);
        }

        return target;
    }

    private static string Scalar(YamlNode node, string field) =>
        node is YamlScalarNode { Value: { } value }
            ? value
            : throw new TargetConfigException(field, $"{field} must be a scalar value");

    private static void ReadLabels(YamlNode node, string field, Dictionary<string, string> labels)
    {
        if (node is not YamlMappingNode map)
        {
            throw new TargetConfigException(field, $"{field} must be a mapping of label names to values");
        }

        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            labels[name] = Scalar(v, $"{field}.{name}");
        }
    }
}
