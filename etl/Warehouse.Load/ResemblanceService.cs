using System.Data.Common;
using Dapper;
using Warehouse.Data;
using Warehouse.Validation.Similarity;

namespace Warehouse.Load;

/// <summary>What a refresh of the 雷同 table found, by kind.</summary>
public sealed record ResemblanceSummary(int Reports, int EarlierYear, int SameRegionYear, int TableLastYear);

/// <summary>
/// Keeps <c>report_resemblance</c> (雷同) in step with the current reports: every report's prose
/// compared with its agency's earlier years and with the other reports of its year and region
/// (<see cref="ResemblanceFinder"/>), and table 三 with the agency's year before. Recomputed whole,
/// in one transaction, after each load: a new report may be the copy or the original of any
/// other. Ten thousand reports take a few seconds (docs/benchmarks.md).
/// </summary>
public sealed class ResemblanceService(WarehouseDatabase database, TimeProvider time, ResemblanceOptions? options = null)
{
    private const string EarlierYear = "earlier_year";
    private const string SameRegionYear = "same_region_year";
    private const string TableLastYear = "table_last_year";

    /// <summary>Recomputes the table on its own connection.</summary>
    public async Task<ResemblanceSummary> RefreshAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await RefreshAsync(c, ct);
    }

    /// <summary>Recomputes the table on <paramref name="c"/> (a loader's connection, no transaction open).</summary>
    public async Task<ResemblanceSummary> RefreshAsync(DbConnection c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sql = database.Sql;
        var prose = (await c.QueryAsync<ProseRow>(new CommandDefinition(sql.Get("queries/resemblance_prose"), cancellationToken: ct))).ToList();
        var documents = prose.Select(p => new ProseDocument(p.ReportKey, p.AgencyCode, p.RegionCode, (int)p.Year, p.Prose)).ToList();
        var found = await Task.Run(() => ResemblanceFinder.Find(documents, options), ct);
        var tables = (await c.QueryAsync<(long ReportKey, long PreviousKey)>(new CommandDefinition(sql.Get("queries/resemblance_same_table"), cancellationToken: ct))).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/resemblance_clear"), transaction: tx, cancellationToken: ct));
        var rows = found.Select(r => new
        {
            r.ReportKey, Kind = r.Scope == ResemblanceScope.EarlierYear ? EarlierYear : SameRegionYear, r.ResemblesReportKey, r.SharedShare, MeasuredAt = now,
        }).Concat(tables.Select(t => new { t.ReportKey, Kind = TableLastYear, ResemblesReportKey = t.PreviousKey, SharedShare = 1.0, MeasuredAt = now }));
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/resemblance_insert"), rows, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new ResemblanceSummary(documents.Count, found.Count(r => r.Scope == ResemblanceScope.EarlierYear), found.Count(r => r.Scope == ResemblanceScope.SameRegionAndYear), tables.Count);
    }

    private sealed record ProseRow
    {
        public long ReportKey { get; init; }

        public string AgencyCode { get; init; } = "";

        public string? RegionCode { get; init; }

        public long Year { get; init; }

        public string Prose { get; init; } = "";
    }
}
