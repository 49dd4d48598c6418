using System.Globalization;
using System.Net;
using System.Text;
using ScoringGrid.Load.Capacity;

namespace ScoringGrid.Load.Reports;

/// <summary>A self-contained HTML report: figures, tables and inline SVG charts; no script, no external resource.</summary>
public static class HtmlReport
{
    /// <summary>The report of one run.</summary>
    public static string Render(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = Begin($"sg-load: {result.Target}");
        sb.Append("<pre>").Append(E(TextSummary.Format(result))).Append("</pre>");
        AppendCharts(sb, result);
        return End(sb);
    }

    /// <summary>The report of a capacity search: the verdict, every step, and charts of the steps.</summary>
    public static string Render(CapacityResult capacity)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var sb = Begin($"sg-load capacity: {capacity.Target}");
        sb.Append("<pre>").Append(E(CapacitySummary.Format(capacity))).Append("</pre>");
        sb.Append("<table><tr><th>rate/s</th><th>held</th><th>ok/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th><th>dropped</th><th>why</th></tr>");
        foreach (var s in capacity.Steps)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{N(s.Rate)}</td><td>{(s.Held ? "yes" : "no")}</td><td>{N(s.ThroughputRps)}</td><td>{N(s.Latency.P50)}</td><td>{N(s.Latency.P95)}</td><td>{N(s.Latency.P99)}</td><td>{N(s.Latency.Max)}</td><td>{N(s.ErrorRate * 100)}%</td><td>{s.Dropped}</td><td>{E(s.Reason)}</td></tr>");
        }

        sb.Append("</table>");
        var chart = new SvgChart("p95 latency by offered rate", "offered rate (requests/s)", "ms");
        chart.AddSeries("p95", "#d62728", [.. capacity.Steps.Select(static s => (s.Rate, s.Latency.P95))]);
        chart.AddSeries("p50", "#1f77b4", [.. capacity.Steps.Select(static s => (s.Rate, s.Latency.P50))]);
        if (capacity.Steps.Count > 0)
        {
            chart.AddSeries("declared response time", "#555", [(capacity.Steps[0].Rate, capacity.ResponseTimeLimitMs), (capacity.Steps[^1].Rate, capacity.ResponseTimeLimitMs)], dashed: true);
        }

        sb.Append(chart.Render());
        var errors = new SvgChart("errors by offered rate", "offered rate (requests/s)", "% of due requests");
        errors.AddSeries("errors + dropped", "#ff7f0e", [.. capacity.Steps.Select(static s => (s.Rate, s.ErrorRate * 100))]);
        sb.Append(errors.Render());
        if (capacity.DeclaredRateRun is { } declared)
        {
            sb.Append("<h2>At the declared rate</h2><pre>").Append(E(TextSummary.Format(declared))).Append("</pre>");
            AppendCharts(sb, declared);
        }

        return End(sb);
    }

    private static void AppendCharts(StringBuilder sb, LoadResult result)
    {
        var overTime = new SvgChart("latency over time", "seconds after warm-up", "ms");
        overTime.AddSeries("p50", "#1f77b4", [.. result.Intervals.Select(static i => ((double)i.Second, i.P50))]);
        overTime.AddSeries("p95", "#ff7f0e", [.. result.Intervals.Select(static i => ((double)i.Second, i.P95))]);
        overTime.AddSeries("p99", "#d62728", [.. result.Intervals.Select(static i => ((double)i.Second, i.P99))]);
        overTime.AddSeries("max", "#7f7f7f", [.. result.Intervals.Select(static i => ((double)i.Second, i.Max))], dashed: true);
        sb.Append(overTime.Render());

        var rate = new SvgChart("requests per second", "seconds after warm-up", "requests/s");
        rate.AddSeries("ok", "#2ca02c", [.. result.Intervals.Select(static i => ((double)i.Second, (double)i.Succeeded))]);
        rate.AddSeries("failed", "#d62728", [.. result.Intervals.Select(static i => ((double)i.Second, (double)i.Failed))]);
        rate.AddSeries("dropped", "#9467bd", [.. result.Intervals.Select(static i => ((double)i.Second, (double)i.Dropped))]);
        sb.Append(rate.Render());

        // Percentile axis in "nines": 0 → 0, 90 → 1, 99 → 2, 99.9 → 3 …, so the tail gets room.
        var dist = new SvgChart("latency by percentile", "percentile", "ms");
        var points = new List<(double, double)>();
        foreach (var p in result.Distribution)
        {
            points.Add((Nines(p.Percentile), p.Milliseconds));
        }

        dist.AddSeries("latency", "#1f77b4", points);
        foreach (var (p, label) in new[] { (0.0, "0"), (50, "50"), (90, "90"), (99, "99"), (99.9, "99.9"), (99.99, "99.99"), (99.999, "99.999"), (100, "max") })
        {
            dist.AddXTick(Nines(p), label);
        }

        sb.Append(dist.Render());
        sb.Append("<table><tr><th>percentile</th><th>ms</th></tr>");
        foreach (var p in result.Distribution)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{N(p.Percentile)}</td><td>{N(p.Milliseconds)}</td></tr>");
        }

        sb.Append("</table>");
    }

    private static double Nines(double percentile) => percentile >= 100 ? 5.5 : Math.Min(5, -Math.Log10(1 - (percentile / 100)));

    private static StringBuilder Begin(string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>")
        .Append("<style>body{font-family:sans-serif;margin:24px;max-width:820px}pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}")
        .Append("table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}svg{display:block;margin:16px 0}</style>")
        .Append("</head><body><h1>").Append(E(title)).Append("</h1>");

    private static string End(StringBuilder sb) => sb.Append("</body></html>\n").ToString();

    private static string N(double v) => TextSummary.N(v);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
