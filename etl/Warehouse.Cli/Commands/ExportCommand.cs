using System.CommandLine;
using System.Globalization;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Export.Dashboards;

namespace Warehouse.Cli.Commands;

/// <summary><c>export</c>: a dashboard's Excel workbook from the warehouse, or the standard set with <c>--all</c>.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = IngestCommand.Database();
        var folder = DashboardsCommand.Folder();
        var dashboard = new Option<string?>("--dashboard") { Description = "要导出的仪表板，写名称或标题（如 filing-status 或 报送情况；见 ./warehouse dashboards list）。The dashboard to export, by name or title.", HelpName = "NAME|标题" };
        var all = new Option<bool>("--all") { Description = $"Export the standard set ({string.Join(", ", DashboardCatalog.Standard)}) into the folder --out." };
        var year = new Option<int?>("--year") { Description = "One report year.", HelpName = "Y" };
        var years = new Option<string?>("--years") { Description = "A range of report years, e.g. 2020-2024 (default: the dashboard's, from the latest year loaded).", HelpName = "A-B" };
        var region = new Option<string?>("--region") { Description = "只看该地区及其下级，写代码或名称（36 或 江西省，3607 或 赣州市）。Only this region and below, by code or name.", HelpName = "代码|名称" };
        var level = new Option<string?>("--level") { Description = "The level of the regions compared: province, city or county (default: the level below --region, else province).", HelpName = "LEVEL" };
        var agencyType = new Option<string?>("--agency-type") { Description = $"Only agencies of this type: {string.Join(", ", Selection.AgencyTypes)}.", HelpName = "TYPE" };
        var balanced = new Option<bool>("--balanced") { Description = "Only the agencies that reported in every year chosen (a balanced panel), so that years compare like with like (year-comparison)." };
        var output = new Option<string>("--out") { Description = "The workbook to write (FILE.xlsx), or with --all the folder.", Required = true, HelpName = "FILE|DIR" };
        var command = new Command("export", "Write a dashboard's Excel workbook: summary tables computed in the warehouse, charts, and a PivotTable over the detail rows. Written to a temporary file and renamed, never half-written.")
        {
            dashboard, all, year, years, region, level, agencyType, balanced, output, db, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var console = pr.InvocationConfiguration.Output;
            var name = pr.GetValue(dashboard);
            var everything = pr.GetValue(all);
            if (name is null == !everything) throw new UserError("请给出 --dashboard 名称，或 --all（全部看板）。Give either --dashboard NAME or --all.");
            var catalog = DashboardCatalog.Load(DashboardsCommand.FolderOf(pr, folder));
            var request = Request(pr.GetValue(year), pr.GetValue(years), Choices.RegionCode(pr.GetValue(region)), pr.GetValue(level), pr.GetValue(agencyType)) with { Balanced = pr.GetValue(balanced) };
            var database = Opening.ForReading(pr, db);
            var exporter = new Exporter(database, TimeProvider.System);
            var target = pr.GetValue(output)!;

            var jobs = new List<(Dashboard Dashboard, string Path)>();
            foreach (var n in everything ? DashboardCatalog.Standard : [name!])
            {
                jobs.Add((Choices.Dashboard(catalog, n), target));
            }

            foreach (var (d, path) in jobs)
            {
                // A dashboard showing one year takes the last of a range when exporting the whole set.
                var r = everything && d.Filters.SingleYear && request.FirstYear != request.LastYear ? request with { FirstYear = request.LastYear } : request;
                r = Strip(d, r, everything);
                await Coverage.RequireAsync(database, d, r, ct);
                var result = await Progress.RunAsync(console, $"Exporting {d.Name} ({d.Title})", d.Sheets.Count + 1, async progress =>
                {
                    var step = 0;
                    var steps = new Progress<string>(_ => progress.Report(++step));
                    return everything ? await exporter.ExportIntoAsync(d, r, path, steps, ct) : await exporter.ExportAsync(d, r, path, steps, ct);
                });

                var rows = result.Tables.Where(t => !t.IsData).Sum(t => t.Rows);
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetRelativePath(Environment.CurrentDirectory, result.Path)}: {d.Title}, {result.Selection.YearsText}, {result.Selection.RegionText}; {result.Tables.Count(t => !t.IsData)} tables of {rows:N0} rows, {result.Tables.Where(t => t.IsData).Sum(t => t.Rows):N0} detail rows, {result.Charts} chart(s); {result.Bytes / 1024.0:N0} KB in {result.Elapsed.TotalSeconds:0.0} s"));
                if (rows == 0) await console.WriteLineAsync("  nothing matched the filters: the workbook says so on its cover");
                foreach (var warning in result.Warnings) await pr.InvocationConfiguration.Error.WriteLineAsync("warning: " + warning);
            }

            return WarehouseCli.Ok;
        });
        return command;
    }

    /// <summary>For --all, filters a dashboard does not take are left out for it rather than refused.</summary>
    private static SelectionRequest Strip(Dashboard d, SelectionRequest r, bool everything) =>
        !everything ? r : r with
        {
            Region = d.Filters.Region ? r.Region : null,
            Level = d.Filters.Level ? r.Level : null,
            AgencyType = d.Filters.AgencyType ? r.AgencyType : null,
            Balanced = d.Filters.Balanced && r.Balanced,
        };

    private static SelectionRequest Request(int? year, string? years, string? region, string? level, string? agencyType)
    {
        if (year is not null && years is not null) throw new UserError("--year 与 --years 只能给一个。Give --year or --years, not both");
        int? first = year, last = year;
        if (years is not null) (first, last) = YearRange.Parse(years, "--years");
        return new SelectionRequest(first, last, region, level, agencyType);
    }

    /// <summary>The warehouse to read and write (digest); a SQLite file that does not exist is an error here, not a new empty warehouse.</summary>
    public static WarehouseDatabase OpenExisting(System.CommandLine.ParseResult pr, Option<string?> db)
    {
        var database = IngestCommand.Open(pr, db);
        database.RequireExisting();
        return database;
    }
}
