using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Internal;

// One HTTP GET of a metrics endpoint with the limits applied. Every failure becomes a
// FetchOutcome with a reason; only the caller's own cancellation escapes as an exception.
internal sealed class ScrapeFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpClient _insecureClient;
    private readonly TimeProvider _time;
    private readonly long _bodyLimit;

    public ScrapeFetcher(TimeProvider time, long bodyLimit)
    {
        _time = time;
        _bodyLimit = bodyLimit;
        _client = CreateClient(insecure: false);
        _insecureClient = CreateClient(insecure: true);
    }

    public async Task<FetchOutcome> FetchAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var timeout = target.EffectiveTimeout;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        request.Headers.TryAddWithoutValidation("Accept", PrometheusContentTypes.ScrapeAccept);
        request.Headers.TryAddWithoutValidation(
            "X-Prometheus-Scrape-Timeout-Seconds", timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        if (target.BearerToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = target.TlsInsecureSkipVerify ? _insecureClient : _client;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return FetchOutcome.Fail(ScrapeFailure.HttpStatus, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength is long declared && declared > _bodyLimit)
            {
                return FetchOutcome.Fail(ScrapeFailure.BodyTooLarge, $"body of {declared} bytes exceeds the limit of {_bodyLimit} bytes");
            }

            var format = PrometheusContentTypes.Detect(response.Content.Headers.ContentType?.ToString());
            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var (buffer, length) = await BodyReader.ReadAsync(stream, _bodyLimit, linked.Token).ConfigureAwait(false);
                return buffer is null
                    ? FetchOutcome.Fail(ScrapeFailure.BodyTooLarge, $"body exceeds the limit of {_bodyLimit} bytes")
                    : FetchOutcome.Ok(buffer, length, format);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchOutcome.Fail(ScrapeFailure.Timeout, $"timeout after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
        }
        catch (HttpRequestException ex)
        {
            return FetchOutcome.Fail(ScrapeFailure.Connection, $"connection error: {ex.Message}");
        }
        catch (IOException ex)
        {
            // A body cut off mid-stream (server closed the connection) is a failed scrape, never a partial one.
            return FetchOutcome.Fail(ScrapeFailure.Connection, $"body read failed: {ex.Message}");
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _insecureClient.Dispose();
    }

    private static HttpClient CreateClient(bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        if (insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
