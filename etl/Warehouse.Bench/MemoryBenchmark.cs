using System.Diagnostics;
using Warehouse.Load;
using Warehouse.Parsing;

namespace Warehouse.Bench;

/// <summary><c>bench memory FILE</c>: parse one file once; the time taken and the peak memory (resident set) of this process.</summary>
public static class MemoryBenchmark
{
    public static async Task<MemoryBenchResult> RunAsync(string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var reading = await ReportFiles.ReadAsync(path, new ParseOptions(), ct);
        watch.Stop();
        return new MemoryBenchResult(path, new FileInfo(path).Length, reading, watch.Elapsed, Machine.PeakResidentMb());
    }
}
