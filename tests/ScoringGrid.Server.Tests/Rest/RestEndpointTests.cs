using System.Net;
using System.Text;
using System.Text.Json;
using ScoringGrid.Server.Rest;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>REST for web portals: proto3 JSON of the same messages, errors as HTTP statuses with a JSON body.</summary>
public sealed class RestEndpointTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        string path, string json, string contentType = "application/json", bool expectContinue = false)
    {
        using var http = _server.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        // A client sending a body the server will refuse waits for "100 Continue" (RFC 9110 §10.1.1):
        // otherwise the server's early 413 and its closing of the connection race the upload.
        request.Headers.ExpectContinue = expectContinue;
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task NoResponse_NamesTheServerSoftware()
    {
        using var http = _server.Http();
        using var rest = await http.PostAsync("/v1/evaluate", new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json"));
        using var metrics = await http.GetAsync("/metrics");
        using var grpc = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = RawGrpcRequest.Create(_server.GrpcAddress, "ListRuleSets", RawGrpcRequest.Frames(Array.Empty<byte>()));
        using var call = await grpc.SendAsync(request);
        await call.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal("0", Assert.Single(call.TrailingHeaders.GetValues("grpc-status")));
        Assert.All(new[] { rest, metrics, call }, response => Assert.Empty(response.Headers.Server));
    }

    [Fact]
    public async Task WithoutCorsOrigins_ABrowsersPreflight_AllowsNoOrigin()
    {
        using var http = _server.Http();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/evaluate");
        request.Headers.Add("Origin", "https://portal.example.gov.cn");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Evaluate_BareApplicationDocument_Scores()
    {
        var (status, body) = await PostAsync("/v1/evaluate", Examples.Text("js-star-2018"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("4-star", body.GetProperty("result").GetProperty("level").GetString());
        Assert.Equal("monthly_user_usage_pct 79 → 80",
            body.GetProperty("result").GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("text").GetString()).Single(t => t!.StartsWith("monthly", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Evaluate_EvaluateRequestForm_Scores()
    {
        var (status, body) = await PostAsync("/v1/evaluate", $"{{\"application\": {Examples.Text("zj-cloud-enterprise-2021")}}}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("result").GetProperty("total_score").GetDouble() > 0);
    }

    [Fact]
    public async Task Evaluate_BadFigure_Is400_WithTheFieldNamed()
    {
        var (status, body) = await PostAsync("/v1/evaluate", """{"id":"a","ruleset":"js-star-2019","figures":{"annual_cloud_investment_yuan":"NaN"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_ARGUMENT", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("figures.annual_cloud_investment_yuan", body.GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Evaluate_VerifyWithoutRedis_Is400_NamingTheSetting()
    {
        var (status, body) = await PostAsync("/v1/evaluate", """{"id":"v","ruleset":"js-iiot-platform-2019","platform_id":"p1","verify":true}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("FAILED_PRECONDITION", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("ScoringGrid:Redis", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Evaluate_BodyOver4MiB_Is413_ResourceExhausted_AndTheServerKeepsServing()
    {
        var padding = new string(' ', RestEndpoints.MaxBodyBytes + 1);
        var (status, body) = await PostAsync("/v1/evaluate", "{\"ruleset\":\"js-star-2019\"}" + padding, expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("RESOURCE_EXHAUSTED", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"{RestEndpoints.MaxBodyBytes} bytes", body.GetProperty("error").GetProperty("message").GetString());

        var (ok, _) = await PostAsync("/v1/evaluate", Examples.Text("js-star-2019"));
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task Evaluate_ExpertScoreThatIsNotANumber_Is400_NamingTheLine()
    {
        var (status, body) = await PostAsync("/v1/evaluate", """{"ruleset":"zj-cloud-enterprise-2021","expert_scores":{"expert.xinchuang":"high"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_ARGUMENT", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("expert_scores.expert.xinchuang", body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("expert_scores.expert.xinchuang must be a number or a list of numbers", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Evaluate_RequestWithoutApplication_Is400_NamingTheField()
    {
        var (status, body) = await PostAsync("/v1/evaluate", """{"view":"RESULT_VIEW_FULL"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application", body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("application is required", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Evaluate_UnknownRuleSet_Is404()
    {
        var (status, body) = await PostAsync("/v1/evaluate", """{"ruleset":"gd-star-2030"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("gd-star-2030", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Evaluate_NotJson_Is400_AndWrongContentType_Is415()
    {
        var (status, _) = await PostAsync("/v1/evaluate", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (status2, _) = await PostAsync("/v1/evaluate", Examples.Text("js-star-2019"), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status2);
    }

    [Fact]
    public async Task Batch_OneBadApplication_GetsItsError_OthersAreScored()
    {
        var json = $"{{\"applications\": [{Examples.Text("js-star-2019")}, {{\"id\":\"bad\",\"ruleset\":\"js-star-2019\",\"dates\":{{\"x\":\"2019-01-01\"}}}}, {Examples.Text("hb-benchmark-2018")}]}}";
        var (status, body) = await PostAsync("/v1/evaluate:batch", json);

        Assert.Equal(HttpStatusCode.OK, status);
        var responses = body.GetProperty("responses").EnumerateArray().ToArray();
        Assert.Equal(3, responses.Length);
        Assert.Equal("3-star", responses[0].GetProperty("result").GetProperty("level").GetString());
        Assert.Equal("dates.x", responses[1].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("benchmark", responses[2].GetProperty("result").GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/evaluate")]
    [InlineData("PUT", "/v1/evaluate:batch")]
    public async Task AnEndpointCalledWithTheWrongMethod_Is405_WithAJsonError_AndAllowPost(string method, string path)
    {
        using var http = _server.Http();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("UNIMPLEMENTED", error.GetProperty("code").GetString());
        Assert.Equal($"{method} {path}: this endpoint takes POST with a JSON body", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnknownV1Path_Is404_WithAJsonError_AndIsNotAMetricsLabel()
    {
        var (status, body) = await PostAsync("/v1/evaluations", Examples.Text("js-star-2019"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NOT_FOUND", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("path", body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal(
            "POST /v1/evaluations: no such endpoint; the REST API has POST /v1/evaluate, POST /v1/evaluate:batch, GET /v1/rulesets and GET /v1/rulesets/{rule_set}, described in GET /v1/openapi.json",
            body.GetProperty("error").GetProperty("message").GetString());
        using var http = _server.Http();
        Assert.DoesNotContain("/v1/evaluations", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }
}
