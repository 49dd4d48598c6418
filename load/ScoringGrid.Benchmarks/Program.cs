using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ScoringGrid.Benchmarks.EngineBenchmarks).Assembly).Run(args);
