using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>
/// <c>GET /v1/rulesets</c> and <c>GET /v1/rulesets/{rule_set}</c>: the messages ListRuleSets and
/// GetRuleSet answer over gRPC, as proto3 JSON, with entity tags a portal revalidates.
/// </summary>
public sealed class RestRuleSetTests : IAsyncLifetime
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync(secured: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("key-admin")]
    [InlineData("key-jiangsu")]
    public async Task TheList_IsWhatGrpcAnswersTheSameKey(string key)
    {
        using var http = _server.Http(key);
        using var client = _server.Client(key);
        using var response = await http.GetAsync("/v1/rulesets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var list = Parser.Parse<V1.ListRuleSetsResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal(await client.ListRuleSetsAsync(), list);
        // The tenant filter applies: a Jiangsu key sees Jiangsu's programmes only.
        Assert.Equal(key == "key-jiangsu" ? ["jiangsu"] : ["hebei", "jiangsu", "zhejiang"],
            list.RuleSets.Select(r => r.Province).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("js-iiot-platform-2019")]
    [InlineData("js-iiot-platform-2019@2019.1")]
    public async Task ARuleSet_IsWhatGrpcAnswers_TaggedWithItsDigest(string ruleSet)
    {
        using var http = _server.Http("key-admin");
        using var client = _server.Client("key-admin");
        using var response = await http.GetAsync($"/v1/rulesets/{ruleSet}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Parser.Parse<V1.RuleSet>(await response.Content.ReadAsStringAsync());
        Assert.Equal(await client.GetRuleSetAsync(ruleSet), message);
        Assert.Contains(message.Rules, r => r.Id == "monthly_model_calls" && r.Level == "cross-industry" && r.Threshold == 1000);
        Assert.Equal(new EntityTagHeaderValue($"\"{message.Summary.Digest}\"", isWeak: true), response.Headers.ETag);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, response.Headers.CacheControl?.ToString());
        Assert.Contains("Authorization", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/v1/rulesets")]
    [InlineData("/v1/rulesets/js-star-2019")]
    public async Task IfNoneMatch_WithTheCurrentTag_Is304_AndAnyOtherTagGetsTheBody(string path)
    {
        using var http = _server.Http("key-admin");
        using var first = await http.GetAsync(path);
        var tag = first.Headers.ETag!;

        using var same = await http.GetIfNoneMatchAsync(path, tag.ToString());
        // A strong tag with the same value matches too: If-None-Match compares weakly.
        using var strong = await http.GetIfNoneMatchAsync(path, tag.Tag);
        using var listed = await http.GetIfNoneMatchAsync(path, $"\"something-else\", {tag}");
        using var any = await http.GetIfNoneMatchAsync(path, "*");
        using var other = await http.GetIfNoneMatchAsync(path, "W/\"something-else\"");

        Assert.All(new[] { same, strong, listed, any }, r =>
        {
            Assert.Equal(HttpStatusCode.NotModified, r.StatusCode);
            Assert.Equal(tag, r.Headers.ETag);
        });
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheListsTag_DependsOnWhatTheKeySees()
    {
        using var admin = _server.Http("key-admin");
        using var jiangsu = _server.Http("key-jiangsu");
        using var all = await admin.GetAsync("/v1/rulesets");
        using var own = await jiangsu.GetAsync("/v1/rulesets");
        using var again = await jiangsu.GetAsync("/v1/rulesets");

        Assert.NotEqual(all.Headers.ETag, own.Headers.ETag);
        Assert.Equal(own.Headers.ETag, again.Headers.ETag);
        // The admin's tag is not the Jiangsu key's: revalidating with it sends the Jiangsu list.
        using var revalidated = await jiangsu.GetIfNoneMatchAsync("/v1/rulesets", all.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
    }

    [Fact]
    public async Task ARuleSetOfAnotherTenant_Is403_AndAnUnknownOne404_AsOverGrpc()
    {
        var (forbidden, forbiddenBody) = await GetErrorAsync("key-jiangsu", "/v1/rulesets/hb-benchmark-2018");
        var (missing, missingBody) = await GetErrorAsync("key-admin", "/v1/rulesets/js-star-1999");
        using var client = _server.Client("key-jiangsu");
        var grpc = await Assert.ThrowsAsync<ScoringGrid.Grpc.RpcException>(() => client.GetRuleSetAsync("hb-benchmark-2018"));
        using var admin = _server.Client("key-admin");
        var grpcMissing = await Assert.ThrowsAsync<ScoringGrid.Grpc.RpcException>(() => admin.GetRuleSetAsync("js-star-1999"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal("PERMISSION_DENIED", forbiddenBody.GetProperty("code").GetString());
        Assert.Equal("ruleset", forbiddenBody.GetProperty("field").GetString());
        Assert.Equal(grpc.Status.Detail, $"ruleset: {forbiddenBody.GetProperty("message").GetString()}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("NOT_FOUND", missingBody.GetProperty("code").GetString());
        Assert.Equal("ruleset", missingBody.GetProperty("field").GetString());
        Assert.Equal(grpcMissing.Status.Detail, $"ruleset: {missingBody.GetProperty("message").GetString()}");
        Assert.StartsWith("ruleset: unknown rule set 'js-star-1999'; loaded: ", grpcMissing.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKey_Is401_AndAKeyWithoutTheScoreScope_403()
    {
        using var anonymous = _server.Http();
        using var unauthenticated = await anonymous.GetAsync("/v1/rulesets");
        var (denied, deniedBody) = await GetErrorAsync("key-verify-only", "/v1/rulesets/js-star-2019");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("Bearer", Assert.Single(unauthenticated.Headers.WwwAuthenticate).ToString());
        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.Equal("PERMISSION_DENIED", deniedBody.GetProperty("code").GetString());
        Assert.Equal("authorization", deniedBody.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnyOtherMethod_Is405_NamingGet_AndADeeperPath404()
    {
        using var http = _server.Http("key-admin");
        using var post = await http.PostAsync("/v1/rulesets/js-star-2019", new StringContent("{}"));
        using var delete = await http.DeleteAsync("/v1/rulesets");
        var (deeper, deeperBody) = await GetErrorAsync("key-admin", "/v1/rulesets/js-star-2019/rules");

        Assert.All(new[] { post, delete }, r =>
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
            Assert.Equal(["GET", "HEAD"], r.Content.Headers.Allow);
        });
        Assert.Equal(
            """{"error":{"code":"UNIMPLEMENTED","field":"method","message":"POST /v1/rulesets/js-star-2019: this endpoint takes GET"}}""",
            await post.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, deeper);
        Assert.Equal(
            "GET /v1/rulesets/js-star-2019/rules: no such endpoint; the REST API has POST /v1/evaluate, POST /v1/evaluate:batch, GET /v1/rulesets and GET /v1/rulesets/{rule_set}, described in GET /v1/openapi.json",
            deeperBody.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheOpenApiDescription_NeedsNoKey_AsReflectionNeedsNone_AndTakesOnlyGet()
    {
        using var anonymous = _server.Http();
        using var response = await anonymous.GetAsync("/v1/openapi.json");
        using var post = await anonymous.PostAsync("/v1/openapi.json", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        // Each message's schema lists the fields the descriptor has, by their proto names.
        var application = document.GetProperty("components").GetProperty("schemas").GetProperty("scoringgrid.v1.Application").GetProperty("properties");
        Assert.Equal(V1.Application.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name), application.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/v1/rulesets")]
    [InlineData("/v1/rulesets/js-star-2019")]
    [InlineData("/v1/openapi.json")]
    public async Task Head_AnswersWhatGetWould_WithoutTheBody(string path)
    {
        using var http = _server.Http("key-admin");
        using var get = await http.GetAsync(path);
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, path);
        using var head = await http.SendAsync(headRequest);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task ARuleSet_ComesInGzip_WhenAsked()
    {
        using var http = _server.Http("key-admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/rulesets/js-iiot-platform-2019");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await http.SendAsync(request);
        using var plain = await http.GetAsync("/v1/rulesets/js-iiot-platform-2019");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var unpacked = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(unpacked);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await reader.ReadToEndAsync());
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Calls_AreCountedByRoute_NotByRuleSet()
    {
        using var http = _server.Http("key-admin");
        using (await http.GetAsync("/v1/rulesets/js-star-2019")) { }
        using (await http.GetAsync("/v1/rulesets/js-star-1999")) { }
        using (await http.GetAsync("/v1/rulesets")) { }
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Contains("scoringgrid_requests_total{method=\"/v1/rulesets/{rule_set}\",code=\"OK\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("scoringgrid_requests_total{method=\"/v1/rulesets/{rule_set}\",code=\"NOT_FOUND\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("scoringgrid_requests_total{method=\"/v1/rulesets\",code=\"OK\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("js-star-1999", metrics, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Error)> GetErrorAsync(string key, string path)
    {
        using var http = _server.Http(key);
        using var response = await http.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("error").Clone());
    }
}
