using System.Globalization;
using System.Text;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Cli.Lint;

/// <summary>
/// The checks of <c>sg lint-endpoint</c> on scrapes already made, so they run without a network:
/// HTTP status, content type, body limit, parse, required metrics with their types and labels,
/// values, and counters not decreasing from one scrape to the next.
/// </summary>
internal static class EndpointChecks
{
    public static LintReport Check(Uri url, IReadOnlyList<EndpointScrape> scrapes, IReadOnlyList<MetricRequirement> requirements, long bodyLimitBytes)
    {
        var findings = new Findings();
        var parser = new ExpositionParser();
        ParseResult? previous = null;
        var samples = 0;
        for (var i = 0; i < scrapes.Count; i++)
        {
            var parsed = Parse(scrapes[i], i + 1, parser, bodyLimitBytes, findings);
            if (parsed is null)
            {
                continue;
            }

            samples = Math.Max(samples, parsed.Samples.Count);
            CheckRequirements(parsed, requirements, findings);
            if (previous is not null)
            {
                CheckCounters(previous, parsed, findings);
            }

            previous = parsed;
        }

        return new LintReport(url, scrapes, findings.List, samples);
    }

    private static ParseResult? Parse(EndpointScrape scrape, int n, ExpositionParser parser, long limit, Findings findings)
    {
        if (scrape.FetchError is { } error)
        {
            findings.Add("http", $"scrape {n}: {error}");
            return null;
        }

        if (scrape.StatusCode != 200)
        {
            findings.Add("http", $"scrape {n}: HTTP {scrape.StatusCode}; the endpoint must answer 200 with the metrics");
            return null;
        }

        CheckContentType(scrape.ContentType, findings);
        if (scrape.Truncated)
        {
            findings.Add("body", $"scrape {n}: the body is larger than {limit / (1024 * 1024)} MiB, the collector's limit; the scrape would fail");
            return null;
        }

        var result = parser.Parse(scrape.Body, PrometheusContentTypes.Detect(scrape.ContentType));
        if (!result.Succeeded)
        {
            findings.Add("body", $"scrape {n}: not valid {FormatName(result.Format)}: {result.Error.Message}");
            return null;
        }

        return result;
    }

    private static void CheckContentType(string? contentType, Findings findings)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            findings.Add("content-type", $"no Content-Type header; send '{PrometheusContentTypes.TextV004}'");
            return;
        }

        var media = contentType.Split(';')[0].Trim();
        if (!media.Equals("text/plain", StringComparison.OrdinalIgnoreCase) && !media.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add("content-type", $"Content-Type '{contentType}' is neither text/plain (version=0.0.4) nor application/openmetrics-text; send '{PrometheusContentTypes.TextV004}'");
        }
    }

    private static void CheckRequirements(ParseResult parsed, IReadOnlyList<MetricRequirement> requirements, Findings findings)
    {
        var byFamily = new Dictionary<string, (MetricFamily Family, List<Sample> Samples)>(StringComparer.Ordinal);
        foreach (var sample in parsed.Samples)
        {
            if (!byFamily.TryGetValue(sample.Family.Name, out var entry))
            {
                entry = (sample.Family, []);
                byFamily[sample.Family.Name] = entry;
            }

            entry.Samples.Add(sample);
        }

        foreach (var r in requirements)
        {
            if (!byFamily.TryGetValue(r.Name, out var entry))
            {
                var labels = r.Labels.Count == 0 ? "" : $" with labels {string.Join(", ", r.Labels)}";
                findings.Add(r.Name, $"missing: expose {r.Name} as a {Keyword(r.Type)}{labels} (backs {string.Join(", ", r.Figures)})");
                continue;
            }

            var (family, samples) = entry;
            if (!family.TypeDeclared)
            {
                findings.Add(r.Name, $"no '# TYPE {r.Name} {Keyword(r.Type)}' line: the type must be declared");
            }
            else if (family.Type != r.Type)
            {
                findings.Add(r.Name, $"declared as {Keyword(family.Type)}, must be a {Keyword(r.Type)}");
            }

            foreach (var label in r.Labels)
            {
                var lacking = 0;
                foreach (var s in samples)
                {
                    if (!s.TryGetLabel(label, out var value) || value.Length == 0)
                    {
                        lacking++;
                    }
                }

                if (lacking > 0)
                {
                    findings.Add(r.Name, $"{lacking} of {samples.Count} series lack the label '{label}' (needed for {string.Join(", ", r.Figures)})");
                }
            }

            var bad = samples.FindAll(static s => !double.IsFinite(s.Value) || s.Value < 0);
            if (bad.Count > 0)
            {
                findings.Add(r.Name, $"{bad.Count} sample(s) are negative, NaN or infinite, e.g. {bad[0]}; values must be finite and >= 0");
            }
        }
    }

    private static void CheckCounters(ParseResult before, ParseResult after, Findings findings)
    {
        var earlier = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in before.Samples)
        {
            if (s.Family.Type == MetricType.Counter)
            {
                earlier[SeriesKey(s)] = s.Value;
            }
        }

        foreach (var s in after.Samples)
        {
            if (s.Family.Type == MetricType.Counter && earlier.TryGetValue(SeriesKey(s), out var was) && s.Value < was)
            {
                findings.Add(s.Family.Name,
                    $"counter {SeriesKey(s)} decreased from {Number(was)} to {Number(s.Value)} between two scrapes; a counter must never go down, except to 0 when the process restarts");
            }
        }
    }

    private static string SeriesKey(Sample s)
    {
        var labels = s.Labels.ToArray();
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var sb = new StringBuilder(s.Name);
        if (labels.Length > 0)
        {
            sb.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                sb.Append(i > 0 ? "," : "").Append(labels[i].Name).Append("=\"").Append(labels[i].Value).Append('"');
            }

            sb.Append('}');
        }

        return sb.ToString();
    }

    private static string Keyword(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string FormatName(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? "OpenMetrics text" : "Prometheus text format 0.0.4";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Each problem once, in the order found, even when both scrapes show it.
    private sealed class Findings
    {
        private readonly HashSet<(string, string)> _seen = [];

        public List<LintFinding> List { get; } = [];

        public void Add(string subject, string message)
        {
            if (_seen.Add((subject, message)))
            {
                List.Add(new LintFinding(subject, message));
            }
        }
    }
}
