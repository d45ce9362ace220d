using System.Data.Common;
using System.Globalization;
using ClosedXML.Excel;
using Dapper;
using Warehouse.Core.Regions;
using Warehouse.Data;
using Warehouse.Parsing.Text;

namespace Warehouse.Register.Roster;

/// <summary>What an import did to the roster, by kind of change; <see cref="Removed"/> lists the agencies no longer on it.</summary>
public sealed record RosterImportResult(int Year, int Rows, int Added, int Renamed, int Moved, int Retyped, int Unchanged, IReadOnlyList<string> Removed);

/// <summary>A roster entry valid in the year matched against the reports.</summary>
public sealed record RosterAgency(long EntityKey, string Name, string? RegionCode, string? AgencyType);

/// <summary>A current report of the year as the match sees it.</summary>
public sealed record RosterReport(long ReportKey, string Agency, string? RegionCode, string? SourceUrl);

/// <summary>
/// The roster against the reports of a year: which entry each report is (<see cref="Matched"/>),
/// reports that match no entry, entries that several reports match, and entries with no report.
/// </summary>
public sealed record RosterMatch(
    int Year,
    int Expected,
    IReadOnlyList<(RosterAgency Agency, RosterReport Report)> Matched,
    IReadOnlyList<RosterReport> Unmatched,
    IReadOnlyList<(RosterAgency Agency, IReadOnlyList<RosterReport> Reports)> SeveralReports,
    IReadOnlyList<RosterAgency> WithoutReport,
    IReadOnlyList<(RosterReport Report, IReadOnlyList<RosterAgency> Candidates)> Ambiguous);

/// <summary>
/// The roster (应报名单) in the warehouse: imported from a supervisor's spreadsheet for a report
/// year with its history kept (an agency added, renamed, moved or removed from that year on),
/// proposed from the reports of earlier years, matched against a year's reports by name, aliases
/// and region, and the deadlines that differ from 31 January of the following year.
/// </summary>
public sealed class RosterService(WarehouseDatabase database, TimeProvider time)
{
    private SqlScripts Sql => database.Sql;

    /// <summary>
    /// Imports <paramref name="path"/> as the roster from report year <paramref name="year"/> on, in
    /// one transaction: an agency new to the roster is added; one found by 统一社会信用代码, name,
    /// 原名称 or alias under another name, region or kind gets a new version from that year; an
    /// agency on the roster of a region the file covers but absent from it leaves the roster from
    /// that year. Importing the same year again replaces that year's versions.
    /// </summary>
    /// <exception cref="RosterException">The file has problems (all listed, nothing imported), or the roster already starts in a later year.</exception>
    public async Task<RosterImportResult> ImportAsync(string path, int year, CancellationToken ct)
    {
        var (rows, problems) = RosterFile.Read(path);
        if (problems.Count > 0) throw new RosterException($"名单未导入，{problems.Count} 处问题：{string.Join("；", problems)}");

        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var latest = await c.ExecuteScalarAsync<long?>(new CommandDefinition(Sql.Get("queries/roster_latest_year"), transaction: tx, cancellationToken: ct));
        if (latest > year) throw new RosterException($"名单已有 {latest} 年起的版本，不能再导入更早的 {year} 年名单 / the roster already has versions from {latest}");

        var open = (await c.QueryAsync<RosterEntryRow>(new CommandDefinition(Sql.Get("queries/roster_open_entries"), new { Year = year }, tx, cancellationToken: ct))).ToList();
        var aliases = (await c.QueryAsync<RosterAliasRow>(new CommandDefinition(Sql.Get("queries/roster_aliases"), transaction: tx, cancellationToken: ct))).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var file = Path.GetFileName(path);
        int added = 0, renamed = 0, moved = 0, retyped = 0, unchanged = 0;
        var seen = new Dictionary<long, int>();
        var duplicates = new List<string>();

        foreach (var row in rows)
        {
            var entry = Find(row, open, aliases);
            if (entry is not null && seen.TryGetValue(entry.EntityKey, out var earlier))
            {
                duplicates.Add($"第 {row.Line} 行「{row.Name}」与第 {earlier} 行是同一单位 / rows {earlier} and {row.Line} are one agency");
                continue;
            }

            long entity;
            if (entry is null)
            {
                entity = await c.ExecuteScalarAsync<long>(new CommandDefinition(Sql.Get("queries/roster_insert_entity"), new { row.Uscc, At = now }, tx, cancellationToken: ct));
                await InsertEntryAsync(c, tx, entity, row, year, "added", file, now, ct);
                added++;
            }
            else
            {
                entity = entry.EntityKey;
                var change = TextKey.Of(row.Name) != entry.NameKey ? "renamed"
                    : (row.RegionCode ?? entry.RegionCode) != entry.RegionCode ? "moved"
                    : (row.AgencyType ?? entry.AgencyType) != entry.AgencyType ? "retyped"
                    : null;
                if (change is null)
                {
                    unchanged++;
                }
                else
                {
                    await c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_close_entry"), new { entry.EntryKey, Year = year, Reason = change }, tx, cancellationToken: ct));
                    await InsertEntryAsync(c, tx, entity, row with { RegionCode = row.RegionCode ?? entry.RegionCode, AgencyType = row.AgencyType ?? entry.AgencyType }, year, change, file, now, ct);
                    if (change == "renamed")
                    {
                        // Reports printed under the old name still find it.
                        await InsertAliasAsync(c, tx, entity, entry.Name, ct);
                        renamed++;
                    }
                    else if (change == "moved")
                    {
                        moved++;
                    }
                    else
                    {
                        retyped++;
                    }
                }

                if (row.Uscc is not null) await c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_set_uscc"), new { EntityKey = entity, row.Uscc }, tx, cancellationToken: ct));
            }

            seen[entity] = row.Line;
            foreach (var alias in row.Aliases) await InsertAliasAsync(c, tx, entity, alias, ct);
            if (row.FormerName is { } former) await InsertAliasAsync(c, tx, entity, former, ct);
        }

        if (duplicates.Count > 0) throw new RosterException($"名单未导入，{duplicates.Count} 处问题：{string.Join("；", duplicates)}");

        // The file is the whole roster of the regions it names: who is not in it has left.
        var regions = rows.Where(r => r.RegionCode is not null).Select(r => r.RegionCode!).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var entry in open.Where(e => !seen.ContainsKey(e.EntityKey) && e.RegionCode is not null && regions.Contains(e.RegionCode)))
        {
            await c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_close_entry"), new { entry.EntryKey, Year = year, Reason = "removed" }, tx, cancellationToken: ct));
            removed.Add(entry.Name);
        }

        await tx.CommitAsync(ct);
        await new RegisterService(database, time).RefreshAsync(c, ct);
        return new RosterImportResult(year, rows.Count, added, renamed, moved, retyped, unchanged, removed);
    }

    /// <summary>The roster valid in <paramref name="year"/> against that year's current reports.</summary>
    public async Task<RosterMatch> MatchAsync(int year, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var entries = (await c.QueryAsync<RosterEntryRow>(new CommandDefinition(Sql.Get("queries/roster_open_entries"), new { Year = year }, cancellationToken: ct))).ToList();
        var aliases = (await c.QueryAsync<RosterAliasRow>(new CommandDefinition(Sql.Get("queries/roster_aliases"), cancellationToken: ct))).ToList();
        var reports = (await c.QueryAsync<ReportRow>(new CommandDefinition(Sql.Get("queries/roster_reports_of_year"), new { Year = year }, cancellationToken: ct))).ToList();

        return RosterMatcher.Match(
            year,
            entries.Select(e => new RosterEntryKey(e.EntityKey, e.NameKey, e.ToAgency())).ToList(),
            aliases.Select(a => (a.EntityKey, a.AliasKey)).ToList(),
            reports.Select(r => (r.AgencyCode, new RosterReport(r.ReportKey, r.Agency, r.RegionCode, r.SourceUrl))).ToList());
    }

    /// <summary>
    /// Writes a roster to edit (XLSX, or CSV in UTF-8 with a byte order mark so that Excel reads the
    /// Chinese): every agency whose report was loaded for a year before <paramref name="year"/>, by
    /// the name, region and kind of its latest report. Returns how many agencies it lists.
    /// </summary>
    public async Task<int> ProposeAsync(int year, string path, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = (await c.QueryAsync<ProposalRow>(new CommandDefinition(Sql.Get("queries/roster_proposal"), new { Year = year }, cancellationToken: ct))).ToList();
        string[] header = ["单位名称", "地区", "地区代码", "机关类型", "统一社会信用代码", "别名", "原名称", "最近报告年度"];
        var cells = rows.Select(r => new[] { r.Agency, r.Region ?? "", r.RegionCode ?? "", r.AgencyType ?? "", "", "", "", r.LastYear.ToString(CultureInfo.InvariantCulture) }).ToList();
        var temporary = path + ".tmp";
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            await using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(true)))
            await using (var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                foreach (var line in cells.Prepend(header))
                {
                    foreach (var value in line) csv.WriteField(value);
                    await csv.NextRecordAsync();
                }
            }
        }
        else if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var workbook = new XLWorkbook();
            var sheet = workbook.AddWorksheet("应报名单");
            for (var i = 0; i < header.Length; i++) sheet.Cell(1, i + 1).Value = header[i];
            sheet.Row(1).Style.Font.Bold = true;
            for (var r = 0; r < cells.Count; r++)
            {
                for (var i = 0; i < header.Length; i++) sheet.Cell(r + 2, i + 1).SetValue(cells[r][i]);
            }

            // ClosedXML 0.95 cannot measure CJK text: widths are set by hand, in characters.
            double[] widths = [36, 16, 10, 12, 22, 24, 24, 12];
            for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
            sheet.SheetView.FreezeRows(1);
            using (var stream = File.Create(temporary)) workbook.SaveAs(stream);
        }
        else
        {
            throw new RosterException($"名单只能写成 .xlsx 或 .csv，而不是 {path} / write the roster as .xlsx or .csv");
        }

        File.Move(temporary, path, overwrite: true);
        return rows.Count;
    }

    /// <summary>Records a deadline other than 31 January of the following year for a region and report year (an extension, 延期).</summary>
    /// <exception cref="RosterException">The region is not a region of the national division list.</exception>
    public async Task SetDeadlineAsync(string regionCode, int year, DateOnly deadline, string? note, CancellationToken ct)
    {
        if (DivisionList.Default.Find(regionCode) is null) throw new RosterException($"{regionCode} 不是全国行政区划代码 / not a region code");
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_upsert_deadline"), new
        {
            RegionCode = regionCode, Year = year, Deadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Note = note, At = time.GetUtcNow().UtcDateTime,
        }, cancellationToken: ct));
        await new RegisterService(database, time).RefreshAsync(c, ct);
    }

    /// <summary>
    /// The deadline of a report year for a region: its own, else the nearest region above it with
    /// one, else 31 January of the following year.
    /// </summary>
    public static DateOnly DeadlineFor(string? regionCode, int year, IReadOnlyDictionary<string, DateOnly> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        for (var code = regionCode; !string.IsNullOrEmpty(code); code = code.Length > 2 ? code[..(code.Length - 2)] : null)
        {
            if (recorded.TryGetValue(code, out var deadline)) return deadline;
        }

        return new DateOnly(year + 1, 1, 31);
    }

    /// <summary>The deadlines recorded for a report year, by region code.</summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> DeadlinesAsync(int year, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<(string RegionCode, string Deadline, string? Note)>(new CommandDefinition(Sql.Get("queries/roster_deadlines"), new { Year = year }, cancellationToken: ct));
        return rows.ToDictionary(r => r.RegionCode, r => DateOnly.Parse(r.Deadline[..10], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>The open entry a row is: by 统一社会信用代码, then by name in its region, then by 原名称, then by alias.</summary>
    private static RosterEntryRow? Find(RosterRow row, List<RosterEntryRow> open, List<RosterAliasRow> aliases)
    {
        if (row.Uscc is not null && open.FirstOrDefault(e => e.Uscc == row.Uscc) is { } byCode) return byCode;
        bool SameRegion(RosterEntryRow e) => row.RegionCode is null || e.RegionCode is null || e.RegionCode == row.RegionCode;
        var key = TextKey.Of(row.Name);
        if (open.FirstOrDefault(e => e.NameKey == key && SameRegion(e)) is { } byName) return byName;
        if (row.FormerName is { } former && open.FirstOrDefault(e => e.NameKey == TextKey.Of(former) && SameRegion(e)) is { } byFormer) return byFormer;
        var aliased = aliases.Where(a => a.AliasKey == key).Select(a => a.EntityKey).ToHashSet();
        return open.FirstOrDefault(e => aliased.Contains(e.EntityKey) && SameRegion(e));
    }

    private Task InsertEntryAsync(DbConnection c, DbTransaction tx, long entity, RosterRow row, int year, string change, string file, DateTime now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_insert_entry"), new
        {
            EntityKey = entity, row.Name, NameKey = TextKey.Of(row.Name), row.RegionCode, row.AgencyType, Year = year, Change = change, ImportedFrom = file, At = now,
        }, tx, cancellationToken: ct));

    private Task InsertAliasAsync(DbConnection c, DbTransaction tx, long entity, string alias, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(Sql.Get("queries/roster_insert_alias"), new { EntityKey = entity, AliasKey = TextKey.Of(alias), Alias = alias }, tx, cancellationToken: ct));

    private sealed record ReportRow
    {
        public long ReportKey { get; init; }

        public string AgencyCode { get; init; } = "";

        public string Agency { get; init; } = "";

        public string? RegionCode { get; init; }

        public string? SourceUrl { get; init; }
    }

    private sealed record ProposalRow
    {
        public string Agency { get; init; } = "";

        public string? RegionCode { get; init; }

        public string? Region { get; init; }

        public string? AgencyType { get; init; }

        public long LastYear { get; init; }
    }
}
