using Warehouse.Export;

namespace Warehouse.Bench;

/// <summary>
/// What <c>bench export</c> measured: each workbook, the time for all of them, the peak memory
/// (<paramref name="PeakReset"/>: of the export alone, else of the process), and LibreOffice's time
/// to open each workbook (null when LibreOffice is not installed).
/// </summary>
public sealed record ExportBenchResult(
    string Warehouse, string Workbooks, IReadOnlyList<ExportResult> Results, TimeSpan Elapsed, bool PeakReset, double PeakMb, IReadOnlyList<TimeSpan>? Opening);
