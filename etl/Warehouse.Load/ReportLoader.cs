using System.Data.Common;
using System.Globalization;
using Dapper;
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
public sealed record DocumentInfo(string Sha256, string Origin, string MediaType, long Size, long? SourceKey, string? RegionHint = null);

/// <summary>
/// Writes one report into the warehouse in one transaction: its raw document row, its agency
/// (type 2), the report row and all its facts and findings. A failure leaves nothing behind.
/// </summary>
public sealed class ReportLoader(SqlScripts sql, TimeProvider time)
{
    public static string ParserVersion { get; } = typeof(ReportParser).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public async Task<(long? ReportKey, string? Rejection)> FindAsync(DbConnection c, string sha256, CancellationToken ct, DbTransaction? tx = null)
    {
        var state = await c.QuerySingleAsync<(long? ReportKey, string? Rejection)>(new CommandDefinition(sql.Get("queries/find_document_state"), new { Sha256 = sha256 }, tx, cancellationToken: ct));
        return state;
    }

    public async Task<LoadOutcome> LoadAsync(DbConnection c, ReportReading reading, DocumentInfo doc, long batchKey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await c.BeginTransactionAsync(ct);
        await Exec(c, tx, "upsert_raw_document", new { doc.Sha256, doc.MediaType, SizeBytes = doc.Size, doc.Origin, doc.SourceKey, doc.RegionHint, SeenAt = now }, ct);
        var (existing, rejected) = await FindAsync(c, doc.Sha256, ct, tx);
        if (existing is not null || (rejected is not null && reading.Report is null))
        {
            await tx.CommitAsync(ct);
            return LoadOutcome.Unchanged;
        }

        if (reading.Report is not { } report)
        {
            await Exec(c, tx, "upsert_ingest_rejection", new { doc.Sha256, doc.Origin, Reason = reading.Rejection, ParserVersion, At = now, BatchKey = batchKey }, ct);
            await tx.CommitAsync(ct);
            return LoadOutcome.Rejected;
        }

        if (rejected is not null) await Exec(c, tx, "delete_ingest_rejection", new { doc.Sha256 }, ct);
        var agencyCode = TextKey.Of(report.Agency);
        var agencyKey = await AgencyVersionAsync(c, tx, agencyCode, report, now, ct);
        var current = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql.Get("queries/find_current_report"), new { AgencyCode = agencyCode, report.Year }, tx, cancellationToken: ct));
        var currentPublished = current is null ? null : await PublishedAsync(c, tx, current.Value, ct);

        // A document is newer unless both state a date and its own is earlier.
        var isHistory = current is not null && report.Published is { } p && currentPublished is { } q && p < q;
        if (current is not null && !isHistory) await Exec(c, tx, "retire_report", new { ReportKey = current }, ct);

        var reportKey = await c.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/insert_report"), new
        {
            AgencyKey = agencyKey,
            AgencyCode = agencyCode,
            report.RegionCode,
            report.Year,
            Template = report.Template.Code(),
            Published = Date(report.Published),
            Late = report.Published is { } d ? d > new DateOnly(report.Year + 1, 1, 31) : (bool?)null,
            report.ItemsPublished,
            doc.Sha256,
            reading.Parse.Layout,
            ErrorCount = reading.Findings.Count(f => f.Severity == Severity.Error),
            WarningCount = reading.Findings.Count(f => f.Severity == Severity.Warning),
            DerivedCount = report.Derived.Count,
            IsCurrent = !isHistory,
            ContentHash = ContentHash(reading),
            ParserVersion,
            BatchKey = batchKey,
            LoadedAt = now,
        }, tx, cancellationToken: ct));

        if (isHistory)
        {
            await Exec(c, tx, "mark_superseded", new { OldReportKey = reportKey, NewReportKey = current }, ct);
        }
        else if (current is not null)
        {
            await Exec(c, tx, "mark_superseded", new { OldReportKey = current, NewReportKey = reportKey }, ct);
        }

        await InsertFactsAsync(c, tx, reportKey, reading, ct);
        await tx.CommitAsync(ct);
        return isHistory ? LoadOutcome.History : current is null ? LoadOutcome.Loaded : LoadOutcome.Superseding;
    }

    /// <summary>A fingerprint of what the parse produced: the values, the derived cells and the findings.</summary>
    public static string ContentHash(ReportReading reading) =>
        RawStore.Hash(System.Text.Encoding.UTF8.GetBytes(ReportJson.Serialize(reading.Report!, reading.Findings, null, reading.Parse.Layout, indented: false)));

    /// <summary>
    /// Puts a new parse of a loaded document in place of the old one, in one transaction: the
    /// report row is updated and its facts and findings replaced.
    /// </summary>
    public async Task ReplaceAsync(DbConnection c, long reportKey, ReportReading reading, CancellationToken ct)
    {
        var report = reading.Report!;
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await c.BeginTransactionAsync(ct);
        var agencyKey = await AgencyVersionAsync(c, tx, TextKey.Of(report.Agency), report, now, ct);
        await Exec(c, tx, "update_report", new
        {
            ReportKey = reportKey,
            AgencyKey = agencyKey,
            report.RegionCode,
            Template = report.Template.Code(),
            Published = Date(report.Published),
            Late = report.Published is { } d ? d > new DateOnly(report.Year + 1, 1, 31) : (bool?)null,
            report.ItemsPublished,
            reading.Parse.Layout,
            ErrorCount = reading.Findings.Count(f => f.Severity == Severity.Error),
            WarningCount = reading.Findings.Count(f => f.Severity == Severity.Warning),
            DerivedCount = report.Derived.Count,
            ParserVersion,
            ContentHash = ContentHash(reading),
        }, ct);
        await Exec(c, tx, "delete_report_facts", new { ReportKey = reportKey }, ct);
        await InsertFactsAsync(c, tx, reportKey, reading, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Removes a report and its facts (a reparse found it belongs to another agency or year).</summary>
    public async Task RemoveAsync(DbConnection c, long reportKey, CancellationToken ct)
    {
        await using var tx = await c.BeginTransactionAsync(ct);
        await Exec(c, tx, "delete_report", new { ReportKey = reportKey }, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<long> AgencyVersionAsync(DbConnection c, DbTransaction tx, string agencyCode, Report report, DateTime now, CancellationToken ct)
    {
        var current = await c.QuerySingleOrDefaultAsync<(long AgencyKey, string AgencyCode, string Name, string? RegionCode)?>(
            new CommandDefinition(sql.Get("queries/find_current_agency"), new { AgencyCode = agencyCode }, tx, cancellationToken: ct));
        if (current is { } a && a.RegionCode == report.RegionCode && a.Name == report.Agency) return a.AgencyKey;
        if (current is { } old) await Exec(c, tx, "close_agency_version", new { AgencyKey = old.AgencyKey, At = now }, ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/insert_agency_version"),
            new { AgencyCode = agencyCode, Name = report.Agency, report.RegionCode, At = now }, tx, cancellationToken: ct));
    }

    private async Task<DateOnly?> PublishedAsync(DbConnection c, DbTransaction tx, long reportKey, CancellationToken ct)
    {
        var table = sql.Dialect == Dialect.Sqlite ? "fact_report" : "dbo.fact_report";
        var value = await c.ExecuteScalarAsync<object?>(new CommandDefinition($"select published from {table} where report_key = @ReportKey", new { ReportKey = reportKey }, tx, cancellationToken: ct));
        return value switch
        {
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => null,
        };
    }

    private async Task InsertFactsAsync(DbConnection c, DbTransaction tx, long reportKey, ReportReading reading, CancellationToken ct)
    {
        var report = reading.Report!;
        var derived = report.Derived.ToHashSet();
        var applications = report.Applications.Rows.SelectMany(row => row.Cells.Select((count, column) => new
        {
            ReportKey = reportKey,
            CategoryKey = row.Category.Number,
            ApplicantKey = column + 1,
            Count = count,
            IsDerived = derived.Contains($"applications.{row.Category.Code}.{column}"),
        }));
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/insert_fact_application"), applications, tx, cancellationToken: ct));

        var review = ReviewLitigation.Proceedings.SelectMany(p => report.ReviewLitigation.Get(p).Select((count, i) => new
        {
            ReportKey = reportKey,
            ProceedingCode = p,
            OutcomeCode = ReviewLitigation.Outcomes[i],
            Count = count,
            IsDerived = derived.Contains($"review_litigation.{p}.{i}"),
        }));
        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/insert_fact_review_litigation"), review, tx, cancellationToken: ct));

        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/insert_fact_active_disclosure"),
            ActiveMeasures(report.ActiveDisclosure).Select(m => new { ReportKey = reportKey, m.ItemKey, m.MeasureCode, m.Value }), tx, cancellationToken: ct));

        await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/insert_report_finding"), reading.Findings.Select(f => new
        {
            ReportKey = reportKey,
            f.Rule,
            Severity = f.Severity == Severity.Error ? "error" : "warning",
            RowCode = f.Row,
            ColumnCode = f.Column,
            f.Expected,
            f.Actual,
            f.Message,
        }), tx, cancellationToken: ct));
    }

    /// <summary>Table 二 as (item, measure, value): the common measures, and the 2019 template's own columns.</summary>
    public static IEnumerable<(int ItemKey, string MeasureCode, decimal? Value)> ActiveMeasures(ActiveDisclosure a)
    {
        var keys = DimensionSeeder.ActiveItems.ToDictionary(i => i.Code, i => i.Key);
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

    private object? Date(DateOnly? d) =>
        d is not { } date ? null : sql.Dialect == Dialect.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToDateTime(TimeOnly.MinValue);

    private Task Exec(DbConnection c, DbTransaction tx, string query, object args, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(sql.Get($"queries/{query}"), args, tx, cancellationToken: ct));
}
