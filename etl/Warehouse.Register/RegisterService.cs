using System.Data.Common;
using System.Globalization;
using Dapper;
using Warehouse.Data;
using Warehouse.Register.Roster;

namespace Warehouse.Register;

/// <summary>What a refresh of the register did: entries (roster entity × year) and problems written, 整改 items opened and closed.</summary>
public sealed record RegisterSummary(int Entries, int Problems, int Opened, int Closed)
{
    /// <summary>The register has no roster to work from (nothing written).</summary>
    public static RegisterSummary Empty { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// The supervisor's register (报送台账, docs/register.md): for every roster entity and every year it
/// was on the roster, the report matched to it (<see cref="RosterMatcher"/>), its status judged
/// against the region's deadline (按时发布, 逾期发布 with the days late, 未发布 with the years missing
/// in a row, 无法核实, 未到期限), and its problems (未发布, 逾期, arithmetic errors, missing sections,
/// prose against table, 雷同); then the 整改 items kept in step: a problem new to the register opens
/// an item (待通报), and an open item whose problem is gone is closed with how (a corrected report, the
/// report published, the next year on time). Rebuilt whole in one transaction; items are never deleted.
/// </summary>
public sealed class RegisterService(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>Problem kinds, in the order of severity a 通报 sorts by (1 most severe).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["missing", "unreadable", "late", "arithmetic", "resemblance", "completeness", "prose_table"];

    private static readonly string[] Recurring = ["missing", "late"];

    /// <summary>Rebuilds the register on its own connection.</summary>
    public async Task<RegisterSummary> RefreshAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await RefreshAsync(c, ct);
    }

    /// <summary>Rebuilds the register on <paramref name="c"/> (a loader's connection, no transaction open).</summary>
    public async Task<RegisterSummary> RefreshAsync(DbConnection c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sql = database.Sql;
        async Task<List<T>> Read<T>(string name) => (await c.QueryAsync<T>(new CommandDefinition(sql.Get("queries/" + name), cancellationToken: ct))).ToList();

        var versions = await Read<RosterEntryRow>("register_roster_entries");
        if (versions.Count == 0) return RegisterSummary.Empty; // no roster imported: nothing to judge, nothing written

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var reports = await Read<ReportRow>("register_reports");
        var entries = Build(versions, reports, await Read<RosterAliasRow>("roster_aliases"), await Read<UnverifiableRow>("register_unverifiable"), await Read<DeadlineRow>("register_all_deadlines"), today);
        var problems = Problems(entries, await Read<FindingRow>("register_findings"), await Read<ResemblanceRow>("register_resemblances"));
        var items = await Read<ItemRow>("rectification_items");

        await using var tx = await c.BeginTransactionAsync(ct);
        Task Write(string name, object rows) => c.ExecuteAsync(new CommandDefinition(sql.Get("queries/" + name), rows, tx, cancellationToken: ct));
        await Write("register_clear", new { });
        var at = now.UtcDateTime;
        await Write("register_insert_entry", entries.Select(e => new
        {
            e.EntityKey, e.Year, e.EntryKey, e.Agency, e.RegionCode, e.AgencyType, e.ReportKey, Deadline = Day(e.Deadline), FilingDate = e.FilingDate is { } f ? Day(f) : null,
            e.PublishedSource, e.Status, e.DaysLate, e.MissingRun, RefreshedAt = at,
        }));
        await Write("register_insert_problem", problems);
        var loadedAt = reports.ToDictionary(r => r.ReportKey, r => r.LoadedAt);
        var (opened, closed) = await SyncItemsAsync(c, tx, entries, problems, items, loadedAt, today, at, ct);
        await tx.CommitAsync(ct);
        return new RegisterSummary(entries.Count, problems.Count, opened, closed);
    }

    /// <summary>Each entity's entry of each year it was on the roster, from its first roster year to the latest year reported or rostered.</summary>
    private static List<Entry> Build(List<RosterEntryRow> versions, List<ReportRow> reports, List<RosterAliasRow> aliases, List<UnverifiableRow> unverifiable, List<DeadlineRow> deadlines, DateOnly today)
    {
        var first = (int)versions.Min(v => v.ValidFromYear);
        var last = (int)Math.Max(versions.Max(v => v.ValidFromYear), reports.Count == 0 ? 0 : reports.Max(r => r.Year));
        var aliasPairs = aliases.Select(a => (a.EntityKey, a.AliasKey)).ToList();
        var aliasesOf = aliases.ToLookup(a => a.EntityKey, a => a.AliasKey);
        // Unreadable wins over crawl_failed: a document came, whatever the last crawl did.
        var unknown = unverifiable.GroupBy(u => (u.AgencyCode, (int)u.Year)).ToDictionary(g => g.Key, g => g.Any(u => u.Status == "unreadable") ? "unreadable" : "crawl_failed");
        var crawlFailed = unverifiable.Where(u => u.Status == "crawl_failed").Select(u => u.AgencyCode).ToHashSet(StringComparer.Ordinal);
        var reportOf = reports.ToDictionary(r => r.ReportKey);
        var entries = new List<Entry>();
        for (var year = first; year <= last; year++)
        {
            var valid = versions.Where(v => v.ValidFromYear <= year && (v.ValidToYear is null || v.ValidToYear >= year)).ToList();
            if (valid.Count == 0) continue;
            var recorded = deadlines.Where(d => d.Year == year).ToDictionary(d => d.RegionCode, d => DateOnly.ParseExact(d.Deadline[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal);
            var match = RosterMatcher.Match(
                year,
                valid.Select(v => new RosterEntryKey(v.EntityKey, v.NameKey, v.ToAgency())).ToList(),
                aliasPairs,
                reports.Where(r => r.Year == year).Select(r => (r.AgencyCode, new RosterReport(r.ReportKey, r.Agency, r.RegionCode, r.SourceUrl))).ToList());

            // Several reports for one entry: the one published last stands for it (roster check lists the others).
            var matched = match.Matched.GroupBy(m => m.Agency.EntityKey)
                .ToDictionary(g => g.Key, g => g.Select(m => reportOf[m.Report.ReportKey]).OrderByDescending(r => FilingDate(r)).ThenByDescending(r => r.ReportKey).First());
            foreach (var v in valid)
            {
                var deadline = RosterService.DeadlineFor(v.RegionCode, year, recorded);
                var entry = new Entry { EntityKey = v.EntityKey, Year = year, EntryKey = v.EntryKey, Agency = v.Name, RegionCode = v.RegionCode, AgencyType = v.AgencyType, Deadline = deadline };
                if (matched.TryGetValue(v.EntityKey, out var report))
                {
                    var filed = FilingDate(report);
                    entry = entry with
                    {
                        ReportKey = report.ReportKey, FilingDate = filed, PublishedSource = filed is null ? null : report.PublishedSource ?? (report.PortalPublished is null ? "signed" : "portal"),
                        Status = filed is not { } f ? "undated" : f > deadline ? "late" : "on_time",
                        DaysLate = filed is { } d && d > deadline ? d.DayNumber - deadline.DayNumber : null,
                    };
                }
                else
                {
                    string[] keys = [v.NameKey, .. aliasesOf[v.EntityKey]];
                    var known = keys.Select(k => unknown.GetValueOrDefault((k, year))).FirstOrDefault(s => s is not null)
                        ?? (keys.Any(crawlFailed.Contains) ? "crawl_failed" : null);
                    entry = entry with { Status = known ?? (today <= deadline ? "not_due" : "missing") };
                }

                entries.Add(entry);
            }
        }

        // Years missing in a row: a run is broken by a year with a report, or off the roster.
        foreach (var entity in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].EntityKey))
        {
            var run = 0;
            var previous = int.MinValue;
            foreach (var i in entity.OrderBy(i => entries[i].Year))
            {
                var e = entries[i];
                run = e.Status == "missing" ? (e.Year == previous + 1 ? run : 0) + 1 : 0;
                previous = e.Year;
                if (e.Status == "missing") entries[i] = e with { MissingRun = run };
            }
        }

        return entries;
    }

    /// <summary>The problems of each entry, each with its Chinese sentence (the 通报's 具体问题).</summary>
    private static List<Problem> Problems(List<Entry> entries, List<FindingRow> findings, List<ResemblanceRow> resemblances)
    {
        var problems = new List<Problem>();
        var seen = new HashSet<(long, int, string)>();
        var findingsOf = findings.ToLookup(f => f.ReportKey);
        var resemblancesOf = resemblances.ToLookup(r => r.ReportKey);
        foreach (var e in entries)
        {
            void Add(string key, string kind, string detail, long? report)
            {
                if (!seen.Add((e.EntityKey, e.Year, key))) return;
                problems.Add(new Problem(e.EntityKey, e.Year, key, kind, Severity(kind), detail, report));
            }

            var deadline = Day(e.Deadline);
            switch (e.Status)
            {
                case "missing":
                    Add("missing", "missing", e.MissingRun is > 1
                        ? $"{e.Year} 年度报告未发布（期限 {deadline}），已连续 {e.MissingRun} 年未发布。"
                        : $"{e.Year} 年度报告未发布（期限 {deadline}）。", null);
                    break;
                case "unreadable":
                    Add("unreadable", "unreadable", $"收到的 {e.Year} 年度报告文件无法读取（如无文字层的扫描件），无法核实其内容。", null);
                    break;
                case "late":
                    Add("late", "late", $"逾期 {e.DaysLate} 天发布：{Day(e.FilingDate!.Value)} 发布（{(e.PublishedSource == "portal" ? "门户网站发布日期" : "落款日期")}），期限 {deadline}。", e.ReportKey);
                    break;
            }

            if (e.ReportKey is not { } reportKey) continue;
            foreach (var f in findingsOf[reportKey])
            {
                var sentence = Sentence(f.Message);
                var kind = f.RuleCode switch { "completeness" => "completeness", "prose_table" => "prose_table", _ => "arithmetic" };
                var key = f.RowCode is null && f.ColumnCode is null ? $"{f.RuleCode}:{sentence}" : $"{f.RuleCode}:{f.RowCode}:{f.ColumnCode}";
                Add(key, kind, sentence, reportKey);
            }

            foreach (var r in resemblancesOf[reportKey])
            {
                var share = r.ShareIdentical.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
                var detail = r.Kind switch
                {
                    "earlier_year" => $"照搬往年：报告文字 {share} 与本机关 {r.ResemblesYear} 年度报告相同（雷同）。",
                    "same_region_year" => $"同地区雷同：报告文字 {share} 与同地区「{r.ResemblesAgency}」{r.ResemblesYear} 年度报告相同（雷同）。",
                    _ => $"表三照搬：表三各格与本机关 {r.ResemblesYear} 年度报告完全相同（雷同）。",
                };
                Add($"resemblance:{r.Kind}", "resemblance", detail, reportKey);
            }
        }

        return problems;
    }

    /// <summary>
    /// Opens an item for each problem new to the register and closes each open item whose problem
    /// is gone, or, for one that recurs by nature (未发布, 逾期发布), whose next year is on time.
    /// An item closed while its problem stays in the same report (by hand, or by the next year) is
    /// not opened again; a problem back in a newer report is a new item.
    /// </summary>
    private async Task<(int Opened, int Closed)> SyncItemsAsync(DbConnection c, DbTransaction tx, List<Entry> entries, List<Problem> problems, List<ItemRow> items, Dictionary<long, DateTime> loadedAt, DateOnly today, DateTime at, CancellationToken ct)
    {
        var sql = database.Sql;
        var entryOf = entries.ToDictionary(e => (e.EntityKey, e.Year));
        var problemOf = problems.ToDictionary(p => (p.EntityKey, p.Year, p.ProblemKey));
        var latest = items.GroupBy(i => (i.EntityKey, (int)i.Year, i.ProblemKey)).ToDictionary(g => g.Key, g => g.Last());
        var on = Day(today);
        int opened = 0, closed = 0;

        async Task Close(ItemRow item, string how, string note, long? report)
        {
            await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/rectification_close"), new { item.ItemKey, On = on, How = how, Note = note, ClosedReportKey = report }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/rectification_insert_event"), new { item.ItemKey, State = "closed", At = at, Note = note }, tx, cancellationToken: ct));
            closed++;
        }

        foreach (var item in latest.Values.Where(i => i.State != "closed"))
        {
            var year = (int)item.Year;
            var entry = entryOf.GetValueOrDefault((item.EntityKey, year));
            if (problemOf.ContainsKey((item.EntityKey, year, item.ProblemKey)))
            {
                if (Recurring.Contains(item.Kind) && entryOf.GetValueOrDefault((item.EntityKey, year + 1)) is { Status: "on_time" } next)
                {
                    await Close(item, "next_year", $"{year + 1} 年度报告已按时发布（{Day(next.FilingDate!.Value)}）。", next.ReportKey);
                }

                continue;
            }

            if (entry is null)
            {
                await Close(item, "problem_gone", $"该单位已不在 {year} 年度应报名单中。", null);
            }
            else if (item.Kind == "missing" && entry.ReportKey is { } known && loadedAt.GetValueOrDefault(known) < item.OpenedAt)
            {
                // The report was here before the item: the roster could not name it until it was corrected (a rename, an alias).
                await Close(item, "problem_gone", "应报名单更新后已与此前收到的报告对应（原名单未能匹配该报告）。", known);
            }
            else if (item.Kind == "missing" && entry.ReportKey is { } published)
            {
                await Close(item, "published", entry.FilingDate is { } d ? $"已于 {Day(d)} 发布。" : "已发布（未注明日期）。", published);
            }
            else if (item.ReportKey is { } was && entry.ReportKey is { } now && now != was)
            {
                await Close(item, "corrected_report", "更正后的报告已不再有此问题。", now);
            }
            else
            {
                await Close(item, "problem_gone", "重新核对后不再存在此问题（截止日期或报告的读取已更正）。", entry.ReportKey);
            }
        }

        foreach (var p in problems)
        {
            if (latest.TryGetValue((p.EntityKey, p.Year, p.ProblemKey), out var last)
                && (last.State != "closed" || last.ReportKey == p.ReportKey || last.ClosedReportKey == p.ReportKey))
            {
                continue;
            }

            // 未发布 before the deadline is not a problem (not_due has none); only problems a supervisor can act on open items.
            var key = await c.ExecuteScalarAsync<long>(new CommandDefinition(sql.Get("queries/rectification_insert"), new
            {
                p.EntityKey, p.Year, p.ProblemKey, p.Kind, p.Severity, p.Detail, p.ReportKey, At = at,
            }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(sql.Get("queries/rectification_insert_event"), new { ItemKey = key, State = "pending", At = at, Note = p.Detail }, tx, cancellationToken: ct));
            opened++;
        }

        return (opened, closed);
    }

    private static int Severity(string kind) => Kinds.ToList().IndexOf(kind) + 1;

    /// <summary>A finding's Chinese sentence: its message up to the first 。 (the validator writes Chinese first, English after).</summary>
    private static string Sentence(string message)
    {
        var end = message.IndexOf('。', StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static DateOnly? FilingDate(ReportRow r) => Date(r.PortalPublished) ?? Date(r.Published);

    private static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Entry
    {
        public long EntityKey { get; init; }

        public int Year { get; init; }

        public long EntryKey { get; init; }

        public string Agency { get; init; } = "";

        public string? RegionCode { get; init; }

        public string? AgencyType { get; init; }

        public long? ReportKey { get; init; }

        public DateOnly Deadline { get; init; }

        public DateOnly? FilingDate { get; init; }

        public string? PublishedSource { get; init; }

        public string Status { get; init; } = "missing";

        public int? DaysLate { get; init; }

        public int? MissingRun { get; init; }
    }

    private sealed record Problem(long EntityKey, int Year, string ProblemKey, string Kind, int Severity, string Detail, long? ReportKey);

    private sealed record ReportRow
    {
        public long ReportKey { get; init; }

        public string AgencyCode { get; init; } = "";

        public string Agency { get; init; } = "";

        public string? RegionCode { get; init; }

        public long Year { get; init; }

        public string? Published { get; init; }

        public string? PortalPublished { get; init; }

        public string? PublishedSource { get; init; }

        public string? SourceUrl { get; init; }

        public DateTime LoadedAt { get; init; }
    }

    private sealed record UnverifiableRow
    {
        public string AgencyCode { get; init; } = "";

        public long Year { get; init; }

        public string Status { get; init; } = "";
    }

    private sealed record DeadlineRow
    {
        public string RegionCode { get; init; } = "";

        public long Year { get; init; }

        public string Deadline { get; init; } = "";
    }

    private sealed record FindingRow
    {
        public long FindingKey { get; init; }

        public long ReportKey { get; init; }

        public string RuleCode { get; init; } = "";

        public string Severity { get; init; } = "";

        public string? RowCode { get; init; }

        public string? ColumnCode { get; init; }

        public string Message { get; init; } = "";
    }

    private sealed record ResemblanceRow
    {
        public long ReportKey { get; init; }

        public string Kind { get; init; } = "";

        public double ShareIdentical { get; init; }

        public string? ResemblesAgency { get; init; }

        public long? ResemblesYear { get; init; }
    }

    private sealed record ItemRow
    {
        public long ItemKey { get; init; }

        public long EntityKey { get; init; }

        public long Year { get; init; }

        public string ProblemKey { get; init; } = "";

        public string Kind { get; init; } = "";

        public long? ReportKey { get; init; }

        public string State { get; init; } = "";

        public DateTime OpenedAt { get; init; }

        public long? ClosedReportKey { get; init; }
    }
}
