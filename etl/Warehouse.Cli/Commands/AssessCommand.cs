using System.CommandLine;
using System.Globalization;
using Warehouse.Catalogue;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Register.Assessment;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>assess</c>: 考核评分: scores a year of the register with a scheme (dashboards/*.scheme.yaml),
/// keeps the scores, and writes the 考核评分 workbook (dashboards/assessment.yaml).
/// </summary>
internal static class AssessCommand
{
    public const string Workbook = "assessment";

    public static Command Create()
    {
        var db = IngestCommand.Database();
        var folder = DashboardsCommand.Folder();
        var year = new Option<int?>("--year") { Description = "考核哪一报告年度。The report year to assess.", HelpName = "年度" };
        var scheme = new Option<string?>("--scheme") { Description = "考核评分方案文件（默认：仪表板目录中唯一的 *.scheme.yaml）。The scoring scheme (default: the one *.scheme.yaml of the dashboards folder).", HelpName = "FILE" };
        var region = new Option<string?>("--region") { Description = "工作簿只列该地区及其下级，写代码或名称（名次仍在全部单位中排定）。Only this region and below in the workbook, by code or name.", HelpName = "代码|名称" };
        var output = new Option<string?>("--out") { Description = "写出的工作簿（FILE.xlsx；默认写在当前目录，文件名说明年度和地区）。The workbook to write.", HelpName = "FILE" };
        var command = new Command("assess", "考核评分：按评分方案对应报名单中每个单位的年度报告扣分、计分、排名（同一上级地区、同一层级），写出考核评分工作簿，每项扣分注明理由。Score a year of the register with a scheme and write the 考核评分 workbook.")
        {
            year, scheme, region, output, db, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var console = pr.InvocationConfiguration.Output;
            var y = pr.GetValue(year) ?? throw new UserError("请用 --year 给出考核年度（如 --year 2024）。Give the year to assess with --year.");
            var dashboards = DashboardsCommand.FolderOf(pr, folder);
            var s = Scheme(pr.GetValue(scheme), dashboards);
            var regionCode = Choices.RegionCode(pr.GetValue(region));
            var catalog = DashboardCatalog.Load(dashboards);
            var workbook = Choices.Dashboard(catalog, Workbook);

            var database = IngestCommand.Open(pr, db);
            database.RequireExisting();
            var summary = await new AssessmentService(database, TimeProvider.System).AssessAsync(s, y, ct);
            await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"已按「{s.Title}」（{Path.GetFileName(s.File)}）考核 {y} 年度：评分 {summary.Scored} 个单位，暂不评分 {summary.NotScored} 个（未到期限），扣分 {summary.Deductions} 项。 / assessed {y} with {s.Name}: {summary.Scored} scored, {summary.NotScored} not due, {summary.Deductions} deductions"));

            var request = new SelectionRequest(y, y, regionCode);
            var exporter = new Exporter(database, TimeProvider.System);
            var path = pr.GetValue(output);
            var result = path is null
                ? await exporter.ExportIntoAsync(workbook, request, Environment.CurrentDirectory, null, ct)
                : await exporter.ExportAsync(workbook, request, path, null, ct);
            await console.WriteLineAsync($"{Path.GetRelativePath(Environment.CurrentDirectory, result.Path)}: {workbook.Title}, {result.Selection.YearsText}, {result.Selection.RegionText}");
            foreach (var warning in result.Warnings) await pr.InvocationConfiguration.Error.WriteLineAsync("warning: " + warning);
            return WarehouseCli.Ok;
        });
        return command;
    }

    /// <summary>The scheme given, else the one scheme of the dashboards folder; a scheme with mistakes is refused with each mistake and its line.</summary>
    internal static AssessmentScheme Scheme(string? given, string folder)
    {
        var path = given;
        if (path is null)
        {
            var found = Directory.Exists(folder) ? DefinitionFiles.In(folder).Where(DefinitionFiles.IsScheme).ToList() : [];
            path = found.Count switch
            {
                1 => found[0],
                0 => throw new UserError($"{folder} 中没有考核评分方案（*.scheme.yaml）：请用 --scheme 给出。No scoring scheme in {folder}; give --scheme FILE."),
                _ => throw new UserError($"{folder} 中有多个考核评分方案（{string.Join("、", found.Select(Path.GetFileName))}）：请用 --scheme 选一个。Several schemes; choose one with --scheme."),
            };
        }

        if (!File.Exists(path)) throw new UserError($"{path}：没有这个文件。{path}: no such file");
        var (scheme, problems) = AssessmentSchemeReader.Read(path);
        if (scheme is null)
        {
            throw new UserError($"考核评分方案 {path} 有错误，未考核 / the scoring scheme has mistakes:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return scheme;
    }
}
