using System.Globalization;
using System.Text;
using ScoringGrid.Load.Reports;

namespace ScoringGrid.Load.Capacity;

/// <summary>The readable summary of a capacity search.</summary>
public static class CapacitySummary
{
    /// <summary>Formats the verdict and one line per step.</summary>
    public static string Format(CapacityResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"target      {c.Target}\n");
        sb.Append(CultureInfo.InvariantCulture, $"limits      p95 ≤ {TextSummary.N(c.ResponseTimeLimitMs)}ms, errors ≤ {TextSummary.N(c.MaxErrorRate * 100)}%, {TextSummary.N(c.StepSeconds)} s per step\n");
        foreach (var s in c.Steps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"step {TextSummary.N(s.Rate),7}/s  {(s.Held ? "held  " : "FAILED")}  ok {TextSummary.N(s.ThroughputRps)}/s  p50 {TextSummary.N(s.Latency.P50)}ms  p95 {TextSummary.N(s.Latency.P95)}ms  max {TextSummary.N(s.Latency.Max)}ms  errors {TextSummary.N(s.ErrorRate * 100)}%  ({s.Reason})\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"highest     {TextSummary.N(c.HighestRateHeld)}/s held ({c.StopReason})\n");
        if (c.DeclaredRate is { } declared)
        {
            sb.Append(CultureInfo.InvariantCulture, $"declared    {TextSummary.N(declared)}/s: p95 there {(c.ResponseTimeMs is { } rt ? TextSummary.N(rt) + "ms" : "n/a")}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"verdict     {(c.Passed ? "PASS" : "FAIL")}\n");
        return sb.ToString();
    }
}
