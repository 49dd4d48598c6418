using ScoringGrid.PlatformSimulator;

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

await using var simulator = await PlatformSimulator.StartAsync(options);
Console.WriteLine($"simulated platform ({options.Mode}) serving {simulator.MetricsUrl}; Ctrl+C stops");
await simulator.WaitForShutdownAsync();
return 0;
