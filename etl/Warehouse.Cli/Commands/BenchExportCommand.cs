using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Load;
using Warehouse.Office;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench export</c>: the 地区对比 and 年度对比 workbooks from a warehouse of N agencies
/// reporting every year of a range (made once and kept), with the time LibreOffice takes to
/// open each workbook as a reference.
/// </summary>
internal static class BenchExportCommand
{
    private const double GoalSeconds = 60;
    private const double GoalPeakMb = 2048;
    private static readonly string[] Measured = ["region-comparison", "year-comparison"];

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
            var dashboards = Measured.Select(m => catalog.Find(m) ?? throw new UserError($"no dashboard {m} in {catalog.Folder}")).ToList();

            var bench = Path.GetFullPath(Path.Combine(".build", "bench", $"export-{n}x{y}"));
            var database = await WarehouseAsync(output, bench, n, y, ct);

            var outDir = Path.Combine(bench, "out");
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var resetPeak = BenchIngestCommand.ResetPeakResident();
            var exporter = new Exporter(database, TimeProvider.System);
            var results = new List<ExportResult>();
            var watch = Stopwatch.StartNew();
            foreach (var d in dashboards)
            {
                results.Add(await Progress.RunAsync(output, $"Exporting {d.Name} ({d.Title})", d.Sheets.Count + 1, async progress =>
                {
                    var step = 0;
                    return await exporter.ExportAsync(d, new SelectionRequest(), Path.Combine(outDir, $"{d.Name}.xlsx"), new Progress<string>(_ => progress.Report(++step)), ct);
                }));
            }

            watch.Stop();
            var peak = BenchCommand.PeakResidentMb();

            var table = new Table().AddColumns("", "value", "goal");
            foreach (var r in results)
            {
                var rows = r.Tables.Sum(t => t.Rows);
                table.AddRow(Path.GetFileName(r.Path), $"{r.Elapsed.TotalSeconds:0.0} s ({r.Querying.TotalSeconds:0.0} s of queries and charts), {rows:N0} rows in {r.Tables.Count} tables, {r.Bytes / (1024.0 * 1024):0.0} MB", "");
            }

            table.AddRow("both workbooks", $"{watch.Elapsed.TotalSeconds:0.0} s", Mark(watch.Elapsed.TotalSeconds < GoalSeconds, $"< {GoalSeconds:0} s"));
            table.AddRow(resetPeak ? "peak memory during export" : "peak memory of the process", $"{peak:N0} MB", Mark(peak < GoalPeakMb, $"< {GoalPeakMb:0} MB"));
            if (Soffice.Find() is null)
            {
                table.AddRow("LibreOffice opening each", "LibreOffice is not installed: no reference", "");
            }
            else
            {
                foreach (var r in results)
                {
                    // Opening is measured as a headless conversion of the first sheet to CSV: load, then a small write.
                    var csv = Path.Combine(bench, "csv");
                    var open = Stopwatch.StartNew();
                    await Soffice.ConvertAsync([r.Path], "csv", csv, TimeSpan.FromMinutes(10), ct);
                    table.AddRow($"LibreOffice opens {Path.GetFileName(r.Path)}", $"{open.Elapsed.TotalSeconds:0.0} s (headless load and CSV of the cover)", "");
                }
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; warehouse {database.Target.Display}; workbooks in {outDir}.");
            return WarehouseCli.Ok;
        });
        return command;
    }

    /// <summary>The warehouse of the panel, loaded once and kept beside its corpus.</summary>
    private static async Task<WarehouseDatabase> WarehouseAsync(TextWriter output, string bench, int agencies, int years, CancellationToken ct)
    {
        var corpus = Path.Combine(bench, "corpus");
        var db = Path.Combine(bench, "warehouse.db");
        var done = Path.Combine(bench, "loaded");
        var database = new WarehouseDatabase(WarehouseTarget.Parse(db));
        if (File.Exists(done)) return database;

        if (Directory.Exists(bench)) Directory.Delete(bench, recursive: true);
        var options = new CorpusOptions(agencies * years, 42, [Layouts.TextTab], 0.1, new Warehouse.Corpus.Panel(2025 - years, years));
        await Progress.RunAsync(output, $"Generating {agencies:N0} agencies × {years} years of text reports (once; kept in {bench})", options.Count,
            progress => new CorpusWriter().WriteAsync(corpus, options, progress, ct));
        var files = IngestService.Expand([corpus]);
        var service = new IngestService(database, DocumentReader.Default, TimeProvider.System);
        await Progress.RunAsync(output, $"Loading {files.Count:N0} reports (once)", files.Count,
            progress => service.IngestAsync(files, new IngestOptions(Command: "bench export"), progress, ct));
        await File.WriteAllTextAsync(done, TimeProvider.System.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ct);
        return database;
    }

    private static string Mark(bool met, string goal) => $"{goal} {(met ? "met" : "MISSED")}";
}
