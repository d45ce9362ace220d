using System.Diagnostics;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Bench;

/// <summary>
/// <c>bench ingest</c>: loads generated text reports into a fresh SQLite warehouse and measures
/// it against the sqlite3 shell's <c>.import</c> of the same fact rows as CSV into the same table.
/// </summary>
public static class IngestBenchmark
{
    public const double GoalSeconds = 120;
    public const double GoalPeakMb = 1024;
    public const double GoalRatio = 0.5;

    /// <param name="reports">How many generated text reports to load (made once and kept in <see cref="BenchFolder"/>).</param>
    public static async Task<IngestBenchResult> RunAsync(int reports, IBenchSteps steps, CancellationToken ct)
    {
        var n = reports;
        var bench = BenchFolder.Default;
        var corpus = Path.Combine(bench, $"ingest-{n}");
        if (!File.Exists(Path.Combine(corpus, "manifest.json")))
        {
            if (Directory.Exists(corpus)) Directory.Delete(corpus, recursive: true);
            var options = new CorpusOptions(n, 42, [Layouts.TextTab, Layouts.TextCell]);
            await steps.RunAsync($"Generating {n} text reports (once; kept in {corpus})", n,
                progress => new CorpusWriter().WriteAsync(corpus, options, progress, ct));
        }

        var files = IngestService.Expand([corpus]);
        var run = Path.Combine(bench, $"ingest-{n}-run");
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        Directory.CreateDirectory(run);

        // The schema and the dimensions are made before the clock starts: a warehouse is created once.
        var database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(run, "warehouse.db")));
        await (await database.OpenAsync(ct)).DisposeAsync();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var resetPeak = Machine.ResetPeakResident();

        var watch = Stopwatch.StartNew();
        var service = new IngestService(database, DocumentReader.Default, TimeProvider.System);
        var summary = await steps.RunAsync($"Ingesting {files.Count} reports", files.Count,
            progress => service.IngestAsync(files, new IngestOptions(Command: "bench ingest"), progress, ct));
        watch.Stop();
        var peak = Machine.PeakResidentMb();

        FactRows rows;
        await using (var c = await database.OpenAsync(ct)) rows = await new StatusQueries(database.Sql).FactRowsAsync(c, ct);
        var reference = Machine.Which("sqlite3") is { } sqlite3 ? await ImportAsync(sqlite3, run, ct) : null;
        return new IngestBenchResult(corpus, run, files.Count, summary, rows, watch.Elapsed, resetPeak, peak, reference);
    }

    /// <summary>The fact rows exported as CSV and imported by the sqlite3 shell into the same table, made by the same migrations, in a database of its own.</summary>
    private static async Task<ImportReference> ImportAsync(string sqlite3, string run, CancellationToken ct)
    {
        var sql = new SqlScripts(Dialect.Sqlite);
        await ShellAsync(sqlite3, Path.Combine(run, "warehouse.db"), run, sql.Get("bench/export_fact_application"), ct);

        var import = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(run, "import.db")));
        await (await import.OpenAsync(ct)).DisposeAsync();
        var importWatch = Stopwatch.StartNew();
        await ShellAsync(sqlite3, Path.Combine(run, "import.db"), run, sql.Get("bench/import_fact_application"), ct);
        importWatch.Stop();
        FactRows imported;
        await using (var c = await import.OpenAsync(ct)) imported = await new StatusQueries(import.Sql).FactRowsAsync(c, ct);
        return new ImportReference(imported.Applications, importWatch.Elapsed);
    }

    private static async Task ShellAsync(string sqlite3, string database, string workingDirectory, string script, CancellationToken ct)
    {
        var start = new ProcessStartInfo(sqlite3)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(database);
        using var p = Process.Start(start)!;
        await p.StandardInput.WriteAsync(script);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = await p.StandardError.ReadToEndAsync(ct);
        await stdout;
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0 || stderr.Length > 0) throw new BenchmarkException($"sqlite3 failed on {database}: {stderr.Trim()}");
    }
}
