using Warehouse.Load;

namespace Warehouse.Bench;

/// <summary>One parse of one file: its size, the outcome, the time taken and the process's peak resident memory.</summary>
public sealed record MemoryBenchResult(string Path, long Bytes, ReportReading Reading, TimeSpan Elapsed, double PeakMb);
