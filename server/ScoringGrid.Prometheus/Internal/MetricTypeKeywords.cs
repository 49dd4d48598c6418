namespace ScoringGrid.Prometheus.Internal;

// The `# TYPE` keywords of each dialect. Text 0.0.4 knows five; OpenMetrics renames
// `untyped` to `unknown` and adds three.
internal static class MetricTypeKeywords
{
    public static string ToKeyword(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        MetricType.GaugeHistogram => "gaugehistogram",
        MetricType.StateSet => "stateset",
        MetricType.Info => "info",
        _ => "untyped",
    };

    public static bool TryParse(ReadOnlySpan<byte> keyword, ExpositionFormat format, out MetricType type)
    {
        type = MetricType.Untyped;
        if (keyword.SequenceEqual("counter"u8)) { type = MetricType.Counter; return true; }
        if (keyword.SequenceEqual("gauge"u8)) { type = MetricType.Gauge; return true; }
        if (keyword.SequenceEqual("histogram"u8)) { type = MetricType.Histogram; return true; }
        if (keyword.SequenceEqual("summary"u8)) { type = MetricType.Summary; return true; }

        if (format == ExpositionFormat.PrometheusText)
        {
            return keyword.SequenceEqual("untyped"u8);
        }

        if (keyword.SequenceEqual("unknown"u8)) { return true; }
        if (keyword.SequenceEqual("gaugehistogram"u8)) { type = MetricType.GaugeHistogram; return true; }
        if (keyword.SequenceEqual("stateset"u8)) { type = MetricType.StateSet; return true; }
        if (keyword.SequenceEqual("info"u8)) { type = MetricType.Info; return true; }
        return false;
    }
}
