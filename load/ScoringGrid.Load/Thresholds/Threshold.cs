using System.Globalization;
using ScoringGrid.Load.Reports;

namespace ScoringGrid.Load.Thresholds;

/// <summary>
/// A pass/fail condition on a result, written like k6's: <c>p95&lt;200ms</c>, <c>p99.9&lt;=1s</c>,
/// <c>max&lt;2s</c>, <c>errors&lt;1%</c>, <c>dropped&lt;=0</c>, <c>rps&gt;=100</c>.
/// </summary>
/// <param name="Text">The condition as written.</param>
/// <param name="Metric">p50, p90, p95, p99, p99.9, max, min, mean, errors, dropped or rps.</param>
/// <param name="Operator">&lt;, &lt;=, &gt; or &gt;=.</param>
/// <param name="Limit">The bound, in ms for latencies, as a fraction for <c>errors</c>, a count for <c>dropped</c>, per second for <c>rps</c>.</param>
public sealed record Threshold(string Text, string Metric, string Operator, double Limit)
{
    private static readonly string[] Operators = ["<=", ">=", "<", ">"];

    /// <summary>Parses a condition; the message names what is wrong.</summary>
    public static Threshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        foreach (var op in Operators)
        {
            var at = compact.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var metric = compact[..at];
            var bound = compact[(at + op.Length)..];
            double limit;
            switch (metric)
            {
                case "errors" or "error_rate":
                    limit = bound.EndsWith('%') && TryNumber(bound[..^1], out var pct) ? pct / 100
                        : TryNumber(bound, out var frac) ? frac
                        : throw Bad(text, "an error rate such as 1% or 0.01");
                    return new Threshold(text, "errors", op, limit);
                case "dropped":
                    return TryNumber(bound, out var count) ? new Threshold(text, metric, op, count) : throw Bad(text, "a count of dropped starts");
                case "rps" or "throughput":
                    return TryNumber(bound.Replace("/s", "", StringComparison.Ordinal), out var rps) ? new Threshold(text, "rps", op, rps) : throw Bad(text, "requests per second");
                default:
                    if (new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0).Get(metric) is null)
                    {
                        throw new FormatException($"threshold '{text}': unknown metric '{metric}' (use p50, p90, p95, p99, p99.9, max, min, mean, errors, dropped or rps)");
                    }

                    limit = DurationText.TryParseDuration(bound, out var d) ? d.TotalMilliseconds : throw Bad(text, "a duration such as 200ms or 1s");
                    return new Threshold(text, metric, op, limit);
            }
        }

        throw new FormatException($"threshold '{text}': expected METRIC OP VALUE, e.g. p95<200ms or errors<1%");
    }

    /// <summary>Checks the condition against a result.</summary>
    public ThresholdResult Check(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var actual = Metric switch
        {
            "errors" => result.ErrorRate,
            "dropped" => result.Dropped,
            "rps" => result.ThroughputRps,
            _ => result.Latency.Get(Metric) ?? double.NaN,
        };

        // No successful request means no latency: a latency bound cannot hold.
        var noData = Metric is not ("errors" or "dropped" or "rps") && result.Latency.Count == 0;
        var passed = !noData && Operator switch
        {
            "<" => actual < Limit,
            "<=" => actual <= Limit,
            ">" => actual > Limit,
            _ => actual >= Limit,
        };
        return new ThresholdResult(Text, passed, actual, Format(actual));
    }

    private string Format(double value) => Metric switch
    {
        "errors" => (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        "dropped" => value.ToString("0", CultureInfo.InvariantCulture),
        "rps" => value.ToString("0.#", CultureInfo.InvariantCulture) + "/s",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + "ms",
    };

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0;

    private static FormatException Bad(string text, string expected) => new($"threshold '{text}': the bound must be {expected}");
}
