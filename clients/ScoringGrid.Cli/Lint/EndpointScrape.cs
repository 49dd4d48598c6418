namespace ScoringGrid.Cli.Lint;

/// <summary>One fetch of a vendor's endpoint, as the linter saw it.</summary>
/// <param name="StatusCode">The HTTP status, or 0 when the request failed.</param>
/// <param name="ContentType">The response's Content-Type, or null.</param>
/// <param name="Body">The body, cut at the limit + 1 byte.</param>
/// <param name="Truncated">Whether the body was longer than the limit.</param>
/// <param name="Elapsed">How long the fetch took.</param>
/// <param name="FetchError">Why the request failed (connection, timeout), or null.</param>
internal sealed record EndpointScrape(int StatusCode, string? ContentType, byte[] Body, bool Truncated, TimeSpan Elapsed, string? FetchError = null);
