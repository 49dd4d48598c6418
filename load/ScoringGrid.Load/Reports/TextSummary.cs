using System.Globalization;
using System.Text;

namespace ScoringGrid.Load.Reports;

/// <summary>The readable summary printed at the end of a run.</summary>
public static class TextSummary
{
    /// <summary>Formats a result as a few aligned lines.</summary>
    public static string Format(LoadResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        Line(sb, "target", r.Target);
        Line(sb, "model", $"{r.Model}; warm-up {N(r.WarmupSeconds)} s ({r.WarmupRequests} requests) excluded; stopped: {r.StopReason}");
        Line(sb, "requests", $"{r.Issued} issued, {r.Succeeded} ok, {r.Failed} failed, {r.Dropped} dropped ({N(r.ErrorRate * 100)}% errors); max in flight {r.MaxInFlightSeen}");
        Line(sb, "throughput", $"{N(r.ThroughputRps)}/s ok over {N(r.MeasuredSeconds)} s (offered {N(r.OfferedRps)}/s)");
        Line(sb, "latency", Percentiles(r.Latency) + (r.OpenModel ? "  (from intended start)" : ""));
        if (r.OpenModel)
        {
            Line(sb, "service", Percentiles(r.ServiceTime) + "  (from actual send)");
        }

        if (r.ErrorsByKind.Count > 0)
        {
            var parts = new List<string>();
            foreach (var (kind, count) in r.ErrorsByKind)
            {
                parts.Add($"{kind}: {count}");
            }

            Line(sb, "errors", string.Join(", ", parts));
        }

        foreach (var t in r.Thresholds)
        {
            Line(sb, "threshold", $"{(t.Passed ? "pass" : "FAIL")}  {t.Threshold}  (actual {t.ActualText})");
        }

        return sb.ToString();
    }

    /// <summary><c>p50 20.1ms  p90 …  max …</c></summary>
    public static string Percentiles(LatencySummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return $"p50 {N(s.P50)}ms  p90 {N(s.P90)}ms  p95 {N(s.P95)}ms  p99 {N(s.P99)}ms  p99.9 {N(s.P999)}ms  max {N(s.Max)}ms";
    }

    /// <summary>A number as the reports print it (three decimals below 100, one above).</summary>
    public static string N(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string label, string text) =>
        sb.Append(CultureInfo.InvariantCulture, $"{label,-11}").Append(text).Append('\n');
}
