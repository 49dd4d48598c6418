using ScoringGrid.Load.Models;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;
using ScoringGrid.Load.Tests.Support;
using Xunit.Abstractions;

namespace ScoringGrid.Load.Tests.Running;

[Collection(TimingCollection.Name)]
public class OpenModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A20msServer_IsMeasuredAtP50Within2msOfWhatTheServerTook(bool http2)
    {
        await using var server = await BehaviourServer.StartAsync(http2);
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/fixed?ms=20")), http2);

        var result = await new LoadRunner().RunAsync(target, new ConstantArrivalRate(100, TimeSpan.FromSeconds(3)), new RunOptions { Warmup = TimeSpan.FromSeconds(0.5) });
        output.WriteLine(Reports.TextSummary.Format(result));

        // The reference is how long the server really held the requests (20.00 ms at p50 when its timer
        // wakes on time): the runner may add only the round trip on top, and never measure less.
        var held = server.FixedHeldMs.Order().ToArray();
        var heldP50 = held[held.Length / 2];
        output.WriteLine($"server held p50 {heldP50:F3} ms over {held.Length} requests");
        Assert.InRange(heldP50, 20.0, 30.0);
        Assert.InRange(result.Latency.P50, heldP50, heldP50 + 2.0);
        Assert.Equal(0, result.Failed);
        Assert.Equal(0, result.Dropped);
        Assert.InRange(result.Issued, 299, 301);   // 3 s × 100/s, warm-up excluded
        Assert.InRange(result.WarmupRequests, 49, 51);
        Assert.True(result.Latency.Min >= 20.0, "nothing can answer faster than the server's 20 ms");
    }

    [Fact]
    public async Task AOneSecondStall_ShowsInOpenModelPercentiles_WithTheQueuedRequestsCounted()
    {
        // 100/s for 3 s; the 150th request (≈1 s into measurement) stalls the server for 1 s.
        await using var server = await BehaviourServer.StartAsync(stallAtRequest: 150);
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/stall")), http2: false);

        var result = await new LoadRunner().RunAsync(target, new ConstantArrivalRate(100, TimeSpan.FromSeconds(3)), new RunOptions { Warmup = TimeSpan.FromSeconds(0.5) });
        output.WriteLine(Reports.TextSummary.Format(result));

        Assert.Equal(0, result.Failed);
        Assert.Equal(0, result.Dropped);
        Assert.InRange(result.Issued, 299, 301);
        Assert.True(result.Latency.Max >= 950, $"max {result.Latency.Max} ms");
        Assert.True(result.Latency.P99 >= 900, $"p99 {result.Latency.P99} ms");

        // ≈100 requests were due during the stall; each waited until its end, measured from its
        // intended start: about half waited ≥ 500 ms. A closed-model tool would report one.
        var slow = result.Histogram!.CountAtOrAbove(500_000_000);
        Assert.InRange(slow, 40, 60);
        Assert.InRange(result.Histogram.CountAtOrAbove(100_000_000), 80, 105);
        Assert.True(result.Latency.P90 >= 300, $"p90 {result.Latency.P90} ms");
    }

    [Fact]
    public async Task StartsThatFindMaxInFlightBusy_AreCountedAsDropped_NotSkipped()
    {
        await using var server = await BehaviourServer.StartAsync(stallAtRequest: 10);
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/stall")), http2: false);

        var result = await new LoadRunner().RunAsync(target, new ConstantArrivalRate(100, TimeSpan.FromSeconds(2)), new RunOptions { MaxInFlight = 5 });
        output.WriteLine(Reports.TextSummary.Format(result));

        Assert.InRange(result.Issued + result.Dropped, 199, 201);   // every due start is accounted for
        Assert.InRange(result.Dropped, 85, 100);                     // ≈ the 1 s stall at 100/s, less the 5 slots
        Assert.True(result.ErrorRate > 0.4);
        Assert.Equal(5, result.MaxInFlightSeen);
    }

    [Fact]
    public async Task EveryRun_IsBoundedInRequestsAndTime()
    {
        await using var server = await BehaviourServer.StartAsync();
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/fixed?ms=1")), http2: false);
        var runner = new LoadRunner();

        var byCount = await runner.RunAsync(target, new ConstantArrivalRate(200, TimeSpan.FromMinutes(5)), new RunOptions { MaxRequests = 50 });
        Assert.Equal("max-requests", byCount.StopReason);
        Assert.Equal(50, byCount.Issued);

        var byTime = await runner.RunAsync(target, new ConstantConcurrency(2, TimeSpan.FromMinutes(5)), new RunOptions { MaxDuration = TimeSpan.FromSeconds(0.5) });
        Assert.Equal("max-duration", byTime.StopReason);
        Assert.InRange(byTime.MeasuredSeconds, 0.4, 1.5);
    }

    [Fact]
    public async Task ClosedModel_MeasuresServiceTimeAndThroughput()
    {
        await using var server = await BehaviourServer.StartAsync();
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/fixed?ms=20")), http2: false);

        var result = await new LoadRunner().RunAsync(target, new ConstantConcurrency(4, TimeSpan.FromSeconds(1)), new RunOptions { Warmup = TimeSpan.FromSeconds(0.2) });
        output.WriteLine(Reports.TextSummary.Format(result));

        Assert.InRange(result.Latency.P50, 19.5, 23);
        Assert.InRange(result.ThroughputRps, 150, 205);   // 4 workers / 20 ms = 200/s at most
        Assert.False(result.OpenModel);
    }

    [Fact]
    public async Task GrpcErrors_AreCountedByGrpcStatus_NotHttpStatus()
    {
        await using var server = await BehaviourServer.StartAsync(http2: true);
        var app = GrpcEvaluateTarget.ReadApplication(Path.Combine(AppContext.BaseDirectory, "examples", "js-star-2019-suzhou-gear.json"));
        await using var target = new GrpcEvaluateTarget(server.BaseUrl, app);

        var result = await new LoadRunner().RunAsync(target, new ConstantArrivalRate(50, TimeSpan.FromSeconds(0.5)));

        Assert.Equal(0, result.Succeeded);
        Assert.Equal(result.Issued, result.ErrorsByKind["grpc UNAVAILABLE"]);
    }

    [Fact]
    public async Task AnUnreachableTarget_FailsAsConnectionErrors()
    {
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri($"http://127.0.0.1:{FreePort()}/")), http2: false);
        var result = await new LoadRunner().RunAsync(target, new ConstantArrivalRate(20, TimeSpan.FromSeconds(0.5)));
        Assert.Equal(result.Issued, result.ErrorsByKind[ErrorKinds.Connection]);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
