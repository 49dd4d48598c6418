using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Collector.Tests.Support;

internal static class Simulators
{
    public static Task<PlatformSimulator.PlatformSimulator> StartAsync(SimulatorMode mode, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Mode = mode, Devices = 5_000, DeviceTypes = 30, Industries = 3 };
        return PlatformSimulator.PlatformSimulator.StartAsync(configure is null ? options : configure(options));
    }
}
