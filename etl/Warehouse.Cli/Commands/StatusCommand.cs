using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warehouse.Core;
using Warehouse.Data;
using Warehouse.Register.Rectification;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>status</c>: what is loaded, and for supervisors the reports that are late, undated or
/// inconsistent (each with its findings and its source link) and the agencies that are missing.
/// Reads the warehouse without changing it; a path that holds none, or a year or region with no
/// report, is said in one sentence with exit 2.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = IngestCommand.Database();
        var year = new Option<int?>("--year") { Description = "报告年度（默认：已载入的最近一年）。The report year (default: the latest loaded).", HelpName = "年度" };
        var region = new Option<string?>("--region") { Description = "只看该地区及其下级，写代码或名称（36 或 江西省，3607 或 赣州市，370212 或 崂山区）。Only this region and below, by code or name.", HelpName = "代码|名称" };
        var limit = new Option<int>("--limit") { Description = "每个列表最多显示几项，0 显示全部（默认 20）。At most this many entries per list, 0 for all.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "输出 JSON（含每个列表的总数）。Print JSON, with each list's total." };
        var command = new Command("status", "数据仓库概况：报告、机关和问题的数量，逾期、未注明日期或有问题的报告（列出每条问题和原文链接），以及未发布或无法核实（抓取失败、无法读取）的机关；只读，不改动仓库。Counts, and the reports that are late, undated or inconsistent, and the agencies missing or unverifiable.")
        {
            db, year, region, limit, json,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(limit);
            if (n < 0) throw new UserError($"--limit {n}：应为 0 或正整数（0 显示全部）。--limit takes a whole number, 0 for all.");
            var chosenRegion = pr.GetValue(region) is { } r ? Choices.Region(r) : null;
            var database = Opening.ForReading(pr, db);
            var queries = new StatusQueries(database.Sql);
            await using var connection = await database.OpenAsync(ct);

            var all = await queries.LoadedYearsAsync(connection, chosenRegion?.Code, null, ct);
            var chosenYear = pr.GetValue(year) ?? (all.Count == 0 ? null : (int)all[^1].Year);
            var (years, noData) = await Coverage.CheckAsync(connection, queries, chosenYear, chosenYear, chosenRegion, null, ct);
            var rectification = new RectificationService(database, TimeProvider.System);
            var hasRoster = await rectification.HasRosterAsync(ct);

            // With a roster, missing means on the roster without a report (an agency that never
            // published too); without one, rule 6: reported last year and not this year.
            var missing = chosenYear is not { } y ? []
                : hasRoster ? await queries.RosterMissingAsync(connection, y, chosenRegion?.Code, n, ct)
                : await queries.MissingAsync(connection, y, chosenRegion?.Code, n, ct);

            // Nothing for this year and region: say so, with where the data is. The agencies that
            // published the year before and not this year are still worth showing.
            if (noData is not null && missing.Count == 0) throw new UserError(noData);

            var counts = await queries.CountsAsync(connection, chosenYear, chosenRegion?.Code, ct);
            var problems = await queries.ProblemsAsync(connection, chosenYear, chosenRegion?.Code, n, ct);
            var findings = new Dictionary<long, IReadOnlyList<Finding>>();
            foreach (var p in problems) findings[p.ReportKey] = (await queries.FindingsAsync(connection, p.ReportKey, ct)).Select(FindingText.From).ToList();

            var resemblances = await queries.ResemblancesAsync(connection, chosenYear, chosenRegion?.Code, n, ct);
            var register = !hasRoster ? null : new RegisterStatus(
                chosenYear is { } ny ? await rectification.NoticeAsync(ny, chosenRegion?.Code, ct) : [],
                await rectification.ItemsAsync(null, chosenRegion?.Code, ct));
            var view = new StatusView(database, chosenYear, chosenRegion, years, n, counts, problems, findings, missing, resemblances, register);
            await output.WriteAsync(pr.GetValue(json) ? view.Json() : view.Text());
            if (noData is null) return WarehouseCli.Ok;
            await pr.InvocationConfiguration.Error.WriteLineAsync($"warehouse: {noData}");
            return WarehouseCli.BadInput;
        });
        return command;
    }

    /// <summary>The status as text (Chinese first) or JSON (with totals).</summary>
    private sealed record StatusView(
        WarehouseDatabase Database,
        int? Year,
        Core.Regions.Region? Region,
        IReadOnlyList<LoadedYear> Years,
        int Limit,
        WarehouseCounts Counts,
        IReadOnlyList<ProblemReport> Problems,
        IReadOnlyDictionary<long, IReadOnlyList<Finding>> Findings,
        IReadOnlyList<MissingReport> Missing,
        IReadOnlyList<ResemblanceRow> Resemblances,
        RegisterStatus? Register)
    {
        private long ResemblanceTotal => Resemblances.Count == 0 ? 0 : Resemblances[0].Total;

        private long ProblemTotal => Problems.Count == 0 ? 0 : Problems[0].Total;

        private long MissingTotal => Missing.Count == 0 ? 0 : Missing[0].Total;

        public string Text()
        {
            var sb = new StringBuilder();
            var year = Year?.ToString(CultureInfo.InvariantCulture) ?? "—";
            sb.Append(CultureInfo.InvariantCulture, $"数据仓库 warehouse  {Database.Target.Display}\n");
            sb.Append(CultureInfo.InvariantCulture, $"年度 year {year} · 地区 region {(Region is null ? "全部 all" : Choices.RegionTitle(Region))}\n");
            sb.Append(CultureInfo.InvariantCulture, $"已载入的年度 loaded years：{(Years.Count == 0 ? "无" : string.Join("、", Years.Select(y => Region is null ? $"{y.Year}（{y.Reports} 份）" : $"{y.Year}（{Region.Name} {y.Matching} 份 / 共 {y.Reports} 份）")))}\n");
            var c = Counts;
            sb.Append(CultureInfo.InvariantCulture, $"报告 {c.Reports} 份，机关 {c.Agencies} 个；错误 {c.Errors} 条，警告 {c.Warnings} 条。被新文件取代的文件 {c.Superseded} 份，拒收的文件 {c.Rejected} 份，原始文件库共 {c.Documents} 份；最近载入 {Beijing.Time(c.LatestLoad)}\n");
            sb.Append(CultureInfo.InvariantCulture, $"reports {c.Reports}, agencies {c.Agencies}, errors {c.Errors}, warnings {c.Warnings}; superseded {c.Superseded}, rejected {c.Rejected}, documents {c.Documents}\n");

            sb.Append(CultureInfo.InvariantCulture, $"\n逾期、未注明日期或有问题的报告 Late, undated or inconsistent reports：{Shown(Problems.Count, ProblemTotal, "份")}\n");
            var i = 0;
            foreach (var p in Problems)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{++i,3}. {p.Agency} · {p.Year} 年度 · {Choices.RegionLabel(p.RegionCode, p.Region)} · {Filing(p)} · 错误 {p.ErrorCount} 条，警告 {p.WarningCount} 条\n");
                sb.Append(CultureInfo.InvariantCulture, $"     原文链接 {p.Source ?? "（未记录）"}\n");
                foreach (var f in Findings[p.ReportKey]) sb.Append("     ").Append(FindingText.Line(f)).Append('\n');
            }

            var basis = Register is not null ? "应报名单上没有报告的单位" : Year is { } y ? $"{y - 1} 年有报告、{y} 年没有" : "—";
            sb.Append(CultureInfo.InvariantCulture, $"\n未发布或无法核实 Missing or unverifiable（{basis}）：{Shown(Missing.Count, MissingTotal, "个")}\n");
            i = 0;
            foreach (var m in Missing)
            {
                var run = m.MissingRun is > 1 ? $"，已连续 {m.MissingRun} 年未发布" : "";
                var last = m.LastYear > 0 ? $"上一份报告 {m.LastYear} 年度" : "从未收到报告";
                sb.Append(CultureInfo.InvariantCulture, $"{++i,3}. {m.Agency} · {Choices.RegionLabel(m.RegionCode, m.Region)} · {m.StatusLabel}{run} · {last}\n");
                if (m.LastYear > 0) sb.Append(CultureInfo.InvariantCulture, $"     原文链接（{m.LastYear} 年度）{m.LastSource ?? "（未记录）"}\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"\n雷同 Copied text or tables：{Shown(Resemblances.Count, ResemblanceTotal, "处")}\n");
            i = 0;
            foreach (var r in Resemblances)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{++i,3}. {r.Agency} · {r.Year} 年度 · {Choices.RegionLabel(r.RegionCode, r.Region)} · {r.Describe()}\n");
                sb.Append(CultureInfo.InvariantCulture, $"     原文链接 {r.Source ?? "（未记录）"}\n");
            }

            Notice(sb);
            return sb.ToString();
        }

        /// <summary>The year's 通报 list and the open 整改 items, or how to import the roster they need.</summary>
        private void Notice(StringBuilder sb)
        {
            if (Register is not { } r)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n通报名单 Notice list：未导入应报名单。用 ./warehouse roster import 名单.xlsx --year {Year?.ToString(CultureInfo.InvariantCulture) ?? "年度"} 导入（或 roster propose 生成草稿）后，这里列出存在问题的单位和整改事项。No roster imported.\n");
                return;
            }

            var agencies = r.Notice.Select(l => l.EntityKey).Distinct().Count();
            sb.Append(CultureInfo.InvariantCulture, $"\n通报名单 Notice list（{Year} 年度，按地区和问题严重程度；register notice 可粘贴）：{(r.Notice.Count == 0 ? "无 none" : $"{agencies} 个单位，{r.Notice.Count} 个问题")}{(Limit > 0 && r.Notice.Count > Limit ? $"，显示前 {Limit} 个（--limit 0 显示全部）" : "")}\n");
            var i = 0;
            foreach (var l in Limit > 0 ? r.Notice.Take(Limit) : r.Notice)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{++i,3}. {l.Region ?? "地区未填"} · {l.Agency} · {l.KindLabel} · {l.Detail}{(l.ItemStateLabel is { } state ? $"（{state}）" : "")}\n");
            }

            var open = r.Items.Where(x => x.State != "closed").ToList();
            sb.Append(CultureInfo.InvariantCulture, $"\n未整改事项 Open 整改 items：{open.Count} 项（待通报 {open.Count(x => x.State == "pending")}，已通报 {open.Count(x => x.State == "notified")}，整改中 {open.Count(x => x.State == "in_progress")}），已整改 {r.Items.Count - open.Count} 项；register items --open 列出。\n");
        }

        public string Json()
        {
            var value = new
            {
                warehouse = Database.Target.Display,
                year = Year,
                region = Region is null ? null : new { code = Region.Code, name = Region.Name, title = Choices.RegionTitle(Region) },
                loaded_years = Years.Select(y => new { year = y.Year, reports = y.Reports, matching = y.Matching }),
                limit = Limit,
                counts = Counts,
                totals = new { late_or_inconsistent = ProblemTotal, missing = MissingTotal, resemblances = ResemblanceTotal },
                shown = new { late_or_inconsistent = Problems.Count, missing = Missing.Count, resemblances = Resemblances.Count },
                late_or_inconsistent = Problems.Select(p => new
                {
                    year = p.Year,
                    agency = p.Agency,
                    region_code = p.RegionCode,
                    region = p.Region,
                    published = p.Published,
                    portal_published = p.PortalPublished,
                    filing_date = p.FilingDate,
                    published_source = p.PublishedSource,
                    published_source_label = Summary.DateSource(p.PublishedSource),
                    status = p.FilingDate is null ? "undated" : p.Late == true ? "late" : "on_time",
                    status_label = p.FilingDate is null ? Summary.Undated : p.Late == true ? "逾期发布" : "按时发布",
                    late = p.Late,
                    error_count = p.ErrorCount,
                    warning_count = p.WarningCount,
                    source = p.Source,
                    findings = Findings[p.ReportKey].Select(FindingText.Json),
                }),
                roster = Register is not null,
                notice = Register?.Notice.Take(Limit > 0 ? Limit : int.MaxValue).Select(l => new
                {
                    year = l.Year, region_code = l.RegionCode, region = l.Region, agency = l.Agency, kind = l.Kind, kind_label = l.KindLabel, detail = l.Detail,
                    source = l.SourceUrl, filing_date = l.FilingDate, days_late = l.DaysLate, item = l.ItemKey, item_state = l.ItemState,
                }),
                notice_total = Register?.Notice.Count,
                open_items = Register?.Items.Count(x => x.State != "closed"),
                missing = Missing.Select(m => new { agency = m.Agency, region_code = m.RegionCode, region = m.Region, status = m.Status, status_label = m.StatusLabel, last_year = m.LastYear > 0 ? m.LastYear : (long?)null, last_source = m.LastSource, missing_run = m.MissingRun }),
                resemblances = Resemblances.Select(r => new
                {
                    year = r.Year, agency = r.Agency, region_code = r.RegionCode, region = r.Region, kind = r.Kind, shared_share = Math.Round(r.SharedShare, 3),
                    resembles_agency = r.ResemblesAgency, resembles_year = r.ResemblesYear, description = r.Describe(), source = r.Source,
                }),
            };
            return JsonSerializer.Serialize(value, Options) + "\n";
        }

        private static readonly JsonSerializerOptions Options = new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>"共 8 份", or "显示 20 / 共 150（--limit 0 显示全部）" when the list is cut short.</summary>
        private static string Shown(int shown, long total, string unit) =>
            total == 0 ? "无 none" : shown < total ? $"显示 {shown} / 共 {total}（--limit 0 显示全部） showing {shown} of {total} (--limit 0 for all)" : $"共 {total} {unit}";

        /// <summary>"发布日期 2025-03-10（门户网站），逾期发布" or "…（落款日期）…": the date lateness was judged by, and whose it is; or 未注明日期.</summary>
        private static string Filing(ProblemReport p) =>
            p.FilingDate is null ? Summary.Undated : $"发布日期 {p.FilingDate}（{Summary.DateSource(p.PublishedSource)}），{(p.Late == true ? "逾期发布" : "按时发布")}";
    }

    /// <summary>What the register adds to the status when a roster exists: the year's 通报 list and the 整改 items.</summary>
    private sealed record RegisterStatus(IReadOnlyList<NoticeLine> Notice, IReadOnlyList<RectificationItem> Items);
}
