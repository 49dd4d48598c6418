namespace ScoringGrid.Prometheus;

/// <summary>Which text exposition dialect a body is written in.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4</c>).</summary>
    PrometheusText = 0,

    /// <summary>
    /// OpenMetrics 1.0 text (<c>application/openmetrics-text</c>): timestamps in float seconds,
    /// exemplars, and a mandatory <c># EOF</c> line.
    /// </summary>
    OpenMetrics,
}
