using System.Data.Common;
using Dapper;
using Warehouse.Data;
using Warehouse.Parsing.Text;

namespace Warehouse.Load;

/// <summary>What a reparse found: documents whose parse changed, and how.</summary>
public sealed record ReparseSummary(int Checked, int Unchanged, IReadOnlyList<string> Changed, int NewlyLoaded, IReadOnlyList<string> NowRejected, int MissingBytes);

/// <summary>
/// Runs the current parser over the raw store and brings the warehouse in line: a report whose
/// values or findings changed (after a parser fix) gets its facts replaced, a document once
/// rejected that now reads is loaded, and one that no longer reads is reported, never deleted.
/// </summary>
public sealed class ReparseService(WarehouseDatabase database, DocumentReader reader, TimeProvider time)
{
    private sealed record Stored
    {
        public long ReportKey { get; init; }

        public string? ContentHash { get; init; }

        public string AgencyCode { get; init; } = "";

        public long Year { get; init; }

        public bool IsCurrent { get; init; }

        public string Agency { get; init; } = "";
    }

    // A raw_document row: where the bytes came from, with what the portal said about them.
    private sealed record RawRow
    {
        public string Sha256 { get; init; } = "";

        public string Origin { get; init; } = "";

        public string? RegionHint { get; init; }

        public string? PortalUrl { get; init; }

        public string? PortalTitle { get; init; }

        public DateTime? PortalPublished { get; init; }

        public DateTime? HttpLastModified { get; init; }

        public DocumentOrigin ToOrigin() => new(
            Origin, RegionHint: RegionHint, Title: PortalTitle,
            Published: PortalPublished is { } p ? DateOnly.FromDateTime(p) : null, PageUrl: PortalUrl,
            LastModified: HttpLastModified is { } m ? new DateTimeOffset(DateTime.SpecifyKind(m, DateTimeKind.Utc)) : null);
    }

    public async Task<ReparseSummary> ReparseAsync(DateTime? since, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        try
        {
            return await RunAsync(since, progress, ct);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException)
        {
            throw database.Describe(e);
        }
    }

    private async Task<ReparseSummary> RunAsync(DateTime? since, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var sql = database.Sql;
        using var raw = database.OpenRawStore();
        using var writer = new IntakeWriter(c, sql, raw, time);
        var loader = writer.Loader;
        var intake = new DocumentIntake(reader);
        var documents = (await c.QueryAsync<RawRow>(new CommandDefinition(sql.Get("queries/list_raw_documents"), new { Since = since }, cancellationToken: ct))).ToList();
        var batchKey = await writer.BeginBatchAsync("reparse", ct);

        int unchanged = 0, loaded = 0, missing = 0, done = 0;
        var changed = new List<string>();
        var nowRejected = new List<string>();
        foreach (var row in documents)
        {
            var (sha, origin) = (row.Sha256, row.Origin);
            ct.ThrowIfCancellationRequested();
            progress?.Report((++done, documents.Count));
            if (raw.Get(sha) is not { } bytes)
            {
                missing++;
                continue;
            }

            // The bytes come from the raw store: read again by the intake, never stored again.
            var doc = await intake.ReadAsync(bytes, row.ToOrigin(), ct);
            var reading = doc.Reading;
            var stored = await c.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(sql.Get("queries/find_report_for_reparse"), new { Sha256 = sha }, cancellationToken: ct));

            if (stored is null)
            {
                // Rejected before (or never loaded): load it if it reads now.
                await using var loadTx = await c.BeginTransactionAsync(ct);
                var outcome = await writer.LoadAsync(loadTx, doc, batchKey, ct);
                await loadTx.CommitAsync(ct);
                if (outcome is LoadOutcome.Loaded or LoadOutcome.Superseding or LoadOutcome.History) loaded++;
                else unchanged++;
                continue;
            }

            if (reading.Report is not { } report)
            {
                nowRejected.Add($"{origin}: {stored.Agency} {stored.Year} no longer reads ({reading.Rejection}); its facts are kept");
                continue;
            }

            if (reading.ContentHash == stored.ContentHash)
            {
                // Unchanged, but a report loaded before report_prose existed gets its prose now.
                if (!string.IsNullOrEmpty(reading.Parse.Prose))
                {
                    await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/fill_report_prose"), new { stored.ReportKey, reading.Parse.Prose }, cancellationToken: ct));
                }

                unchanged++;
                continue;
            }

            var before = await CellsAsync(c, sql, stored.ReportKey, ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            if (TextKey.Of(report.Agency) != stored.AgencyCode || report.Year != stored.Year)
            {
                await loader.RemoveAsync(tx, stored.ReportKey, ct);
                await writer.LoadAsync(tx, doc, batchKey, ct);
                await tx.CommitAsync(ct);
                changed.Add($"{origin}: was {stored.Agency} {stored.Year}, now {report.Agency} {report.Year}");
                continue;
            }

            await loader.ReplaceAsync(tx, stored.ReportKey, reading, doc.Origin.Published, ct);
            await tx.CommitAsync(ct);
            var cells = report.Applications.Rows.SelectMany(r => r.Cells.Select((v, i) => (r.Category.Code, i, v)))
                .Count(x => !before.TryGetValue((x.Code, x.i), out var old) || old != x.v);
            changed.Add($"{origin}: {report.Agency} {report.Year}: {cells} cell(s) of table 三 changed, {reading.Findings.Count} finding(s) now");
        }

        await writer.FinishBatchAsync(batchKey, ct);
        if (documents.Count > 0) await new DerivedTables(database, time).RefreshAsync(c, reportsChanged: true, ct);
        return new ReparseSummary(documents.Count, unchanged, changed, loaded, nowRejected, missing);
    }

    private static async Task<Dictionary<(string, int), int?>> CellsAsync(DbConnection c, SqlScripts sql, long reportKey, CancellationToken ct) =>
        (await c.QueryAsync<(string Category, long Column, long? Count)>(new CommandDefinition(sql.Get("queries/application_cells"), new { ReportKey = reportKey }, cancellationToken: ct)))
            .ToDictionary(x => (x.Category, (int)x.Column), x => x.Count is { } n ? (int?)n : null);
}
