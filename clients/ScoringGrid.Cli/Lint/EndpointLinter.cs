using System.Diagnostics;
using System.Net.Http.Headers;
using ScoringGrid.Collector;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Cli.Lint;

/// <summary>
/// <c>sg lint-endpoint</c>: fetches a vendor's endpoint twice, <c>interval</c> apart, as the
/// collector would, and checks both scrapes against docs/metrics-spec.md.
/// </summary>
internal sealed class EndpointLinter(HttpClient http, TimeProvider time)
{
    /// <summary>The collector's body limit (CollectorOptions.BodySizeLimitBytes).</summary>
    public static readonly long BodyLimitBytes = CollectorOptions.Default.BodySizeLimitBytes;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    public async Task<LintReport> LintAsync(Uri url, string? bearerToken, TimeSpan interval, CancellationToken cancellationToken)
    {
        var first = await FetchAsync(url, bearerToken, cancellationToken).ConfigureAwait(false);
        var scrapes = new List<EndpointScrape> { first };
        // A refused connection or a bad URL will not fix itself in two seconds.
        if (first.FetchError is null)
        {
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            scrapes.Add(await FetchAsync(url, bearerToken, cancellationToken).ConfigureAwait(false));
        }

        return EndpointChecks.Check(url, scrapes, MetricRequirement.FromCatalog(FigureCatalog.Default), BodyLimitBytes);
    }

    private async Task<EndpointScrape> FetchAsync(Uri url, string? bearerToken, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", PrometheusContentTypes.ScrapeAccept);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var contentType = response.Content.Headers.ContentType?.ToString();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var (body, truncated) = await ReadLimitedAsync(stream, BodyLimitBytes, cancellationToken).ConfigureAwait(false);
            return new EndpointScrape((int)response.StatusCode, contentType, body, truncated, clock.Elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = ex is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0.#} s" : ex.Message;
            return new EndpointScrape(0, null, [], false, clock.Elapsed, $"cannot fetch {url}: {why}");
        }
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadLimitedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                // Stop reading, as the collector does: a vendor's huge body must not exhaust the linter either.
                return ([], true);
            }
        }
    }
}
