using System.Net;
using System.Text;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>
/// A portal's web page calling REST from the browser: the origins in <c>ScoringGrid:CorsOrigins</c>
/// pass the browser's preflight and read the answers (and a 429's Retry-After); other origins do not.
/// </summary>
public sealed class RestCorsTests : IAsyncLifetime
{
    private const string Portal = "https://portal.example.gov.cn";
    private ServerFixture _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerFixture.StartAsync(
            secured: true, ruleSetDirectory: null, "--ScoringGrid:CorsOrigins:0", Portal, "--ScoringGrid:CorsOrigins:1", "https://other-portal.example.gov.cn");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/v1/evaluate")]
    [InlineData("/v1/evaluate:batch")]
    public async Task APreflightFromAnAllowedOrigin_AllowsAPostWithAKey(string path)
    {
        using var response = await PreflightAsync(path, Portal);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Portal, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("POST,GET", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("authorization,content-type,content-encoding,if-none-match", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")));
    }

    [Fact]
    public async Task APageOfAnAllowedOrigin_RevalidatesARuleSet_WithItsTag()
    {
        using var preflight = await PreflightAsync("/v1/rulesets/js-star-2019", Portal, "GET", "authorization, if-none-match");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Portal, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));

        using var http = _server.Http("key-jiangsu");
        using var first = await GetFromPageAsync(http, null);
        using var revalidated = await GetFromPageAsync(http, first.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The page can read the tag, so it can send it back.
        Assert.Equal("retry-after,etag", Assert.Single(first.Headers.GetValues("Access-Control-Expose-Headers")));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(Portal, Assert.Single(revalidated.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static async Task<HttpResponseMessage> GetFromPageAsync(HttpClient http, string? entityTag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/rulesets/js-star-2019");
        request.Headers.Add("Origin", Portal);
        if (entityTag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", entityTag);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task APreflightFromAnotherOrigin_AllowsNothing()
    {
        using var response = await PreflightAsync("/v1/evaluate", "https://elsewhere.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task AnAnswer_AndA429_AreReadableByTheAllowedOrigin_WhichSeesRetryAfter()
    {
        using var http = _server.Http("key-slow");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/evaluate")
            {
                Content = new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Origin", Portal);
            last?.Dispose();
            last = await http.SendAsync(request);
            statuses.Add(last.StatusCode);
            Assert.Equal(Portal, Assert.Single(last.Headers.GetValues("Access-Control-Allow-Origin")));
            // With two origins allowed the answer names the one asking: caches must not give it to the
            // other, nor a result (which may come in gzip) to a client that did not ask for gzip.
            Assert.Equal(last.IsSuccessStatusCode ? ["Accept-Encoding", "Origin"] : ["Origin"], last.Headers.Vary.Order(StringComparer.Ordinal));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("retry-after,etag", Assert.Single(last!.Headers.GetValues("Access-Control-Expose-Headers")));
        Assert.NotNull(last.Headers.RetryAfter);
        last.Dispose();
    }

    private async Task<HttpResponseMessage> PreflightAsync(
        string path, string origin, string method = "POST", string headers = "authorization, content-type")
    {
        using var http = _server.Http();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await http.SendAsync(request);
    }
}
