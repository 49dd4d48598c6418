namespace ScoringGrid.Prometheus;

/// <summary>HTTP content types of the exposition formats, and detection of a scraped body's format.</summary>
public static class PrometheusContentTypes
{
    /// <summary>The content type <see cref="MetricRegistry"/> writes: Prometheus text format 0.0.4.</summary>
    public const string TextV004 = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The OpenMetrics 1.0.0 text content type.</summary>
    public const string OpenMetricsV100 = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>
    /// An <c>Accept</c> header for scrapers, preferring OpenMetrics and falling back to text 0.0.4,
    /// as Prometheus itself negotiates.
    /// </summary>
    public const string ScrapeAccept =
        "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1";

    /// <summary>
    /// The format a response declares: OpenMetrics for <c>application/openmetrics-text</c>,
    /// otherwise (including a missing header) the Prometheus text format, as Prometheus falls back.
    /// </summary>
    /// <param name="contentType">The response's <c>Content-Type</c> header value, or <see langword="null"/>.</param>
    public static ExpositionFormat Detect(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return ExpositionFormat.PrometheusText;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        return mediaType.Trim().Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase)
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.PrometheusText;
    }
}
