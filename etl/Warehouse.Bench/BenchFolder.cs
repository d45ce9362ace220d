namespace Warehouse.Bench;

/// <summary>Where benchmarks keep their corpora and warehouses from one run to the next.</summary>
public static class BenchFolder
{
    /// <summary><c>.build/bench</c> under the working directory.</summary>
    public static string Default => Path.GetFullPath(Path.Combine(".build", "bench"));
}
