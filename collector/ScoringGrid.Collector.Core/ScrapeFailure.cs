namespace ScoringGrid.Collector;

/// <summary>Why a scrape failed; the value's snake-case name is the <c>result</c> label of the collector's scrape counter.</summary>
public enum ScrapeFailure
{
    /// <summary>The scrape succeeded.</summary>
    None = 0,

    /// <summary>The endpoint answered with a status other than 200.</summary>
    HttpStatus,

    /// <summary>No connection, or the connection broke while reading.</summary>
    Connection,

    /// <summary>The scrape took longer than the target's timeout.</summary>
    Timeout,

    /// <summary>The body was larger than <see cref="CollectorOptions.BodySizeLimitBytes"/>.</summary>
    BodyTooLarge,

    /// <summary>The body was not a valid exposition (garbage, truncated, or over the sample limit).</summary>
    Parse,
}
