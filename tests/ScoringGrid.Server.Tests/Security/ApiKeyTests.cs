using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;

namespace ScoringGrid.Server.Tests.Security;

/// <summary>API keys, scopes, tenants and rate limits, over gRPC and REST against a real server.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync(secured: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-configured-key")]
    public async Task Evaluate_WithoutAValidKey_IsUnauthenticated(string? key)
    {
        using var client = _server.Client(key);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(Examples.Message("js-star-2019")));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Evaluate_WithAKeyLackingTheScoreScope_IsPermissionDenied()
    {
        using var client = _server.Client("key-verify-only");
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(Examples.Message("js-star-2019")));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("score", error.Status.Detail);
    }

    [Fact]
    public async Task Tenant_SeesAndScoresOnlyItsOwnProvince()
    {
        using var jiangsu = _server.Client("key-jiangsu");
        var own = await jiangsu.EvaluateAsync(Examples.Message("js-star-2019"));
        Assert.Equal("3-star", own.Result.Level);

        var other = await Assert.ThrowsAsync<RpcException>(() => jiangsu.EvaluateAsync(Examples.Message("hb-benchmark-2018")));
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains("hebei", other.Status.Detail);

        var list = await jiangsu.ListRuleSetsAsync();
        Assert.All(list.RuleSets, r => Assert.Equal("jiangsu", r.Province));
        Assert.Equal(4, list.RuleSets.Count);

        using var admin = _server.Client("key-admin");
        Assert.Equal(6, (await admin.ListRuleSetsAsync()).RuleSets.Count);
    }

    [Fact]
    public async Task RateLimit_BeyondTheBurst_IsResourceExhausted_WithThePushbackTrailerItsMessageAgreesWith()
    {
        using var client = _server.Client("key-slow");
        await client.ListRuleSetsAsync();
        await client.ListRuleSetsAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListRuleSetsAsync());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);

        // 0.001 tokens a second: the next one is about 1,000 s away.
        var seconds = RetryAfterSeconds(error.Status.Detail);
        Assert.InRange(seconds, 900, 1000);
        var pushback = error.Trailers.Single(t => t.Key == "grpc-retry-pushback-ms").Value;
        Assert.Equal(seconds * 1000, double.Parse(pushback, CultureInfo.InvariantCulture));

        // And as the rich error model says it: google.rpc.RetryInfo.
        var details = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal((int)StatusCode.ResourceExhausted, details.Code);
        Assert.Equal(error.Status.Detail, details.Message);
        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.Single(details.Details).Unpack<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan());
    }

    [Fact]
    public async Task Rest_BeyondTheBurst_Is429_ResourceExhausted_WithRetryAfter()
    {
        using var http = _server.Http("key-slow");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var body = new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json");
            last?.Dispose();
            last = await http.PostAsync("/v1/evaluate", body);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var error = JsonDocument.Parse(await last!.Content.ReadAsStringAsync());
        var fields = error.RootElement.GetProperty("error");
        Assert.Equal("RESOURCE_EXHAUSTED", fields.GetProperty("code").GetString());
        Assert.Equal("authorization", fields.GetProperty("field").GetString());
        var seconds = RetryAfterSeconds(fields.GetProperty("message").GetString()!);
        // Retry-After is whole seconds (RFC 9110 10.2.3), rounded up so that a retry then passes.
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling(seconds)), last.Headers.RetryAfter?.Delta);
        last.Dispose();
    }

    [Fact]
    public async Task RestBatch_PaysOneTokenPerApplication()
    {
        using var http = _server.Http("key-slow");
        var application = Examples.Text("js-star-2019");

        // key-slow's burst is 2: three applications can never pass at once, whatever the wait.
        var three = await PostBatchAsync(http, application, 3);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Null(three.Headers.RetryAfter);
        Assert.Equal(
            """{"error":{"code":"RESOURCE_EXHAUSTED","field":"authorization","message":"API key 'key-slow' may send at most 2 per batch (rate 0.001/s, burst 2); this batch has 3 applications: send smaller batches, or use EvaluateStream, which is paced to the key's rate"}}""",
            await three.Content.ReadAsStringAsync());

        // Two pass, and spend the burst: a single application after them is over the limit.
        var two = await PostBatchAsync(http, application, 2);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        var one = await PostBatchAsync(http, application, 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, one.StatusCode);
        Assert.NotNull(one.Headers.RetryAfter);
    }

    [Fact]
    public async Task AStream_IsPacedToItsKeysRate_NotRefused_AndBothKindsOfHitAreInTheMetrics()
    {
        using var slow = _server.Client("key-slow");
        await slow.ListRuleSetsAsync();
        await slow.ListRuleSetsAsync();
        await Assert.ThrowsAsync<RpcException>(() => slow.ListRuleSetsAsync());

        // key-paced: 20 a second, a burst of 2. Twenty applications take about 0.9 s, in up to 18 waits.
        using var paced = _server.Client("key-paced");
        var applications = Enumerable.Range(0, 20).Select(i =>
        {
            var application = Examples.Message("js-star-2019");
            application.Id = $"paced-{i}";
            return application;
        }).ToList();
        var answers = new List<string>();
        await foreach (var response in paced.EvaluateManyAsync(applications, view: V1.ResultView.Scores))
        {
            Assert.Equal("3-star", response.Result.Level);
            answers.Add(response.ApplicationId);
        }

        Assert.Equal(applications.Select(a => a.Id), answers);

        using var http = _server.Http();
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("scoringgrid_rate_limited_total{key=\"key-slow\",action=\"refused\"} 1\n", metrics);
        Assert.DoesNotContain("key=\"key-slow\",action=\"paced\"", metrics);
        var waits = double.Parse(Regex.Match(metrics, "scoringgrid_rate_limited_total\\{key=\"key-paced\",action=\"paced\"\\} (\\S+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var waited = double.Parse(Regex.Match(metrics, "scoringgrid_rate_limit_wait_seconds_total\\{key=\"key-paced\"\\} (\\S+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(waits, 1, 18);
        Assert.True(waited > 0, metrics);
    }

    [Fact]
    public async Task OurClient_WithARetryPolicy_WaitsOutTheRateLimitAsTheServerSays()
    {
        // key-paced: 20 a second, a burst of 2. Ten calls at once would mostly be refused; with
        // pushback honoured each refused call comes back when its token is there, and all pass.
        var options = new ScoringGrid.Grpc.Client.GrpcChannelOptions { RetryPolicy = new RetryPolicy { MaxAttempts = 20, InitialBackoff = TimeSpan.FromHours(1) } };
        using var client = ScoringGrid.Client.ScoringClient.Create(_server.GrpcAddress, "key-paced", options);

        var lists = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.ListRuleSetsAsync()));

        Assert.All(lists, list => Assert.Equal(6, list.RuleSets.Count));
        using var http = _server.Http();
        var refused = Regex.Match(await http.GetStringAsync("/metrics"), "scoringgrid_rate_limited_total\\{key=\"key-paced\",action=\"refused\"\\} (\\S+)");
        Assert.True(refused.Success && double.Parse(refused.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, "no call was refused, so nothing was retried");
    }

    [Theory]
    [InlineData(null, "Bearer")]
    [InlineData("not-a-configured-key", "Bearer error=\"invalid_token\"")]
    public async Task Rest_Unauthenticated_NamesTheBearerScheme(string? key, string challenge)
    {
        using var http = _server.Http(key);
        using var body = new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json");
        var response = await http.PostAsync("/v1/evaluate", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(challenge, Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Health_StaysOpenWithoutAKey()
    {
        using var channel = GrpcChannel.ForAddress(_server.GrpcAddress);
        var check = new Method<global::Grpc.Health.V1.HealthCheckRequest, global::Grpc.Health.V1.HealthCheckResponse>(
            MethodType.Unary, "grpc.health.v1.Health", "Check",
            Marshallers.Create(global::Grpc.Health.V1.HealthCheckRequest.Parser), Marshallers.Create(global::Grpc.Health.V1.HealthCheckResponse.Parser));
        var response = await channel.UnaryAsync(check, new global::Grpc.Health.V1.HealthCheckRequest { Service = "scoringgrid.v1.Scoring" });
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData("key-verify-only", HttpStatusCode.Forbidden, "PERMISSION_DENIED")]
    public async Task Rest_UsesTheSameKeys(string? key, HttpStatusCode status, string code)
    {
        using var http = _server.Http(key);
        using var body = new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json");
        var response = await http.PostAsync("/v1/evaluate", body);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostBatchAsync(HttpClient http, string application, int count)
    {
        var json = $"{{\"applications\":[{string.Join(",", Enumerable.Repeat(application, count))}]}}";
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync("/v1/evaluate:batch", body);
    }

    private static double RetryAfterSeconds(string message)
    {
        var match = Regex.Match(message, @"^API key 'key-slow' is over its rate limit \(rate 0\.001/s, burst 2\); retry after (?<s>\d+(\.\d{1,3})?) s$");
        Assert.True(match.Success, message);
        return double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
    }
}
