using System.CommandLine;
using Spectre.Console;
using Warehouse.Bench;
using Warehouse.Export.Dashboards;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench export</c>: the 地区对比 and 年度对比 workbooks from a warehouse of N agencies
/// reporting every year of a range (made once and kept), with the time LibreOffice takes to
/// open each workbook as a reference.
/// </summary>
internal static class BenchExportCommand
{
    public static Command Create()
    {
        var agencies = new Option<int>("--agencies") { Description = "Agencies in the warehouse.", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var years = new Option<int>("--years") { Description = "Years each agency reports (ending with 2024).", DefaultValueFactory = _ => 5, HelpName = "Y" };
        var folder = DashboardsCommand.Folder();
        var command = new Command("export", "Export the 地区对比 and 年度对比 workbooks from a warehouse of N agencies × Y years (made once, kept in .build/bench); print the time, peak memory and LibreOffice's time to open each.")
        {
            agencies, years, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var (n, y) = (pr.GetValue(agencies), pr.GetValue(years));
            if (n <= 0 || y <= 0) throw new UserError("--agencies and --years must be positive numbers");
            var catalog = DashboardCatalog.Load(DashboardsCommand.FolderOf(pr, folder));
            var dashboards = ExportBenchmark.Measured.Select(m => catalog.Find(m) ?? throw new UserError($"no dashboard {m} in {catalog.Folder}")).ToList();

            var r = await ExportBenchmark.RunAsync(new ExportBenchOptions(n, y, dashboards), new BenchSteps(output), ct);

            var table = new Table().AddColumns("", "value", "goal");
            foreach (var e in r.Results)
            {
                var rows = e.Tables.Sum(t => t.Rows);
                table.AddRow(Path.GetFileName(e.Path), $"{e.Elapsed.TotalSeconds:0.0} s ({e.Querying.TotalSeconds:0.0} s of queries and charts), {rows:N0} rows in {e.Tables.Count} tables, {e.Bytes / (1024.0 * 1024):0.0} MB", "");
            }

            table.AddRow("both workbooks", $"{r.Elapsed.TotalSeconds:0.0} s", BenchIngestCommand.Mark(r.Elapsed.TotalSeconds < ExportBenchmark.GoalSeconds, $"< {ExportBenchmark.GoalSeconds:0} s"));
            table.AddRow(r.PeakReset ? "peak memory during export" : "peak memory of the process", $"{r.PeakMb:N0} MB",
                BenchIngestCommand.Mark(r.PeakMb < ExportBenchmark.GoalPeakMb, $"< {ExportBenchmark.GoalPeakMb:0} MB"));
            if (r.Opening is null)
            {
                table.AddRow("LibreOffice opening each", "LibreOffice is not installed: no reference", "");
            }
            else
            {
                foreach (var (e, open) in r.Results.Zip(r.Opening))
                {
                    table.AddRow($"LibreOffice opens {Path.GetFileName(e.Path)}", $"{open.TotalSeconds:0.0} s (headless load and CSV of the cover)", "");
                }
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; warehouse {r.Warehouse}; workbooks in {r.Workbooks}.");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
