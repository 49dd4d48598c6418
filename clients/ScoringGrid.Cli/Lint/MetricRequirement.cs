using ScoringGrid.Collector;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Cli.Lint;

/// <summary>One metric a vendor must expose (docs/metrics-spec.md), derived from the collector's figure catalog.</summary>
/// <param name="Name">The metric (family) name.</param>
/// <param name="Type">Gauge or counter.</param>
/// <param name="Labels">Labels every sample must carry with a non-empty value.</param>
/// <param name="Figures">The declared figures it backs.</param>
internal sealed record MetricRequirement(string Name, MetricType Type, IReadOnlyList<string> Labels, IReadOnlyList<string> Figures)
{
    /// <summary>The requirements of the §7 catalog, ordered by metric name.</summary>
    public static IReadOnlyList<MetricRequirement> FromCatalog(IReadOnlyDictionary<string, FigureRule> catalog)
    {
        var types = new SortedDictionary<string, MetricType>(StringComparer.Ordinal);
        var labels = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var figures = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var top in catalog.Values)
        {
            for (var rule = top; rule is not null; rule = rule.Fallback)
            {
                if (rule.Metric is not { } metric)
                {
                    continue;
                }

                types[metric] = rule.Aggregation is FigureAggregation.Increase30Days or FigureAggregation.DailyIncreaseMean
                    ? MetricType.Counter
                    : MetricType.Gauge;
                Set(labels, metric);
                Set(figures, metric).Add(top.Figure);
                if (rule.Label is { } label)
                {
                    labels[metric].Add(label);
                }
            }
        }

        var list = new List<MetricRequirement>(types.Count);
        foreach (var (name, type) in types)
        {
            list.Add(new MetricRequirement(name, type, [.. labels[name]], [.. figures[name]]));
        }

        return list;
    }

    private static SortedSet<string> Set(Dictionary<string, SortedSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }

        return set;
    }
}
