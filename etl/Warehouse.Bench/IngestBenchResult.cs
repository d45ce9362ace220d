using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Bench;

/// <summary>
/// What <c>bench ingest</c> measured: the ingest's summary, fact rows, wall time and peak memory
/// (<paramref name="PeakReset"/>: of the ingest alone, else of the process), and sqlite3's
/// <c>.import</c> for reference (null when sqlite3 is not installed).
/// </summary>
public sealed record IngestBenchResult(string Corpus, string Run, int Files, IngestSummary Summary, FactRows Rows, TimeSpan Elapsed, bool PeakReset, double PeakMb, ImportReference? Reference)
{
    public double RowsPerSecond => Rows.Applications / Elapsed.TotalSeconds;
}
