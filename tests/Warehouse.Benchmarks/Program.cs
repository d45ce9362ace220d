using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Warehouse.Benchmarks.ParseBenchmarks).Assembly).Run(args);
