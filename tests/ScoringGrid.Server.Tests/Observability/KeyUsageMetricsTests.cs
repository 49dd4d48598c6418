using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ScoringGrid.Grpc;
using ScoringGrid.Prometheus.Tests.Tools;

namespace ScoringGrid.Server.Tests.Observability;

/// <summary>
/// Per-API-key series: every call of a configured key, over gRPC or REST, counts once against it with
/// its final status (its refusals for scope or rate included), and each of its applications as scored
/// or rejected; an unknown key has no series.
/// </summary>
public sealed class KeyUsageMetricsTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync(secured: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EachKeysCallsAndApplications_AreCountedOnce_OverGrpcAndRest()
    {
        // key-jiangsu: one scored call, one refused for another province's rule set, and a stream of
        // three applications of which one names no rule set this server has.
        using var jiangsu = _server.Client("key-jiangsu");
        await jiangsu.EvaluateAsync(Examples.Message("js-star-2019"));
        var foreign = await Assert.ThrowsAsync<RpcException>(() => jiangsu.EvaluateAsync(Examples.Message("hb-benchmark-2018")));
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        var unknown = Examples.Message("js-star-2019");
        unknown.Ruleset = "nope";
        var stream = new[] { Examples.Message("js-star-2019"), unknown, Examples.Message("js-star-2019") };
        var answers = 0;
        await foreach (var _ in jiangsu.EvaluateManyAsync(stream))
        {
            answers++;
        }

        Assert.Equal(3, answers);

        // Refused by the access check: a key without the score scope, and an unknown key.
        using var verifyOnly = _server.Client("key-verify-only");
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => verifyOnly.EvaluateAsync(Examples.Message("js-star-2019")))).StatusCode);
        using var stranger = _server.Client("not-a-configured-key");
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => stranger.ListRuleSetsAsync())).StatusCode);

        // REST: a batch over key-slow's burst, a body that is not JSON, and a batch of two.
        using var slow = _server.Http("key-slow");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(slow, "/v1/evaluate:batch", Batch("js-star-2019", "js-star-2019", "js-star-2019"))).StatusCode);
        using var admin = _server.Http("key-admin");
        using (var text = new StringContent("{}", Encoding.UTF8, "text/plain"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/v1/evaluate", text)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "/v1/evaluate:batch", Batch("js-star-2019", "hb-benchmark-2018"))).StatusCode);

        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Equal(
            [
                "key-admin OK 1", "key-admin UNSUPPORTED_MEDIA_TYPE 1",
                "key-jiangsu OK 2", "key-jiangsu PERMISSION_DENIED 1",
                "key-slow RESOURCE_EXHAUSTED 1",
                "key-verify-only PERMISSION_DENIED 1",
            ],
            Samples(metrics, "scoringgrid_key_requests_total", "code"));
        Assert.Equal(
            [
                "key-admin rejected 0", "key-admin scored 2",
                "key-jiangsu rejected 2", "key-jiangsu scored 3",
                "key-paced rejected 0", "key-paced scored 0",
                "key-slow rejected 0", "key-slow scored 0",
                "key-verify-only rejected 0", "key-verify-only scored 0",
            ],
            Samples(metrics, "scoringgrid_key_applications_total", "result"));

        var check = await Promtool.CheckMetricsTextAsync(metrics);
        Assert.True(check.ExitCode == 0, check.Describe());
    }

    [Fact]
    public async Task EveryConfiguredKey_HasItsApplicationSeries_BeforeItsFirstCall()
    {
        using var http = _server.Http();
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Equal(
            ServerFixture.StandardKeys.Select(k => k.Key).Order(StringComparer.Ordinal).SelectMany(k => new[] { $"{k} rejected 0", $"{k} scored 0" }),
            Samples(metrics, "scoringgrid_key_applications_total", "result"));
        Assert.Empty(Samples(metrics, "scoringgrid_key_requests_total", "code"));
    }

    [Fact]
    public async Task AServerWithoutKeys_HasNoPerKeySeries()
    {
        await using var open = await ServerFixture.StartAsync();
        using var client = open.Client();
        await client.EvaluateAsync(Examples.Message("js-star-2019"));
        using var http = open.Http();
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Contains("scoringgrid_evaluations_total{", metrics);
        Assert.DoesNotContain("scoringgrid_key_", metrics);
    }

    private static string Batch(params string[] ruleSets) =>
        $"{{\"applications\":[{string.Join(",", ruleSets.Select(Examples.Text))}]}}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(path, body);
    }

    // "key label value" for every sample of the family, in order.
    private static List<string> Samples(string metrics, string family, string label) =>
        Regex.Matches(metrics, $"^{family}\\{{key=\"([^\"]*)\",{label}=\"([^\"]*)\"\\}} (\\S+)$", RegexOptions.Multiline)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
