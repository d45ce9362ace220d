using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warehouse.Core;
using Warehouse.Data;
using Warehouse.Parsing;
using Warehouse.Parsing.Text;

namespace Warehouse.Load;

public enum LoadOutcome
{
    /// <summary>A report new to the warehouse for its agency and year.</summary>
    Loaded,

    /// <summary>A newer document for an agency and year already loaded: it is current now, the older stays as history.</summary>
    Superseding,

    /// <summary>An older document for an agency and year that has a newer one: kept as history.</summary>
    History,

    /// <summary>The same bytes were loaded (or rejected) before: nothing changes.</summary>
    Unchanged,

    /// <summary>Not a report: recorded with its reason, nothing loaded.</summary>
    Rejected,
}

/// <summary>The document a reading came from: its content hash and where it was found.</summary>
/// <param name="Portal">What the portal said about it (page, title, publication date, Last-Modified); null for files.</param>
public sealed record DocumentInfo(string Sha256, string Origin, string MediaType, long Size, long? SourceKey, string? RegionHint = null, PortalMetadata? Portal = null);

/// <summary>
/// Writes reports into the warehouse through one connection's prepared statements: per report
/// its raw document row, its agency (type 2), the report row, and all its facts and findings.
/// The caller owns the transaction, so a report is always written whole or not at all, and an
/// ingest can put many reports in one transaction.
/// </summary>
public sealed class ReportLoader(DbConnection connection, SqlScripts sql, TimeProvider time) : IDisposable
{
    private static readonly string ProceedingsJson = JsonSerializer.Serialize(ReviewLitigation.Proceedings);
    private static readonly string OutcomesJson = JsonSerializer.Serialize(ReviewLitigation.Outcomes);
    private static readonly IReadOnlyDictionary<string, int> ActiveItemKeys = DimensionSeeder.ActiveItems.ToDictionary(i => i.Code, i => i.Key);

    private readonly PreparedStatements _statements = new(connection, sql);

    public static string ParserVersion { get; } = typeof(ReportParser).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public DbConnection Connection => connection;

    public async Task<(long? ReportKey, string? Rejection)> FindAsync(string sha256, DbTransaction? tx, CancellationToken ct)
    {
        var rows = await _statements["find_document_state"].Set("Sha256", sha256)
            .ReadAsync(tx, r => (r.IsDBNull(0) ? (long?)null : r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)), ct);
        return rows.Count == 0 ? (null, null) : rows[0];
    }

    /// <summary>Loads one reading (or records its rejection) inside <paramref name="tx"/>.</summary>
    public async Task<LoadOutcome> LoadAsync(DbTransaction tx, ReportReading reading, DocumentInfo doc, long batchKey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await _statements["upsert_raw_document"]
            .Set("Sha256", doc.Sha256).Set("MediaType", doc.MediaType).Set("SizeBytes", doc.Size).Set("Origin", doc.Origin)
            .Set("SourceKey", doc.SourceKey).Set("RegionHint", doc.RegionHint).Set("SeenAt", now)
            .Set("PortalUrl", doc.Portal?.PageUrl).Set("PortalTitle", doc.Portal?.Title).Set("PortalPublished", Date(doc.Portal?.Published))
            .Set("HttpLastModified", doc.Portal?.LastModified?.UtcDateTime)
            .ExecuteAsync(tx, ct);
        var (existing, rejected) = await FindAsync(doc.Sha256, tx, ct);
        if (existing is not null || (rejected is not null && reading.Report is null)) return LoadOutcome.Unchanged;

        if (reading.Report is not { } report)
        {
            await _statements["upsert_ingest_rejection"]
                .Set("Sha256", doc.Sha256).Set("Origin", doc.Origin).Set("Reason", reading.Rejection).Set("ParserVersion", ParserVersion)
                .Set("At", now).Set("BatchKey", batchKey)
                .Set("AgencyCode", reading.Named is { } named ? TextKey.Of(named.Agency) : null).Set("Agency", reading.Named?.Agency).Set("Year", reading.Named?.Year)
                .ExecuteAsync(tx, ct);
            return LoadOutcome.Rejected;
        }

        if (rejected is not null) await _statements["delete_ingest_rejection"].Set("Sha256", doc.Sha256).ExecuteAsync(tx, ct);
        var agencyCode = TextKey.Of(report.Agency);
        var agencyKey = await AgencyVersionAsync(tx, agencyCode, report, now, ct);
        var found = await _statements["find_current_report"].Set("AgencyCode", agencyCode).Set("Year", report.Year)
            .ReadAsync(tx, r => (Key: r.GetInt64(0), Published: r.IsDBNull(1) ? (DateOnly?)null : DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture)), ct);
        long? current = found.Count == 0 ? null : found[0].Key;
        var currentPublished = found.Count == 0 ? null : found[0].Published;

        // A document is newer unless both state a date and its own is earlier.
        var isHistory = current is not null && report.Published is { } p && currentPublished is { } q && p < q;
        if (current is not null && !isHistory) await _statements["retire_report"].Set("ReportKey", current).ExecuteAsync(tx, ct);

        var reportKey = await _statements["insert_report"]
            .Set("AgencyKey", agencyKey).Set("AgencyCode", agencyCode).Set("RegionCode", report.RegionCode).Set("Year", report.Year)
            .Set("Template", report.Template.Code()).Set("Published", Date(report.Published))
            .Set("PortalPublished", Date(doc.Portal?.Published)).Set("PublishedSource", Filing.Source(report, doc.Portal?.Published)).Set("Late", Filing.Late(report, doc.Portal?.Published))
            .Set("ItemsPublished", report.ItemsPublished).Set("Sha256", doc.Sha256).Set("Layout", reading.Parse.Layout)
            .Set("ErrorCount", reading.Findings.Count(f => f.Severity == Severity.Error))
            .Set("WarningCount", reading.Findings.Count(f => f.Severity == Severity.Warning))
            .Set("DerivedCount", report.Derived.Count).Set("IsCurrent", !isHistory).Set("ContentHash", reading.ContentHash)
            .Set("ParserVersion", ParserVersion).Set("BatchKey", batchKey).Set("LoadedAt", now)
            .ScalarAsync<long>(tx, ct);

        if (isHistory) await MarkSupersededAsync(tx, reportKey, current!.Value, ct);
        else if (current is not null) await MarkSupersededAsync(tx, current.Value, reportKey, ct);

        await InsertFactsAsync(tx, reportKey, reading, ct);
        return isHistory ? LoadOutcome.History : current is null ? LoadOutcome.Loaded : LoadOutcome.Superseding;
    }

    /// <summary>Puts a new parse of a loaded document in place of the old one: the report row is updated and its facts and findings replaced.</summary>
    /// <param name="portalPublished">The day the portal published the document (<c>raw_document.portal_published</c>), which judges lateness before the signed date; null when unknown.</param>
    public async Task ReplaceAsync(DbTransaction tx, long reportKey, ReportReading reading, DateOnly? portalPublished, CancellationToken ct)
    {
        var report = reading.Report!;
        var now = time.GetUtcNow().UtcDateTime;
        var agencyKey = await AgencyVersionAsync(tx, TextKey.Of(report.Agency), report, now, ct);
        await _statements["update_report"]
            .Set("ReportKey", reportKey).Set("AgencyKey", agencyKey).Set("RegionCode", report.RegionCode)
            .Set("Template", report.Template.Code()).Set("Published", Date(report.Published))
            .Set("PortalPublished", Date(portalPublished)).Set("PublishedSource", Filing.Source(report, portalPublished)).Set("Late", Filing.Late(report, portalPublished))
            .Set("ItemsPublished", report.ItemsPublished).Set("Layout", reading.Parse.Layout)
            .Set("ErrorCount", reading.Findings.Count(f => f.Severity == Severity.Error))
            .Set("WarningCount", reading.Findings.Count(f => f.Severity == Severity.Warning))
            .Set("DerivedCount", report.Derived.Count).Set("ParserVersion", ParserVersion).Set("ContentHash", reading.ContentHash)
            .ExecuteAsync(tx, ct);
        await _statements["delete_report_facts"].Set("ReportKey", reportKey).ExecuteAsync(tx, ct);
        await InsertFactsAsync(tx, reportKey, reading, ct);
    }

    /// <summary>Removes a report and its facts (a reparse found it belongs to another agency or year).</summary>
    public Task RemoveAsync(DbTransaction tx, long reportKey, CancellationToken ct) =>
        _statements["delete_report"].Set("ReportKey", reportKey).ExecuteAsync(tx, ct);

    public void Dispose() => _statements.Dispose();

    private Task MarkSupersededAsync(DbTransaction tx, long oldKey, long newKey, CancellationToken ct) =>
        _statements["mark_superseded"].Set("OldReportKey", oldKey).Set("NewReportKey", newKey).ExecuteAsync(tx, ct);

    private async Task<long> AgencyVersionAsync(DbTransaction tx, string agencyCode, Report report, DateTime now, CancellationToken ct)
    {
        var rows = await _statements["find_current_agency"].Set("AgencyCode", agencyCode)
            .ReadAsync(tx, r => (Key: r.GetInt64(0), Name: r.GetString(2), Region: r.IsDBNull(3) ? null : r.GetString(3)), ct);
        if (rows.Count > 0 && rows[0].Region == report.RegionCode && rows[0].Name == report.Agency) return rows[0].Key;
        if (rows.Count > 0) await _statements["close_agency_version"].Set("AgencyKey", rows[0].Key).Set("At", now).ExecuteAsync(tx, ct);
        return await _statements["insert_agency_version"]
            .Set("AgencyCode", agencyCode).Set("Name", report.Agency).Set("RegionCode", report.RegionCode).Set("At", now)
            .ScalarAsync<long>(tx, ct);
    }

    private async Task InsertFactsAsync(DbTransaction tx, long reportKey, ReportReading reading, CancellationToken ct)
    {
        var report = reading.Report!;
        var rows = report.Applications.Rows.ToList();
        await _statements["insert_fact_application"]
            .Set("ReportKey", reportKey)
            .Set("Categories", Json(rows.Select(r => (decimal?)r.Category.Number)))
            .Set("Counts", Json(rows.SelectMany(r => r.Cells).Select(v => (decimal?)v)))
            .ExecuteAsync(tx, ct);

        await _statements["insert_fact_review_litigation"]
            .Set("ReportKey", reportKey).Set("Proceedings", ProceedingsJson).Set("Outcomes", OutcomesJson)
            .Set("Counts", Json(report.ReviewLitigation.Flatten().Select(v => (decimal?)v)))
            .ExecuteAsync(tx, ct);

        var measures = ActiveMeasures(report.ActiveDisclosure).ToList();
        await _statements["insert_fact_active_disclosure"]
            .Set("ReportKey", reportKey)
            .Set("Items", Json(measures.Select(m => (decimal?)m.ItemKey)))
            .Set("Measures", JsonSerializer.Serialize(measures.Select(m => m.MeasureCode)))
            .Set("Values", Json(measures.Select(m => m.Value)))
            .ExecuteAsync(tx, ct);

        foreach (var path in report.Derived) await MarkDerivedAsync(tx, reportKey, path, ct);

        if (!string.IsNullOrEmpty(reading.Parse.Prose))
        {
            await _statements["insert_report_prose"].Set("ReportKey", reportKey).Set("Prose", reading.Parse.Prose).ExecuteAsync(tx, ct);
        }

        foreach (var f in reading.Findings)
        {
            await _statements["insert_report_finding"]
                .Set("ReportKey", reportKey).Set("Rule", f.Rule).Set("Severity", f.Severity == Severity.Error ? "error" : "warning")
                .Set("RowCode", f.Row).Set("ColumnCode", f.Column).Set("Expected", f.Expected).Set("Actual", f.Actual).Set("Message", f.Message)
                .ExecuteAsync(tx, ct);
        }
    }

    /// <summary>Flags a cell path of <see cref="Report.Derived"/> (<c>applications.carried_forward.6</c>, <c>review_litigation.review.4</c>).</summary>
    private async Task MarkDerivedAsync(DbTransaction tx, long reportKey, string path, CancellationToken ct)
    {
        // Table 二's cells carry no derived flag in the warehouse.
        if (!CellRef.TryParse(path, out var cell) || cell.Index is not { } index) return;
        if (cell.Table == CellTable.Applications && DisposalCategories.All.FirstOrDefault(c => c.Code == cell.Row) is { } category)
        {
            await _statements["mark_derived_application"].Set("ReportKey", reportKey).Set("CategoryKey", category.Number).Set("ApplicantKey", index + 1).ExecuteAsync(tx, ct);
        }
        else if (cell.Table == CellTable.ReviewLitigation && index < ReviewLitigation.Outcomes.Count)
        {
            await _statements["mark_derived_review_litigation"].Set("ReportKey", reportKey).Set("ProceedingCode", cell.Row).Set("OutcomeCode", ReviewLitigation.Outcomes[index]).ExecuteAsync(tx, ct);
        }
    }

    /// <summary>Table 二 as (item, measure, value): the common measures, and the 2019 template's own columns.</summary>
    public static IEnumerable<(int ItemKey, string MeasureCode, decimal? Value)> ActiveMeasures(ActiveDisclosure a)
    {
        var keys = ActiveItemKeys;
        var measures = new Dictionary<(int, string), decimal?>
        {
            [(keys["regulations"], "issued")] = a.Regulations.Issued,
            [(keys["regulations"], "repealed")] = a.Regulations.Repealed,
            [(keys["regulations"], "in_force")] = a.Regulations.InForce,
            [(keys["normative_documents"], "issued")] = a.NormativeDocuments.Issued,
            [(keys["normative_documents"], "repealed")] = a.NormativeDocuments.Repealed,
            [(keys["normative_documents"], "in_force")] = a.NormativeDocuments.InForce,
            [(keys["licensing"], "decisions")] = a.Licensing,
            [(keys["penalty"], "decisions")] = a.Penalty,
            [(keys["enforcement"], "decisions")] = a.Enforcement,
            [(keys["fees"], "amount_10k_yuan")] = a.Fees10kYuan,
        };
        foreach (var (key, value) in a.Template2019Columns ?? new Dictionary<string, decimal?>())
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            measures[(keys[key[..dot]], key[(dot + 1)..])] = value;
        }

        return measures.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value));
    }

    private static string Json(IEnumerable<decimal?> values)
    {
        var b = new StringBuilder("[");
        foreach (var v in values)
        {
            if (b.Length > 1) b.Append(',');
            b.Append(Number(v));
        }

        return b.Append(']').ToString();
    }

    private static string Number(decimal? v) => v is { } d ? d.ToString(CultureInfo.InvariantCulture) : "null";

    private object? Date(DateOnly? d) =>
        d is not { } date ? null : sql.Dialect == Dialect.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToDateTime(TimeOnly.MinValue);
}
