using System.CommandLine;
using System.Globalization;
using Warehouse.Register.Roster;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>roster</c>: the roster of agencies expected to report (应报名单): <c>import</c> a supervisor's
/// spreadsheet for a year, <c>propose</c> one from the reports of earlier years, <c>check</c> it
/// against a year's reports, record a <c>deadline</c> other than 31 January.
/// </summary>
internal static class RosterCommand
{
    public static Command Create() =>
        new("roster", "应报名单：导入、生成、与报告核对、设定报送期限。The roster of agencies expected to report: import, propose, check, deadlines.")
        {
            Import(), Propose(), Check(), Deadline(),
        };

    private static Option<int> Year(string description) => new("--year") { Description = description, Required = true, HelpName = "年度" };

    private static Command Import()
    {
        var db = IngestCommand.Database();
        var file = new Argument<string>("FILE") { Description = "名单文件（.xlsx 或 .csv），表头：单位名称、地区、机关类型，可选 统一社会信用代码、别名、原名称。The roster spreadsheet." };
        var year = Year("名单自哪一报告年度起适用。The first report year the roster applies to.");
        var command = new Command("import", "导入应报名单：新增、更名、迁移和撤并的单位自该年度起生效，历史保留；文件中有任何问题则全部不导入。Import a roster from a report year on; nothing is imported when the file has a problem.")
        {
            db, file, year,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var service = new RosterService(IngestCommand.Open(pr, db), TimeProvider.System);
            var r = await service.ImportAsync(pr.GetValue(file)!, pr.GetValue(year), ct);
            await output.WriteLineAsync($"已导入 {r.Year} 年起的应报名单：{r.Rows} 个单位，其中新增 {r.Added}，更名 {r.Renamed}，地区变更 {r.Moved}，类型变更 {r.Retyped}，不变 {r.Unchanged}；移出名单 {r.Removed.Count}。" +
                $" / imported the roster from {r.Year}: {r.Rows} agencies ({r.Added} added, {r.Renamed} renamed, {r.Moved} moved, {r.Retyped} retyped, {r.Unchanged} unchanged; {r.Removed.Count} removed)");
            foreach (var name in r.Removed) await output.WriteLineAsync($"  移出 removed: {name}");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Propose()
    {
        var db = IngestCommand.Database();
        var file = new Argument<string>("FILE") { Description = "写出的名单（.xlsx 或 .csv）。Where to write the proposed roster." };
        var year = Year("为哪一报告年度生成：列出此前各年发布过报告的单位。The report year to propose for: agencies that reported before it.");
        var command = new Command("propose", "根据此前各年的报告生成应报名单草稿，编辑后用 roster import 导入。Propose a roster from earlier years' reports, to edit and import.")
        {
            db, file, year,
        };
        command.SetAction(async (pr, ct) =>
        {
            var service = new RosterService(Opening.ForReading(pr, db), TimeProvider.System);
            var count = await service.ProposeAsync(pr.GetValue(year), pr.GetValue(file)!, ct);
            await pr.InvocationConfiguration.Output.WriteLineAsync($"已写出名单草稿 {pr.GetValue(file)}：{count} 个单位（{pr.GetValue(year)} 年以前发布过报告）。请核对、补充从未发布的单位后导入。 / wrote {count} agencies");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static Command Check()
    {
        var db = IngestCommand.Database();
        var year = Year("核对哪一报告年度。The report year to check.");
        var limit = new Option<int>("--limit") { Description = "每个列表最多显示几项，0 显示全部（默认 20）。At most this many per list, 0 for all.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("check", "应报名单与该年度报告核对：已匹配、未发布、对不上名单的报告、一个单位多份报告。Match the roster against a year's reports.")
        {
            db, year, limit,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(limit);
            if (n < 0) throw new UserError($"--limit {n}：应为 0 或正整数（0 显示全部）。--limit takes a whole number, 0 for all.");
            var m = await new RosterService(Opening.ForReading(pr, db), TimeProvider.System).MatchAsync(pr.GetValue(year), ct);
            if (m.Expected == 0) throw new UserError($"{m.Year} 年没有应报名单（先用 roster import 导入，或 roster propose 生成草稿）。No roster for {m.Year}: import one first.");

            await output.WriteLineAsync($"{m.Year} 年应报 {m.Expected} 个单位：已找到报告 {m.Matched.Count - m.SeveralReports.Sum(s => s.Reports.Count - 1)}，未发现报告 {m.WithoutReport.Count}；" +
                $"对不上名单的报告 {m.Unmatched.Count}，一个单位多份报告 {m.SeveralReports.Count}，名称可对应多个单位 {m.Ambiguous.Count}。");
            await output.WriteLineAsync($"/ {m.Year}: {m.Expected} expected, {m.WithoutReport.Count} without a report, {m.Unmatched.Count} reports matching no entry, {m.SeveralReports.Count} entries with several reports, {m.Ambiguous.Count} ambiguous");
            await List(output, "未发现报告的单位 / no report", m.WithoutReport, a => $"{a.Name}（{RegionName(a.RegionCode, "地区未填")}）", n);
            await List(output, "对不上名单的报告 / reports matching no roster entry", m.Unmatched, r => $"{r.Agency}（{RegionName(r.RegionCode, "地区未识别")}）{r.SourceUrl}", n);
            await List(output, "一个单位多份报告 / entries matched by several reports", m.SeveralReports, s => $"{s.Agency.Name}：{string.Join("；", s.Reports.Select(r => r.Agency))}", n);
            await List(output, "名称可对应多个单位 / reports whose name fits several entries", m.Ambiguous, a => $"{a.Report.Agency}：{string.Join("；", a.Candidates.Select(c => $"{c.Name}（{RegionName(c.RegionCode, "地区未填")}）"))}", n);
            return m.WithoutReport.Count + m.Unmatched.Count + m.SeveralReports.Count + m.Ambiguous.Count == 0 ? WarehouseCli.Ok : WarehouseCli.Findings;
        });
        return command;
    }

    private static Command Deadline()
    {
        var db = IngestCommand.Database();
        var region = new Option<string>("--region") { Description = "地区代码或名称（其下级地区同样适用）。The region, by code or name; regions under it too.", Required = true, HelpName = "代码|名称" };
        var year = Year("报告年度。The report year.");
        var date = new Option<string>("--date") { Description = "报送期限，yyyy-mm-dd（默认是次年 1 月 31 日）。The deadline.", Required = true, HelpName = "yyyy-mm-dd" };
        var note = new Option<string?>("--note") { Description = "说明，如延期的文号。A note, e.g. the notice of the extension.", HelpName = "说明" };
        var command = new Command("deadline", "记录某地区某年度的报送期限（如延期）。Record a deadline other than 31 January of the following year.")
        {
            db, region, year, date, note,
        };
        command.SetAction(async (pr, ct) =>
        {
            var chosen = Choices.Region(pr.GetValue(region)!);
            if (!DateOnly.TryParseExact(pr.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            {
                throw new UserError($"--date {pr.GetValue(date)}：应写成 yyyy-mm-dd，如 2025-02-28。--date takes yyyy-mm-dd");
            }

            await new RosterService(IngestCommand.Open(pr, db), TimeProvider.System).SetDeadlineAsync(chosen.Code, pr.GetValue(year), deadline, pr.GetValue(note), ct);
            await pr.InvocationConfiguration.Output.WriteLineAsync($"已记录：{chosen.Name}（{chosen.Code}）{pr.GetValue(year)} 年度报告的报送期限为 {deadline:yyyy-MM-dd}。 / recorded the deadline");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static string RegionName(string? code, string none) =>
        code is null ? none : Warehouse.Core.Regions.DivisionList.Default.Find(code)?.Name ?? code;

    private static async Task List<T>(TextWriter output, string title, IReadOnlyList<T> items, Func<T, string> line, int limit)
    {
        if (items.Count == 0) return;
        await output.WriteLineAsync($"{title}（{items.Count}）：");
        foreach (var item in limit == 0 ? items : items.Take(limit)) await output.WriteLineAsync($"  {line(item)}");
        if (limit > 0 && items.Count > limit) await output.WriteLineAsync($"  ……另有 {items.Count - limit} 项（--limit 0 显示全部）");
    }
}
