using ScoringGrid.Load.Capacity;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;
using ScoringGrid.Load.Tests.Support;
using Xunit.Abstractions;

namespace ScoringGrid.Load.Tests.Capacity;

[Collection(TimingCollection.Name)]
public class CapacityProbeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ATokenBucketOf400PerSecond_IsFoundWithin15Percent()
    {
        const int capacity = 400;
        await using var server = await BehaviourServer.StartAsync(bucketRate: capacity);
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(server.BaseUrl + "/bucket")), http2: false);

        var result = await new CapacityProbe(new LoadRunner()).RunAsync(target, new CapacityOptions
        {
            StartRate = 240,
            StepRate = 40,
            MaxRate = 640,
            StepDuration = TimeSpan.FromSeconds(1.5),
            StepWarmup = TimeSpan.FromSeconds(0.3),
            Warmup = TimeSpan.FromSeconds(1),
            ResponseTimeLimit = TimeSpan.FromMilliseconds(100),
        });
        output.WriteLine(CapacitySummary.Format(result));

        Assert.InRange(result.HighestRateHeld, capacity * 0.85, capacity * 1.15);
        Assert.StartsWith("limit exceeded", result.StopReason, StringComparison.Ordinal);
        Assert.False(result.Steps[^1].Held);
        Assert.True(result.Steps[^1].ErrorsByKind.ContainsKey("http 503"));
        Assert.All(result.Steps.SkipLast(1), static s => Assert.True(s.Held));
    }
}
