using System.Diagnostics;
using System.Globalization;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Load;
using Warehouse.Office;

namespace Warehouse.Bench;

/// <summary>
/// <c>bench export</c>: the 地区对比 and 年度对比 workbooks from a warehouse of N agencies
/// reporting every year of a range (made once and kept), with the time LibreOffice takes to
/// open each workbook as a reference.
/// </summary>
public static class ExportBenchmark
{
    public const double GoalSeconds = 60;
    public const double GoalPeakMb = 2048;

    /// <summary>The dashboards measured.</summary>
    public static readonly IReadOnlyList<string> Measured = ["region-comparison", "year-comparison"];

    public static async Task<ExportBenchResult> RunAsync(ExportBenchOptions options, IBenchSteps steps, CancellationToken ct)
    {
        var bench = Path.Combine(BenchFolder.Default, $"export-{options.Agencies}x{options.Years}");
        var database = await WarehouseAsync(steps, bench, options.Agencies, options.Years, ct);

        var outDir = Path.Combine(bench, "out");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var resetPeak = Machine.ResetPeakResident();
        var exporter = new Exporter(database, TimeProvider.System);
        var results = new List<ExportResult>();
        var watch = Stopwatch.StartNew();
        foreach (var d in options.Dashboards)
        {
            results.Add(await steps.RunAsync($"Exporting {d.Name} ({d.Title})", d.Sheets.Count + 1, async progress =>
            {
                var step = 0;
                return await exporter.ExportAsync(d, new SelectionRequest(), Path.Combine(outDir, $"{d.Name}.xlsx"), new Progress<string>(_ => progress.Report(++step)), ct);
            }));
        }

        watch.Stop();
        var peak = Machine.PeakResidentMb();

        List<TimeSpan>? opening = null;
        if (Soffice.Find() is not null)
        {
            opening = [];
            foreach (var r in results)
            {
                // Opening is measured as a headless conversion of the first sheet to CSV: load, then a small write.
                var csv = Path.Combine(bench, "csv");
                var open = Stopwatch.StartNew();
                await Soffice.ConvertAsync([r.Path], "csv", csv, TimeSpan.FromMinutes(10), ct);
                opening.Add(open.Elapsed);
            }
        }

        return new ExportBenchResult(database.Target.Display, outDir, results, watch.Elapsed, resetPeak, peak, opening);
    }

    /// <summary>The warehouse of the panel, loaded once and kept beside its corpus.</summary>
    private static async Task<WarehouseDatabase> WarehouseAsync(IBenchSteps steps, string bench, int agencies, int years, CancellationToken ct)
    {
        var corpus = Path.Combine(bench, "corpus");
        var db = Path.Combine(bench, "warehouse.db");
        var done = Path.Combine(bench, "loaded");
        var database = new WarehouseDatabase(WarehouseTarget.Parse(db));
        if (File.Exists(done)) return database;

        if (Directory.Exists(bench)) Directory.Delete(bench, recursive: true);
        var options = new CorpusOptions(agencies * years, 42, [Layouts.TextTab], 0.1, new Panel(2025 - years, years));
        await steps.RunAsync($"Generating {agencies:N0} agencies × {years} years of text reports (once; kept in {bench})", options.Count,
            progress => new CorpusWriter().WriteAsync(corpus, options, progress, ct));
        var files = IngestService.Expand([corpus]);
        var service = new IngestService(database, DocumentReader.Default, TimeProvider.System);
        await steps.RunAsync($"Loading {files.Count:N0} reports (once)", files.Count,
            progress => service.IngestAsync(files, new IngestOptions(Command: "bench export"), progress, ct));
        await File.WriteAllTextAsync(done, TimeProvider.System.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ct);
        return database;
    }
}
