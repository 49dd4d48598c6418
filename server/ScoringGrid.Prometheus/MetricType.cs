namespace ScoringGrid.Prometheus;

/// <summary>The type of a metric family, as declared by a <c># TYPE</c> line.</summary>
public enum MetricType
{
    /// <summary>No or unknown type (<c>untyped</c> in text 0.0.4, <c>unknown</c> in OpenMetrics).</summary>
    Untyped = 0,

    /// <summary>A monotonically increasing value that resets to zero on restart.</summary>
    Counter,

    /// <summary>A value that can go up and down.</summary>
    Gauge,

    /// <summary>Cumulative buckets (<c>_bucket{le=…}</c>) with <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,

    /// <summary>Quantiles (<c>{quantile=…}</c>) with <c>_sum</c> and <c>_count</c>.</summary>
    Summary,

    /// <summary>OpenMetrics gauge histogram (<c>_bucket</c>, <c>_gsum</c>, <c>_gcount</c>).</summary>
    GaugeHistogram,

    /// <summary>OpenMetrics state set.</summary>
    StateSet,

    /// <summary>OpenMetrics info metric (<c>_info</c>).</summary>
    Info,
}
