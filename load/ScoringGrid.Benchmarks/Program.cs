using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--cold")
{
    ScoringGrid.Benchmarks.ColdCacheRun.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringGrid.Benchmarks.EngineBenchmarks).Assembly).Run(args);
