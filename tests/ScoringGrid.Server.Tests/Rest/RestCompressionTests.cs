using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ScoringGrid.Server.Rest;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>
/// gzip on REST, both ways, as the gRPC side has it: a gzip body is read (its unpacked size is what
/// the 4 MiB limit counts), and a client that accepts gzip gets its results in gzip.
/// </summary>
public sealed class RestCompressionTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AGzipBody_IsScoredAsThePlainOneIs()
    {
        var json = Examples.Text("js-star-2019");
        var plain = await SendAsync(Encoding.UTF8.GetBytes(json));
        var gzipped = await SendAsync(Gzip(Encoding.UTF8.GetBytes(json)), contentEncoding: "gzip");

        Assert.Equal(HttpStatusCode.OK, gzipped.Status);
        Assert.Equal(plain.Text, gzipped.Text);
    }

    [Fact]
    public async Task AnUnsupportedContentEncoding_Is415_NamingIt()
    {
        var (status, text, _) = await SendAsync(Gzip(Encoding.UTF8.GetBytes(Examples.Text("js-star-2019"))), contentEncoding: "br");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("""{"error":{"code":"UNSUPPORTED_MEDIA_TYPE","field":"content-encoding","message":"'br' is not supported; send the body as it is or in gzip"}}""", text);
    }

    [Fact]
    public async Task ABodyThatIsNotGzip_Is400_NamingTheEncoding()
    {
        var (status, text, _) = await SendAsync(Encoding.UTF8.GetBytes(Examples.Text("js-star-2019")), contentEncoding: "gzip");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            """{"error":{"code":"INVALID_ARGUMENT","field":"content-encoding","message":"the body is not valid gzip: The archive entry was compressed using an unsupported compression method."}}""",
            text);
    }

    [Fact]
    public async Task AGzipBodyThatUnpacksPast4MiB_Is413_AndTheServerKeepsServing()
    {
        // About 5 KB on the wire.
        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"ruleset\":\"js-star-2019\"}" + new string(' ', RestEndpoints.MaxBodyBytes)));
        Assert.True(bomb.Length < 64 * 1024);

        var (status, text, _) = await SendAsync(bomb, contentEncoding: "gzip");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal($$$"""{"error":{"code":"RESOURCE_EXHAUSTED","field":"","message":"request body exceeds {{{RestEndpoints.MaxBodyBytes}}} bytes"}}""", text);

        var (ok, _, _) = await SendAsync(Encoding.UTF8.GetBytes(Examples.Text("js-star-2019")));
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, gzip;q=0.1", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("*;q=0.5, gzip;q=0", false)]
    [InlineData("br", false)]
    [InlineData(null, false)]
    public async Task Results_AreGzipped_WhenAcceptEncodingAllowsIt(string? acceptEncoding, bool gzipped)
    {
        var json = Encoding.UTF8.GetBytes(Examples.Text("js-star-2019"));
        var plain = await SendAsync(json);
        var (status, text, encodings) = await SendAsync(json, acceptEncoding: acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(gzipped ? ["gzip"] : [], encodings);
        Assert.Equal(plain.Text, text);
    }

    [Fact]
    public async Task ABatch_ComesBackGzipped_AtAFractionOfItsSize()
    {
        var application = Examples.Text("js-star-2019");
        var batch = Encoding.UTF8.GetBytes($"{{\"applications\":[{string.Join(",", Enumerable.Repeat(application, 20))}]}}");

        using var http = _server.Http();
        var plain = await PostAsync(http, "/v1/evaluate:batch", batch, null, null);
        var gzipped = await PostAsync(http, "/v1/evaluate:batch", batch, null, "gzip");
        var wire = await gzipped.Content.ReadAsByteArrayAsync();
        var unpacked = Gunzip(wire);

        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), unpacked);
        Assert.Equal("Accept-Encoding", Assert.Single(gzipped.Headers.Vary));
        Assert.True(wire.Length * 10 < unpacked.Length, $"{wire.Length} bytes of gzip for {unpacked.Length} of JSON");
    }

    private async Task<(HttpStatusCode Status, string Text, string[] Encodings)> SendAsync(
        byte[] body, string? contentEncoding = null, string? acceptEncoding = null)
    {
        using var http = _server.Http();
        using var response = await PostAsync(http, "/v1/evaluate", body, contentEncoding, acceptEncoding);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encodings = response.Content.Headers.ContentEncoding.ToArray();
        var text = Encoding.UTF8.GetString(encodings is ["gzip"] ? Gunzip(bytes) : bytes);
        return (response.StatusCode, text, encodings);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, byte[] body, string? contentEncoding, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (contentEncoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(contentEncoding);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        // The 413 comes before the whole body is read: wait for "100 Continue" rather than race it.
        request.Headers.ExpectContinue = true;
        return await http.SendAsync(request);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
