using System.Net;

namespace ScoringGrid.Load.Targets;

/// <summary>
/// Repeats one HTTP request over <see cref="SocketsHttpHandler"/>, HTTP/1.1 or HTTP/2 (h2c with
/// prior knowledge on <c>http://</c>). A 2xx answer whose body was read to the end is a success;
/// any other status is an error of kind <c>http NNN</c>.
/// </summary>
public sealed class HttpTarget : ILoadTarget
{
    private readonly HttpClient _client;
    private readonly HttpRequestTemplate _template;
    private readonly Version _version;

    /// <summary>Creates a target.</summary>
    /// <param name="template">The request to repeat.</param>
    /// <param name="http2">HTTP/2 when true, HTTP/1.1 otherwise.</param>
    /// <param name="connectTimeout">How long a connection attempt may take.</param>
    public HttpTarget(HttpRequestTemplate template, bool http2, TimeSpan? connectTimeout = null)
    {
        _template = template ?? throw new ArgumentNullException(nameof(template));
        _version = http2 ? HttpVersion.Version20 : HttpVersion.Version11;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public string Description => $"{_template.Method} {_template.Uri} (HTTP/{(_version.Major == 2 ? "2" : "1.1")})";

    /// <inheritdoc />
    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        using var request = _template.CreateMessage(_version);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return status is >= 200 and < 300 ? RequestOutcome.Success : RequestOutcome.Failure(ErrorKinds.Http(status));
    }

    /// <inheritdoc />
    public string Classify(Exception exception) => ErrorKinds.FromException(exception);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
