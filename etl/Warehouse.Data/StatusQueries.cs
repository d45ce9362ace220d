using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Warehouse.Data;

// Rows as Dapper fills them: properties, so that SQLite's integers and SQL Server's bits both map.
public sealed record WarehouseCounts
{
    public long Reports { get; init; }

    public long Agencies { get; init; }

    public long Superseded { get; init; }

    public long Rejected { get; init; }

    public long Documents { get; init; }

    public long Errors { get; init; }

    public long Warnings { get; init; }

    public string? LatestLoad { get; init; }
}

/// <summary>A loaded report: its agency, year, region (code and name), its dates (signed and the portal's) and which judged it late.</summary>
public abstract record ReportRow
{
    public long ReportKey { get; init; }

    public long Year { get; init; }

    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? Region { get; init; }

    public string? Published { get; init; }

    public bool? Late { get; init; }

    /// <summary>The day the portal published it, yyyy-MM-dd; null when not crawled or not said.</summary>
    public string? PortalPublished { get; init; }

    /// <summary>Which date judged <see cref="Late"/>: <c>portal</c> or <c>signed</c>; null when undated.</summary>
    public string? PublishedSource { get; init; }

    /// <summary>The date that judged lateness: <see cref="PortalPublished"/> when <see cref="PublishedSource"/> is <c>portal</c>, else <see cref="Published"/>.</summary>
    public string? FilingDate => PublishedSource == "portal" ? PortalPublished : Published;
}

/// <summary>A current report that is late, undated or has findings.</summary>
public sealed record ProblemReport : ReportRow
{
    public long ErrorCount { get; init; }

    public long WarningCount { get; init; }

    /// <summary>Where its document came from: the URL it was crawled from, or the file it was loaded from.</summary>
    public string? Source { get; init; }

    /// <summary>How many such reports the filter holds (the list may be cut short).</summary>
    public long Total { get; init; }
}

/// <summary>An agency with a report for the year before and none for the year.</summary>
public sealed record MissingReport
{
    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? Region { get; init; }

    public long LastYear { get; init; }

    /// <summary>Where last year's document came from.</summary>
    public string? LastSource { get; init; }

    /// <summary>v_filing_status's status of the year: missing, unreadable (a document came that could not be read) or crawl_failed (its portal's last crawl failed).</summary>
    public string Status { get; init; } = "missing";

    /// <summary>The status in Chinese: 未发布, 无法核实（无法读取） or 无法核实（抓取失败）.</summary>
    public string StatusLabel { get; init; } = "未发布";

    /// <summary>How many such agencies the filter holds (the list may be cut short).</summary>
    public long Total { get; init; }

    /// <summary>With a roster: the years missing in a row up to this one (未发布 only); null otherwise.</summary>
    public long? MissingRun { get; init; }
}

/// <summary>A current report showing 雷同 (report_resemblance): what it resembles and how much.</summary>
public sealed record ResemblanceRow
{
    public long ReportKey { get; init; }

    public long Year { get; init; }

    public string Agency { get; init; } = "";

    public string? RegionCode { get; init; }

    public string? Region { get; init; }

    /// <summary>earlier_year, same_region_year or table_last_year.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The share of its prose found in the other report, 0 to 1 (1 for a table).</summary>
    public double SharedShare { get; init; }

    public string ResemblesAgency { get; init; } = "";

    public long ResemblesYear { get; init; }

    public string? Source { get; init; }

    /// <summary>How many such rows the filter holds (the list may be cut short).</summary>
    public long Total { get; init; }

    /// <summary>What it is, in Chinese: "文字 93% 与 X 2023 年度报告相同（照搬往年）".</summary>
    public string Describe() => Kind switch
    {
        "earlier_year" => string.Create(CultureInfo.InvariantCulture, $"文字 {SharedShare * 100:0}% 与本机关 {ResemblesYear} 年度报告相同（照搬往年）"),
        "same_region_year" => string.Create(CultureInfo.InvariantCulture, $"文字 {SharedShare * 100:0}% 与同地区「{ResemblesAgency}」{ResemblesYear} 年度报告相同（雷同）"),
        _ => string.Create(CultureInfo.InvariantCulture, $"表三与本机关 {ResemblesYear} 年度报告逐格相同（数据照搬）"),
    };
}

/// <summary>One finding of a loaded report, as stored (report_finding).</summary>
public sealed record StoredFinding
{
    public string RuleCode { get; init; } = "";

    public string Severity { get; init; } = "";

    public string? RowCode { get; init; }

    public string? ColumnCode { get; init; }

    public double? Expected { get; init; }

    public double? Actual { get; init; }

    public string Message { get; init; } = "";
}

/// <summary>A year holding current reports: how many, and how many match the filters asked for.</summary>
public sealed record LoadedYear
{
    public long Year { get; init; }

    public long Reports { get; init; }

    public long Matching { get; init; }
}

/// <summary>A document loaded as a report of an agency, with where it came from (for <c>show</c>).</summary>
public sealed record StoredReport : ReportRow
{
    public bool IsCurrent { get; init; }

    public string Layout { get; init; } = "";

    public string LoadedAt { get; init; } = "";

    public string Sha256 { get; init; } = "";

    public string Origin { get; init; } = "";

    /// <summary>The article page the document hangs from (<c>raw_document.portal_url</c>); null for files.</summary>
    public string? PortalUrl { get; init; }

    public string MediaType { get; init; } = "";

    public long SizeBytes { get; init; }
}

public sealed record FactRows
{
    public long Applications { get; init; }

    public long ReviewLitigation { get; init; }

    public long ActiveDisclosure { get; init; }
}

/// <summary>What supervisors ask first: how much is loaded, who is late or inconsistent, who has not published.</summary>
public sealed class StatusQueries(SqlScripts sql)
{
    public Task<WarehouseCounts> CountsAsync(DbConnection c, int? year, string? region, CancellationToken ct) =>
        c.QuerySingleAsync<WarehouseCounts>(new CommandDefinition(sql.Get("queries/status_counts"), new { Year = year, Region = region }, cancellationToken: ct));

    /// <param name="limit">At most this many rows; 0 for all.</param>
    public async Task<IReadOnlyList<ProblemReport>> ProblemsAsync(DbConnection c, int? year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<ProblemReport>(new CommandDefinition(sql.Get("queries/status_problem_reports"), new { Year = year, Region = region, Limit = Rows(limit) }, cancellationToken: ct))).ToList();

    /// <param name="limit">At most this many rows; 0 for all.</param>
    public async Task<IReadOnlyList<MissingReport>> MissingAsync(DbConnection c, int year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<MissingReport>(new CommandDefinition(sql.Get("queries/status_missing_reports"), new { Year = year, Region = region, Limit = Rows(limit) }, cancellationToken: ct))).ToList();

    /// <summary>With a roster: its agencies with no report for the year (v_register), each with its years missing in a row and its latest earlier report.</summary>
    /// <param name="limit">At most this many rows; 0 for all.</param>
    public async Task<IReadOnlyList<MissingReport>> RosterMissingAsync(DbConnection c, int year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<MissingReport>(new CommandDefinition(sql.Get("queries/status_register_missing"), new { Year = year, Region = region, Limit = Rows(limit) }, cancellationToken: ct))).ToList();

    /// <param name="limit">At most this many rows; 0 for all.</param>
    public async Task<IReadOnlyList<ResemblanceRow>> ResemblancesAsync(DbConnection c, int? year, string? region, int limit, CancellationToken ct) =>
        (await c.QueryAsync<ResemblanceRow>(new CommandDefinition(sql.Get("queries/status_resemblances"), new { Year = year, Region = region, Limit = Rows(limit) }, cancellationToken: ct))).ToList();

    /// <summary>A report's findings, errors first.</summary>
    public async Task<IReadOnlyList<StoredFinding>> FindingsAsync(DbConnection c, long reportKey, CancellationToken ct) =>
        (await c.QueryAsync<StoredFinding>(new CommandDefinition(sql.Get("queries/status_findings"), new { ReportKey = reportKey }, cancellationToken: ct))).ToList();

    /// <summary>The years holding current reports, oldest first, each with how many match a region (code prefix) and agency type.</summary>
    public async Task<IReadOnlyList<LoadedYear>> LoadedYearsAsync(DbConnection c, string? region, string? agencyType, CancellationToken ct) =>
        (await c.QueryAsync<LoadedYear>(new CommandDefinition(sql.Get("queries/loaded_years"), new { Region = region, AgencyType = agencyType }, cancellationToken: ct))).ToList();

    /// <summary>Every document loaded for an agency (by its code, the name folded), newest year first, the current one first.</summary>
    public async Task<IReadOnlyList<StoredReport>> ReportsOfAsync(DbConnection c, string agencyCode, CancellationToken ct) =>
        (await c.QueryAsync<StoredReport>(new CommandDefinition(sql.Get("queries/show_reports"), new { AgencyCode = agencyCode }, cancellationToken: ct))).ToList();

    /// <summary>The current name of every agency (code, name).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> AgencyNamesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<(string, string)>(new CommandDefinition(sql.Get("queries/agency_names"), cancellationToken: ct))).ToList();

    private static int Rows(int limit) => limit <= 0 ? int.MaxValue : limit;

    public Task<FactRows> FactRowsAsync(DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<FactRows>(new CommandDefinition(sql.Get("queries/fact_rows"), cancellationToken: ct));

    public Task<int?> LatestYearAsync(DbConnection c, CancellationToken ct) =>
        c.ExecuteScalarAsync<int?>(new CommandDefinition(sql.Get("queries/latest_year"), cancellationToken: ct));
}
