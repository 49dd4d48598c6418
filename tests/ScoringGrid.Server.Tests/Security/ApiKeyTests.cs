using System.Net;
using System.Text;
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
    public async Task RateLimit_BeyondTheBurst_IsResourceExhausted()
    {
        using var client = _server.Client("key-slow");
        await client.ListRuleSetsAsync();
        await client.ListRuleSetsAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListRuleSetsAsync());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Rest_BeyondTheBurst_Is429_ResourceExhausted()
    {
        using var http = _server.Http("key-slow");
        var statuses = new List<HttpStatusCode>();
        var last = "";
        for (var i = 0; i < 3; i++)
        {
            using var body = new StringContent(Examples.Text("js-star-2019"), Encoding.UTF8, "application/json");
            var response = await http.PostAsync("/v1/evaluate", body);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("""{"error":{"code":"RESOURCE_EXHAUSTED","field":"authorization","message":"API key 'key-slow' is over its rate limit"}}""", last);
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
}
