using System.Text;
using ScoringGrid.Cli.Lint;
using ScoringGrid.Collector;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Cli.Tests.Lint;

/// Exposition bodies built from the spec itself: a compliant one, and ways to break it.
internal static class SpecBodies
{
    public static IReadOnlyList<MetricRequirement> Requirements { get; } = MetricRequirement.FromCatalog(FigureCatalog.Default);

    /// <param name="counterValue">The value of every counter.</param>
    /// <param name="skip">A metric to leave out.</param>
    /// <param name="typeOf">Overrides a metric's # TYPE keyword.</param>
    /// <param name="dropLabel">A label to leave off every sample.</param>
    public static string Compliant(double counterValue = 100, string? skip = null, (string Metric, string Type)? typeOf = null, string? dropLabel = null)
    {
        var sb = new StringBuilder();
        foreach (var r in Requirements)
        {
            if (r.Name == skip)
            {
                continue;
            }

            var type = typeOf is { } t && t.Metric == r.Name ? t.Type : r.Type == MetricType.Counter ? "counter" : "gauge";
            sb.Append("# HELP ").Append(r.Name).Append(" test\n# TYPE ").Append(r.Name).Append(' ').Append(type).Append('\n');
            for (var i = 0; i < 2; i++)
            {
                sb.Append(r.Name);
                var labels = r.Labels.Where(l => l != dropLabel).Select(l => $"{l}=\"{l}{i}\"").ToList();
                if (labels.Count > 0)
                {
                    sb.Append('{').Append(string.Join(",", labels)).Append('}');
                }

                sb.Append(' ').Append(r.Type == MetricType.Counter ? counterValue : 10).Append('\n');
                if (labels.Count == 0)
                {
                    break;
                }
            }
        }

        return sb.ToString();
    }

    public static EndpointScrape Scrape(string body, string? contentType = PrometheusContentTypes.TextV004, int status = 200) =>
        new(status, contentType, Encoding.UTF8.GetBytes(body), false, TimeSpan.FromMilliseconds(5));
}
