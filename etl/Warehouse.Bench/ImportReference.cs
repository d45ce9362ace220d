namespace Warehouse.Bench;

/// <summary>The sqlite3 shell's <c>.import</c> of the same fact rows as CSV: rows and the time taken.</summary>
public sealed record ImportReference(long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
