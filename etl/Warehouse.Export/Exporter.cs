using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Warehouse.Core;
using Warehouse.Data;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>What an export wrote.</summary>
/// <param name="Querying">Of <paramref name="Elapsed"/>, the time spent in the warehouse's queries.</param>
public sealed record ExportResult(string Path, Selection Selection, IReadOnlyList<ExportedTable> Tables, IReadOnlyList<ExportedChart> ChartImages, long Bytes, TimeSpan Elapsed, TimeSpan Querying)
{
    public int Charts => ChartImages.Count;

    /// <summary>What the user must hear although the workbook was written (a chart character no carried glyph draws), one sentence each, Chinese first.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A chart of the workbook as the PNG placed on its sheet (the digest shows the same images).</summary>
public sealed record ExportedChart(string Sheet, string Title, byte[] Png);

/// <summary>One table of an exported workbook: its sheet, its Excel table name (null for an empty one), its rows, and the query that made them.</summary>
public sealed record ExportedTable(string Sheet, string Name, string Caption, int Rows, BuiltQuery Query, bool IsData);

/// <summary>A dashboard that does not fit the warehouse (unknown view or field, bad aggregation): its name, then its problems, each with its line.</summary>
public sealed class DashboardException(string dashboard, IReadOnlyList<DashboardProblem> problems)
    : UserFacingException($"dashboard {dashboard} does not fit the warehouse:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => p.ToString()))}")
{
    public IReadOnlyList<DashboardProblem> Problems => problems;
}

/// <summary>
/// Exports a dashboard: checks it against the warehouse's views, resolves the filters, runs
/// each table's query, draws the charts, and writes the workbook to a temporary file that is
/// renamed into place, so that a failed export never leaves a half-written workbook.
/// </summary>
public sealed class Exporter(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>Excel's sheet holds 1,048,576 rows, one of them the header.</summary>
    public const int MaxDataRows = 1_048_575;

    /// <summary>The source a cover names when <c>WAREHOUSE_SOURCE_NAME</c> is not set.</summary>
    public const string DefaultSourceName = "政府信息公开年报数据仓库";

    public static TimeZoneInfo ChinaTime { get; } = FindChinaTime();

    /// <summary>
    /// What a cover names as the data's source (数据来源): <c>WAREHOUSE_SOURCE_NAME</c>, else
    /// <see cref="DefaultSourceName"/>; never the database's path or connection string, which
    /// readers outside the server must not see.
    /// </summary>
    public string SourceName { get; init; } = ConfiguredSourceName();

    /// <summary>Sections added to the cover after the source, each under its title (the digest's register figures); none by default.</summary>
    public IReadOnlyList<CoverSection> CoverSections { get; init; } = [];

    /// <summary>The source name of the environment (<c>WAREHOUSE_SOURCE_NAME</c>), else <see cref="DefaultSourceName"/>.</summary>
    public static string ConfiguredSourceName() => SourceNameFrom(Environment.GetEnvironmentVariable("WAREHOUSE_SOURCE_NAME"));

    /// <summary>The source name a setting gives: itself, trimmed, or <see cref="DefaultSourceName"/> when unset or blank.</summary>
    public static string SourceNameFrom(string? setting) => string.IsNullOrWhiteSpace(setting) ? DefaultSourceName : setting.Trim();

    /// <summary>Writes the dashboard's workbook to <paramref name="output"/> (FILE.xlsx).</summary>
    public Task<ExportResult> ExportAsync(Dashboard dashboard, SelectionRequest request, string output, IProgress<string>? progress, CancellationToken ct)
    {
        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new SelectionException($"--out {output}: a workbook's file name ends in .xlsx");
        return ExportAsync(dashboard, request, _ => output, progress, ct);
    }

    /// <summary>
    /// Writes the dashboard's workbook into <paramref name="folder"/> under a name that says what
    /// it holds (<see cref="FileName"/>), so that workbooks of other years or regions sit beside it
    /// rather than overwrite it.
    /// </summary>
    public Task<ExportResult> ExportIntoAsync(Dashboard dashboard, SelectionRequest request, string folder, IProgress<string>? progress, CancellationToken ct) =>
        ExportAsync(dashboard, request, s => Path.Combine(folder, FileName(dashboard, s)), progress, ct);

    /// <summary>
    /// A workbook's file name: its title, years, region (name and code), and the level, agency
    /// type and panel when they are not the defaults, e.g. 地区对比_2020-2024_江西省_36.xlsx,
    /// 办理结果_2024_全部地区.xlsx, 年度对比_2022-2024_全部地区_平衡面板.xlsx.
    /// </summary>
    public static string FileName(Dashboard dashboard, Selection s)
    {
        var parts = new List<string> { dashboard.Title, s.FirstYear is null ? "尚无报告" : s.FirstYear == s.LastYear ? $"{s.FirstYear}" : $"{s.FirstYear}-{s.LastYear}" };
        parts.Add(s.Region is null ? "全部地区" : $"{s.Region.Name}_{s.Region.Code}");
        var defaultLevel = s.Region is null ? "province" : Selection.LevelOf(s.Region) == "province" ? "city" : "county";
        if (dashboard.Filters.Level && s.Level != defaultLevel) parts.Add(Selection.LevelName(s.Level));
        if (s.AgencyType is { } type) parts.Add(type);
        if (s.Balanced) parts.Add("平衡面板");
        var name = string.Join("_", parts);
        foreach (var bad in Path.GetInvalidFileNameChars()) name = name.Replace(bad, '-');
        return name + ".xlsx";
    }

    private async Task<ExportResult> ExportAsync(Dashboard dashboard, SelectionRequest request, Func<Selection, string> output, IProgress<string>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await database.OpenAsync(ct);
        var catalog = await ViewCatalog.ReadAsync(connection, database.Sql, ct);
        var problems = DashboardChecker.Check(dashboard, catalog);
        if (problems.Count > 0) throw new DashboardException(dashboard.Name, problems);

        var freshness = await FreshnessAsync(connection, ct);
        var selection = Selection.Resolve(dashboard, request, freshness.FirstYear, freshness.LastYear);
        var path = Path.GetFullPath(output(selection));
        var builder = new QueryBuilder(database.Target.Dialect)
        {
            RankableViews = catalog.Views.Where(v => v.Value.Contains("rankable")).Select(v => v.Key).ToHashSet(StringComparer.Ordinal),
        };

        var sheets = new List<SheetResult>();
        var warnings = new List<string>();
        foreach (var sheet in dashboard.Sheets)
        {
            progress?.Report(sheet.Name);
            var tables = new List<TableResult>();
            foreach (var t in sheet.Tables)
            {
                IReadOnlyList<SpreadValue>? spread = null;
                if (t.Spread is not null)
                {
                    var q = builder.SpreadValues(t, selection);
                    spread = (await ReadAsync(connection, q, ct)).Select(r => new SpreadValue(r[0]!, r[2]?.ToString() ?? "—")).ToList();
                }

                var query = builder.Table(t, selection, spread);
                tables.Add(new TableResult(t.Id, t.Caption, query.Columns, await ReadAsync(connection, query, ct), query));
            }

            TableResult? data = null;
            if (sheet.Data is { } d)
            {
                var query = builder.Data(d, selection);
                var rows = await ReadAsync(connection, query, ct);
                if (rows.Count > MaxDataRows)
                {
                    throw new SelectionException($"sheet {d.Sheet} would hold {rows.Count:N0} rows, more than Excel's {MaxDataRows:N0}; choose fewer years or a smaller region");
                }

                data = new TableResult(d.Sheet, null, query.Columns, rows, query);
            }

            var chart = sheet.Chart is { } c ? ChartRenderer.Render(c, tables.First(t => t.Name == c.Table), warnings) : null;
            sheets.Add(new SheetResult(sheet, tables, chart, data));
        }

        var querying = watch.Elapsed;
        var generated = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ChinaTime);
        long? panel = selection.Balanced && selection.FirstYear is not null
            ? Convert.ToInt64((await ReadAsync(connection, builder.PanelAgencies(selection), ct)).Single()[0], System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var model = new WorkbookModel(dashboard, selection, freshness, generated, SourceName, sheets) { PanelAgencies = panel, CoverSections = CoverSections };
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp.xlsx");
        try
        {
            progress?.Report("writing");
            var charts = WorkbookWriter.Write(model, temporary);
            PictureInserter.Insert(temporary, charts, ChartRenderer.Width, ChartRenderer.Height);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }

        var counts = sheets.SelectMany(s => s.Tables.Select(t => new ExportedTable(s.Spec.Name, t.Name, t.Caption ?? t.Name, t.Rows.Count, t.Query, IsData: false))
            .Concat(s.Data is { } d ? [new ExportedTable(s.Spec.Data!.Sheet, WorkbookWriter.DataTableName(dashboard, s.Spec), "明细", d.Rows.Count, d.Query, IsData: true)] : [])).ToList();
        var images = sheets.Where(s => s.Chart is not null).Select(s => new ExportedChart(s.Spec.Name, s.Spec.Chart!.Title, s.Chart!)).ToList();
        return new ExportResult(path, selection, counts, images, new FileInfo(path).Length, watch.Elapsed, querying) { Warnings = warnings };
    }

    private async Task<Freshness> FreshnessAsync(DbConnection connection, CancellationToken ct)
    {
        var row = (await ReadAsync(connection, new BuiltQuery(database.Sql.Get("queries/export_freshness"), new DynamicParameters(), []), ct)).Single();
        int? Year(object? v) => v is null ? null : Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
        return new Freshness(Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture), Year(row[1]), Year(row[2]), BeijingTime(row[3]));
    }

    /// <summary>A UTC time the warehouse stored (a DateTime, or SQLite's text), in Beijing time; null when there is none.</summary>
    public static DateTimeOffset? BeijingTime(object? utc)
    {
        DateTime? time = utc switch
        {
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTimeOffset o => o.UtcDateTime,
            string text when DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d) => d,
            _ => null,
        };
        return time is { } t ? TimeZoneInfo.ConvertTime(new DateTimeOffset(t, TimeSpan.Zero), ChinaTime) : null;
    }

    private static async Task<List<object?[]>> ReadAsync(DbConnection connection, BuiltQuery query, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(query.Sql, query.Parameters, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is DBNull) values[i] = null;
            }

            rows.Add(values);
        }

        return rows;
    }

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A container without tzdata: China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
