using System.CommandLine;
using System.Globalization;
using System.Text;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Register.Rectification;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>register</c>: 通报 and 整改 (docs/register.md): the <c>notice</c> list of a year's problem
/// agencies (and its workbook), the supervisor's moves of the 整改 items (<c>notify</c>, <c>start</c>,
/// <c>close</c>), the 整改台账 (<c>items</c>) and an agency's <c>history</c>. Lists exit 0 whether or
/// not they hold problems (as <c>status</c> does; <c>roster check</c> is the check that exits 1); a
/// move that cannot be made is one Chinese-first line and exit 2, and nothing is written.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create() =>
        new("register", "通报与整改：问题单位通报名单、标记已通报/整改中/已整改、整改台账、单位历史。The 通报 list, 整改 items and their follow-up.")
        {
            Notice(), Notify(), Start(), Close(), Items(), History(),
        };

    private static readonly string[] OpenStates = ["待通报", "已通报", "整改中"];

    private static Option<int> Year(string description) => new("--year") { Description = description, Required = true, HelpName = "年度" };

    private static Option<string?> Region() => new("--region") { Description = "只看该地区及其下级，写代码或名称（36 或 江西省，3607 或 赣州市）。Only this region and below.", HelpName = "代码|名称" };

    private static Option<string?> Date(string description) => new("--date") { Description = description, HelpName = "yyyy-mm-dd" };

    private static Command Notice()
    {
        var db = IngestCommand.Database();
        var folder = DashboardsCommand.Folder();
        var year = Year("报告年度。The report year.");
        var region = Region();
        var output = new Option<string?>("--out") { Description = "同时写出通报工作簿（看板 notice）。Also write the 通报 workbook (dashboard notice).", HelpName = "FILE.xlsx" };
        var command = new Command("notice", "问题单位通报名单（序号、地区、单位、问题类型、具体问题、原文链接、发布日期、逾期天数），按地区和问题严重程度排列，可直接粘贴。The 通报 list of the year's problem agencies, ready to paste.")
        {
            db, year, region, output, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var console = pr.InvocationConfiguration.Output;
            var chosen = pr.GetValue(region) is { } r ? Choices.Region(r) : null;
            var database = Opening.ForReading(pr, db);
            var service = new RectificationService(database, TimeProvider.System);
            await RequireRosterAsync(service, ct);
            var y = pr.GetValue(year);
            var lines = await service.NoticeAsync(y, chosen?.Code, ct);
            var where = chosen is null ? "全部地区" : Choices.RegionTitle(chosen);
            await console.WriteAsync(NoticeText(y, where, lines));
            if (pr.GetValue(output) is { } path)
            {
                var catalog = DashboardCatalog.Load(DashboardsCommand.FolderOf(pr, folder));
                var result = await new Exporter(database, TimeProvider.System).ExportAsync(Choices.Dashboard(catalog, "notice"), new SelectionRequest(y, y, chosen?.Code, null, null), path, null, ct);
                await console.WriteLineAsync($"已写出通报工作簿 {Path.GetRelativePath(Environment.CurrentDirectory, result.Path)}。 / wrote the 通报 workbook");
            }

            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Notify()
    {
        var db = IngestCommand.Database();
        var year = Year("通报哪一报告年度的问题。The report year notified.");
        var reference = new Option<string>("--ref") { Description = "通报文号，如 赣府办公开〔2025〕3号。The 通报's reference.", Required = true, HelpName = "文号" };
        var date = Date("通报日期（默认今天）。The day of the 通报 (default today).");
        var region = Region();
        var items = new Option<string?>("--items") { Description = "只标记这些整改事项（序号见 register items），如 3,5。Only these items.", HelpName = "3,5" };
        var command = new Command("notify", "把该年度（地区）待通报的问题标记为已通报，记下日期和文号。Mark the year's pending items notified, with the date and reference.")
        {
            db, year, reference, date, region, items,
        };
        command.SetAction(async (pr, ct) =>
        {
            var chosen = pr.GetValue(region) is { } r ? Choices.Region(r) : null;
            var service = new RectificationService(IngestCommand.Open(pr, db), TimeProvider.System);
            await RequireRosterAsync(service, ct);
            var keys = pr.GetValue(items) is { } text ? Numbers(text, "--items") : [];
            var done = await service.NotifyAsync(pr.GetValue(year), chosen?.Code, keys, pr.GetValue(reference)!, Day(pr, date), ct);
            await Report(pr.InvocationConfiguration.Output, $"已通报 {done.Count} 项（{done[0].NotifiedOn}，{done[0].NoticeRef}）。 / {done.Count} item(s) notified", done);
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Start()
    {
        var db = IngestCommand.Database();
        var items = new Argument<long[]>("ITEM") { Description = "整改事项序号（见 register items）。The items' numbers.", Arity = ArgumentArity.OneOrMore };
        var date = Date("开始整改的日期（默认今天）。The day 整改 began (default today).");
        var command = new Command("start", "把已通报的事项标记为整改中。Mark notified items in progress.")
        {
            db, items, date,
        };
        command.SetAction(async (pr, ct) =>
        {
            var done = await new RectificationService(IngestCommand.Open(pr, db), TimeProvider.System).StartAsync(pr.GetValue(items)!, Day(pr, date), ct);
            await Report(pr.InvocationConfiguration.Output, $"整改中 {done.Count} 项。 / {done.Count} item(s) in progress", done);
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Close()
    {
        var db = IngestCommand.Database();
        var item = new Argument<long>("ITEM") { Description = "整改事项序号（见 register items）。The item's number." };
        var note = new Option<string>("--note") { Description = "销号理由（必填），如“已在门户网站更正”。Why it is closed (required).", Required = true, HelpName = "说明" };
        var date = Date("销号日期（默认今天）。The day it closed (default today).");
        var command = new Command("close", "手工销号：把未整改的事项标记为已整改，须写明理由；更正后的报告载入后会自动销号。Close an open item by hand, with a note.")
        {
            db, item, note, date,
        };
        command.SetAction(async (pr, ct) =>
        {
            var done = await new RectificationService(IngestCommand.Open(pr, db), TimeProvider.System).CloseAsync(pr.GetValue(item), pr.GetValue(note)!, Day(pr, date), ct);
            await Report(pr.InvocationConfiguration.Output, $"已整改（手工销号）：{done.Name}。 / closed by hand", [done]);
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Items()
    {
        var db = IngestCommand.Database();
        var year = new Option<int?>("--year") { Description = "报告年度（默认全部）。The report year (default all).", HelpName = "年度" };
        var region = Region();
        var open = new Option<bool>("--open") { Description = "只列未整改的事项。Only the items not closed." };
        var command = new Command("items", "整改台账：每个问题的状态（待通报、已通报、整改中、已整改）和日期、文号、销号方式。The 整改 items, open and closed, with their dates.")
        {
            db, year, region, open,
        };
        command.SetAction(async (pr, ct) =>
        {
            var chosen = pr.GetValue(region) is { } r ? Choices.Region(r) : null;
            var service = new RectificationService(Opening.ForReading(pr, db), TimeProvider.System);
            await RequireRosterAsync(service, ct);
            var all = await service.ItemsAsync(pr.GetValue(year), chosen?.Code, ct);
            var shown = pr.GetValue(open) ? all.Where(i => i.State != "closed").ToList() : all;
            var sb = new StringBuilder();
            var counts = string.Join("，", OpenStates.Select(s => $"{s} {all.Count(i => i.StateLabel == s)}"));
            sb.Append(CultureInfo.InvariantCulture, $"整改台账 {(pr.GetValue(year) is { } y ? $"{y} 年度" : "全部年度")}（{(chosen is null ? "全部地区" : Choices.RegionTitle(chosen))}）：共 {all.Count} 项，未整改 {all.Count(i => i.State != "closed")} 项（{counts}），已整改 {all.Count(i => i.State == "closed")} 项。\n");
            sb.Append(CultureInfo.InvariantCulture, $"/ {all.Count} item(s), {all.Count(i => i.State != "closed")} open\n");
            if (shown.Count > 0)
            {
                sb.Append("序号\t年度\t地区\t单位\t问题类型\t具体问题\t状态\t发现日期\t通报日期\t通报文号\t开始整改\t整改完成\t销号方式\t说明\n");
                foreach (var i in shown)
                {
                    sb.AppendJoin('\t', [i.ItemKey.ToString(CultureInfo.InvariantCulture), i.Year.ToString(CultureInfo.InvariantCulture), i.Region ?? "", i.Agency, i.KindLabel, i.Detail, i.StateLabel,
                        i.OpenedOn, i.NotifiedOn ?? "", i.NoticeRef ?? "", i.StartedOn ?? "", i.ClosedOn ?? "", i.ClosedHowLabel ?? "", i.ClosedNote ?? ""]).Append('\n');
                }
            }

            await pr.InvocationConfiguration.Output.WriteAsync(sb.ToString());
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command History()
    {
        var db = IngestCommand.Database();
        var name = new Argument<string>("单位名称") { Description = "应报名单上的单位名称（任一年度的名称、原名称或别名）。The agency's name on the roster." };
        var command = new Command("history", "单位的历年记录：报送状态、报告（含被更正报告取代的）、问题、整改事项及其经过。An agency's every year: status, reports (superseded too), problems, items and their events.")
        {
            db, name,
        };
        command.SetAction(async (pr, ct) =>
        {
            var service = new RectificationService(Opening.ForReading(pr, db), TimeProvider.System);
            await RequireRosterAsync(service, ct);
            var sb = new StringBuilder();
            foreach (var h in await service.HistoryAsync(pr.GetValue(name)!, ct)) HistoryText(sb, h);
            await pr.InvocationConfiguration.Output.WriteAsync(sb.ToString());
            return WarehouseCli.Ok;
        });
        return command;
    }

    /// <summary>The 通报 list as text: a heading, then tab-separated rows that paste into a spreadsheet or a Word table.</summary>
    public static string NoticeText(int year, string where, IReadOnlyList<NoticeLine> lines)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{year} 年度通报名单（{where}）：");
        if (lines.Count == 0) return sb.Append("没有发现问题的单位。 / no agency with a problem\n").ToString();
        sb.Append(CultureInfo.InvariantCulture, $"{lines.Select(l => l.EntityKey).Distinct().Count()} 个单位，{lines.Count} 个问题。 / {lines.Select(l => l.EntityKey).Distinct().Count()} agencies, {lines.Count} problems\n");
        sb.Append("序号\t地区\t单位\t问题类型\t具体问题\t原文链接\t发布日期\t逾期天数\n");
        var n = 0;
        foreach (var l in lines)
        {
            sb.AppendJoin('\t', [(++n).ToString(CultureInfo.InvariantCulture), l.Region ?? "地区未填", l.Agency, l.KindLabel, l.Detail, l.SourceUrl ?? "", l.FilingDate ?? "", l.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? ""]).Append('\n');
        }

        return sb.ToString();
    }

    private static void HistoryText(StringBuilder sb, AgencyHistory h)
    {
        var last = h.Years.Count > 0 ? h.Years[^1] : null;
        sb.Append(CultureInfo.InvariantCulture, $"{last?.Agency ?? (h.Items.Count > 0 ? h.Items[0].Agency : "")}（{Choices.RegionLabel(last?.RegionCode, last?.Region)}）\n");
        var years = h.Years.Select(y => y.Year).Union(h.Reports.Select(r => r.Year)).Union(h.Items.Select(i => i.Year)).Order();
        foreach (var year in years)
        {
            var e = h.Years.FirstOrDefault(y => y.Year == year);
            sb.Append(CultureInfo.InvariantCulture, $"{year} 年度 · {(e is null ? "不在应报名单中" : Entry(e))}\n");
            foreach (var r in h.Reports.Where(r => r.Year == year))
            {
                var state = r.IsCurrent ? "现行" : r.SupersededBy is { } by ? $"已被报告 {by} 取代（历史）" : "历史";
                sb.Append(CultureInfo.InvariantCulture, $"  报告 {r.ReportKey}（{r.Agency}）{state} · 落款日期 {r.Published ?? "未注明"} · 载入 {Beijing.Time(r.LoadedAt)} · {r.SourceUrl ?? "（未记录）"}\n");
            }

            foreach (var p in h.Problems.Where(p => p.Year == year))
            {
                sb.Append(CultureInfo.InvariantCulture, $"  问题 {p.KindLabel}：{p.Detail}{(p.ItemKey is { } k ? $"（整改事项 {k}，{p.ItemStateLabel}）" : "")}\n");
            }

            foreach (var i in h.Items.Where(i => i.Year == year))
            {
                sb.Append(CultureInfo.InvariantCulture, $"  整改事项 {i.ItemKey} {i.KindLabel} · {i.StateLabel}{(i.ClosedHowLabel is { } how ? $"（{how}）" : "")}：{i.Detail}\n");
                foreach (var v in h.Events.Where(v => v.ItemKey == i.ItemKey))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    {Beijing.Time(v.At)} {StateLabel(v.State)}{(v.Note is { } note && note != i.Detail ? $"：{note}" : "")}\n");
                }
            }
        }
    }

    private static string Entry(HistoryYear e)
    {
        var parts = new List<string> { e.StatusLabel, $"期限 {e.Deadline}" };
        if (e.FilingDate is { } f) parts.Add($"发布日期 {f}");
        if (e.DaysLate is { } late) parts.Add($"逾期 {late} 天");
        if (e.MissingRun is > 1) parts.Add($"连续 {e.MissingRun} 年未发布");
        if (e.ReportedAs is { } r) parts.Add($"报告署名「{r}」");
        return string.Join(" · ", parts);
    }

    private static string StateLabel(string state) => state switch
    {
        "pending" => "发现问题（待通报）",
        "notified" => "已通报",
        "in_progress" => "整改中",
        "closed" => "已整改",
        _ => state,
    };

    private static async Task Report(TextWriter output, string heading, IReadOnlyList<RectificationItem> items)
    {
        await output.WriteLineAsync(heading);
        foreach (var i in items) await output.WriteLineAsync($"  {i.ItemKey}\t{i.Region ?? ""}\t{i.Agency}\t{i.Year} 年度\t{i.KindLabel}\t{i.Detail}");
    }

    private static async Task RequireRosterAsync(RectificationService service, CancellationToken ct)
    {
        if (!await service.HasRosterAsync(ct)) throw new UserError(NoRoster);
    }

    /// <summary>What a command of the register says when no roster was imported.</summary>
    public const string NoRoster = "未导入应报名单：通报和整改以应报名单为准，请先用 ./warehouse roster import 名单.xlsx --year 年度 导入（或 roster propose 生成草稿）。No roster imported: import one with 'roster import'.";

    private static DateOnly? Day(System.CommandLine.ParseResult pr, Option<string?> date)
    {
        if (pr.GetValue(date) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UserError($"--date {text}：应写成 yyyy-mm-dd，如 2025-03-10。--date takes yyyy-mm-dd.");
    }

    private static List<long> Numbers(string text, string option) =>
        text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UserError($"{option} {text}：应写整改事项的序号，用逗号分开，如 3,5。{option} takes item numbers, e.g. 3,5."))
            .ToList();
}
