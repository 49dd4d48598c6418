using Microsoft.AspNetCore.Builder;
using ScoringGrid.Client;
using ScoringGrid.Collector.Service;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Verification.Tests.Support;

namespace ScoringGrid.Verification.Tests.Collector;

/// <summary>The collector process's <c>Platforms</c> admin API over gRPC (h2c), with an admin key, on a real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class PlatformsApiTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string AdminKey = "collector-admin-key";
    private WebApplication _collector = null!;
    private string _address = "";
    private string _listen = "";

    public async Task InitializeAsync()
    {
        var grpcPort = Ports.Free();
        _address = $"http://127.0.0.1:{grpcPort}";
        _listen = $"http://127.0.0.1:{Ports.Free()}";
        _collector = CollectorHost.Build(
        [
            "--redis", redis.Endpoint,
            "--listen", _listen,
            "--grpc-urls", _address,
            "--admin-key-sha256", ScoringGrid.Server.Security.ApiKeyAuthenticator.HashKey(AdminKey),
        ]);
        await _collector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _collector.StopAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_ShowTheProcessAndRuntimeSeries_BesideTheCollectorsOwn()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var body = await http.GetByteArrayAsync($"{_listen}/metrics");
        var parsed = new ScoringGrid.Prometheus.ExpositionParser().Parse(body);

        Assert.True(parsed.Succeeded, parsed.Error?.ToString());
        var names = parsed.Families.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("process_cpu_seconds_total", names);
        Assert.Contains("dotnet_gc_collections_total", names);
        Assert.Contains("dotnet_thread_pool_threads", names);
        Assert.Contains("sg_collector_samples_written_total", names);
        Assert.True(parsed.Samples.Single(s => s.Name == "process_cpu_seconds_total").Value > 0);
    }

    [Fact]
    public async Task Register_List_Unregister_AScrapedSimulator()
    {
        await using var simulator = await PlatformSimulator.PlatformSimulator.StartAsync(new SimulatorOptions { Mode = SimulatorMode.Honest });
        using var channel = GrpcChannel.ForAddress(_address);
        var platform = $"admin-{Guid.NewGuid():N}"[..20];
        var target = new V1.PlatformTarget { PlatformId = platform, Url = simulator.MetricsUrl.ToString(), IntervalSeconds = 0.5, BearerToken = "s3cret" };
        target.Labels["vendor"] = "sim";

        var registered = await channel.UnaryAsync(PlatformMethods.RegisterPlatform, new V1.RegisterPlatformRequest { Target = target }, Admin());

        Assert.Equal(platform, registered.Target.PlatformId);
        Assert.Equal(0.5, registered.Target.TimeoutSeconds);
        Assert.True(registered.Target.HasBearerToken);
        Assert.Empty(registered.Target.BearerToken);

        // The scheduler picks the target up at once; the simulator has no token check, so scrapes succeed.
        V1.PlatformInfo? info = null;
        for (var i = 0; i < 100 && info is not { HasUp: true, Up: true }; i++)
        {
            await Task.Delay(100);
            var list = await channel.UnaryAsync(PlatformMethods.ListPlatforms, new V1.ListPlatformsRequest(), Admin());
            info = list.Platforms.SingleOrDefault(p => p.Target.PlatformId == platform);
        }

        Assert.NotNull(info);
        Assert.True(info.Up, "the registered platform was never scraped successfully");
        Assert.Equal("sim", info.Target.Labels["vendor"]);
        Assert.Empty(info.Target.BearerToken);
        Assert.NotNull(info.LastScrape);

        var removed = await channel.UnaryAsync(PlatformMethods.UnregisterPlatform, new V1.UnregisterPlatformRequest { PlatformId = platform }, Admin());
        var again = await channel.UnaryAsync(PlatformMethods.UnregisterPlatform, new V1.UnregisterPlatformRequest { PlatformId = platform }, Admin());
        var after = await channel.UnaryAsync(PlatformMethods.ListPlatforms, new V1.ListPlatformsRequest(), Admin());

        Assert.True(removed.Existed);
        Assert.False(again.Existed);
        Assert.DoesNotContain(after.Platforms, p => p.Target.PlatformId == platform);
    }

    [Theory]
    [InlineData("bad id!", "http://127.0.0.1:1/metrics", 0, "platform_id")]
    [InlineData("ok-id", "not a url", 0, "url")]
    [InlineData("ok-id", "ftp://127.0.0.1/metrics", 0, "url")]
    [InlineData("ok-id", "http://127.0.0.1:1/metrics", 0.01, "interval")]
    public async Task Register_InvalidTarget_FailsWithInvalidArgument_NamingTheField(string id, string url, double interval, string field)
    {
        using var channel = GrpcChannel.ForAddress(_address);
        var request = new V1.RegisterPlatformRequest { Target = new V1.PlatformTarget { PlatformId = id, Url = url, IntervalSeconds = interval } };

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(PlatformMethods.RegisterPlatform, request, Admin()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Calls_WithoutTheAdminKey_AreUnauthenticated(string? key)
    {
        using var channel = GrpcChannel.ForAddress(_address);
        var options = key is null ? new CallOptions() : new CallOptions { Headers = new Metadata().Add("authorization", "Bearer " + key) };

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(PlatformMethods.ListPlatforms, new V1.ListPlatformsRequest(), options));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static CallOptions Admin() => new() { Headers = new Metadata().Add("authorization", "Bearer " + AdminKey) };
}
