using System.CommandLine;
using Spectre.Console;
using Warehouse.Catalogue;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Register.Assessment;

namespace Warehouse.Cli.Commands;

/// <summary><c>dashboards list|check</c>: the workbooks users can export, and whether each file is right.</summary>
internal static class DashboardsCommand
{
    public static Option<string?> Folder() => new("--dashboards")
    {
        Description = $"The folder of dashboard files (default: $WAREHOUSE_DASHBOARDS, else {DashboardCatalog.DefaultFolder}).",
        HelpName = "DIR",
    };

    public static string FolderOf(System.CommandLine.ParseResult pr, Option<string?> folder) =>
        pr.GetValue(folder) ?? Environment.GetEnvironmentVariable("WAREHOUSE_DASHBOARDS") ?? DashboardCatalog.DefaultFolder;

    public static Command Create()
    {
        var folder = Folder();
        var list = new Command("list", "List the dashboards of the folder: name, title, filters and sheets; then any file with mistakes.") { folder };
        list.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var catalog = DashboardCatalog.Load(FolderOf(pr, folder));
            var table = new Table().AddColumns("name", "title 标题", "filters", "default years", "sheets 工作表");
            foreach (var d in catalog.Dashboards)
            {
                var filters = new List<string> { d.Filters.SingleYear ? "--year" : "--year/--years" };
                if (d.Filters.Region) filters.Add("--region");
                if (d.Filters.Level) filters.Add("--level");
                if (d.Filters.AgencyType) filters.Add("--agency-type");
                table.AddRow(Markup.Escape(d.Name), Markup.Escape(d.Title), string.Join(" ", filters), d.Filters.Years.ToString(),
                    Markup.Escape(string.Join("、", d.Sheets.Select(s => s.Name))));
            }

            await output.WriteLineAsync($"{catalog.Dashboards.Count} dashboard(s) in {Path.GetFullPath(catalog.Folder)}:");
            Terminal.For(output).Write(table);
            await output.WriteLineAsync("Export one: ./warehouse export --dashboard NAME --out FILE.xlsx; the standard set: ./warehouse export --all --out DIR");
            var schemes = Directory.Exists(catalog.Folder) ? DefinitionFiles.In(catalog.Folder).Where(DefinitionFiles.IsScheme).ToList() : [];
            if (schemes.Count > 0)
            {
                await output.WriteLineAsync($"考核评分方案 scoring schemes (not workbooks; ./warehouse assess --year Y --scheme FILE): {string.Join(", ", schemes.Select(Path.GetFileName))}");
            }

            foreach (var p in catalog.Problems) await pr.InvocationConfiguration.Error.WriteLineAsync(p.ToString());
            return catalog.Problems.Count == 0 ? WarehouseCli.Ok : WarehouseCli.Findings;
        });

        var files = new Argument<string[]>("FILE") { Description = "Dashboard files to check (default: every file of the folder).", Arity = ArgumentArity.ZeroOrMore };
        var check = new Command("check", "Check dashboard files against the warehouse's views: for each mistake (unknown view or field, bad aggregation, …) its line and what is wrong; exit 1 when any file has one.") { files, folder };
        check.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var paths = pr.GetValue(files) is { Length: > 0 } given ? given : DefinitionFiles.In(FolderOf(pr, folder)).ToArray();
            if (paths.Length == 0) throw new UserError($"{FolderOf(pr, folder)} 中没有看板定义文件。No dashboard files in {FolderOf(pr, folder)}");
            var catalog = await ViewCatalog.ShippedAsync(ct);
            var failed = false;
            foreach (var file in paths)
            {
                if (!File.Exists(file)) throw new UserError($"{file}：没有这个文件。{file}: no such file");
                if (DefinitionFiles.IsScheme(file))
                {
                    var (scheme, found) = AssessmentSchemeReader.Read(file);
                    if (scheme is not null) await output.WriteLineAsync($"{file}: ok: scoring scheme {scheme.Name} ({scheme.Title}; base {AssessmentSchemeReader.Text(scheme.Base)}, {scheme.Rules.Count} kind(s) of deduction)");
                    foreach (var p in found) await output.WriteLineAsync(p.ToString());
                    failed |= found.Count > 0;
                    continue;
                }

                var (dashboard, problems) = DashboardReader.Read(file);
                if (dashboard is not null) problems = DashboardChecker.Check(dashboard, catalog);
                if (problems.Count == 0)
                {
                    await output.WriteLineAsync($"{file}: ok: {dashboard!.Name} ({dashboard.Title}; {dashboard.Sheets.Count} sheet(s), {dashboard.Sheets.Sum(s => s.Tables.Count)} table(s))");
                    continue;
                }

                failed = true;
                foreach (var p in problems) await output.WriteLineAsync(p.ToString());
            }

            return failed ? WarehouseCli.Findings : WarehouseCli.Ok;
        });

        return new Command("dashboards", "The workbooks users export, one YAML file each in dashboards/.") { list, check };
    }
}
