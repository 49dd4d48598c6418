using ScoringGrid.Load.Capacity;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;
using ScoringGrid.Load.Tests.Support;
using ScoringGrid.PlatformSimulator;
using Xunit.Abstractions;

namespace ScoringGrid.Load.Tests.Capacity;

/// <summary>The evaluator's case: the platform simulator's resource API, with a hard capacity, found by capacity mode.</summary>
[Collection(TimingCollection.Name)]
public class SimulatedVendorCapacityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SimulatorWithCapacity300_IsFoundWithin15Percent_AndADeclared250Passes()
    {
        const int capacity = 300;
        await using var simulator = await PlatformSimulator.PlatformSimulator.StartAsync(new SimulatorOptions { CapacityRps = capacity });
        await using var target = new HttpTarget(HttpRequestTemplate.Create(HttpMethod.Get, new Uri(simulator.MetricsUrl, "/api/resource")), http2: false);

        var result = await new CapacityProbe(new LoadRunner()).RunAsync(target, new CapacityOptions
        {
            StartRate = 180,
            StepRate = 30,
            MaxRate = 480,
            StepDuration = TimeSpan.FromSeconds(1.5),
            StepWarmup = TimeSpan.FromSeconds(0.3),
            Warmup = TimeSpan.FromSeconds(1),
            ResponseTimeLimit = TimeSpan.FromMilliseconds(200),
            DeclaredRate = 250,
        });
        output.WriteLine(CapacitySummary.Format(result));

        Assert.InRange(result.HighestRateHeld, capacity * 0.85, capacity * 1.15);
        Assert.True(result.Passed);
        Assert.True(result.Steps[^1].ErrorsByKind.ContainsKey("http 503"));
    }
}
