using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Warehouse.Corpus;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench ingest</c>: loads generated text reports into a fresh SQLite warehouse and measures
/// it against the sqlite3 shell's <c>.import</c> of the same fact rows as CSV into the same table.
/// </summary>
internal static class BenchIngestCommand
{
    private const double GoalSeconds = 120;
    private const double GoalPeakMb = 1024;
    private const double GoalRatio = 0.5;

    public static Command Create()
    {
        var reports = new Option<int>("--reports") { Description = "How many generated text reports to load.", DefaultValueFactory = _ => 100_000, HelpName = "N" };
        var command = new Command("ingest",
            "Load N generated text reports into a fresh SQLite warehouse; print the time, rates and peak memory, and the sqlite3 shell's .import of the same fact rows as CSV for reference.")
        {
            reports,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(reports);
            if (n <= 0) throw new UserError("--reports must be a positive number");

            var bench = Path.GetFullPath(Path.Combine(".build", "bench"));
            var corpus = Path.Combine(bench, $"ingest-{n}");
            if (!File.Exists(Path.Combine(corpus, "manifest.json")))
            {
                if (Directory.Exists(corpus)) Directory.Delete(corpus, recursive: true);
                var options = new CorpusOptions(n, 42, [Layouts.TextTab, Layouts.TextCell]);
                await Progress.RunAsync(output, $"Generating {n} text reports (once; kept in {corpus})", n,
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
            var resetPeak = ResetPeakResident();

            var watch = Stopwatch.StartNew();
            var service = new IngestService(database, DocumentReader.Default, TimeProvider.System);
            var summary = await Progress.RunAsync(output, $"Ingesting {files.Count} reports", files.Count,
                progress => service.IngestAsync(files, new IngestOptions(Command: "bench ingest"), progress, ct));
            watch.Stop();
            var peak = BenchCommand.PeakResidentMb();

            FactRows rows;
            await using (var c = await database.OpenAsync(ct)) rows = await new StatusQueries(database.Sql).FactRowsAsync(c, ct);
            var seconds = watch.Elapsed.TotalSeconds;
            var ours = rows.Applications / seconds;

            var table = new Table().AddColumns("", "value", "goal");
            table.AddRow("reports loaded", $"{summary.Loaded + summary.Superseding + summary.History:N0} of {files.Count:N0} ({summary.Rejected.Count} rejected)", "");
            table.AddRow("fact_application rows", $"{rows.Applications:N0} (+ {rows.ReviewLitigation + rows.ActiveDisclosure:N0} other fact rows)", "");
            table.AddRow("ingest wall time", $"{seconds:0.0} s", Mark(seconds < GoalSeconds, $"< {GoalSeconds:0} s"));
            table.AddRow("reports/s", $"{files.Count / seconds:N0}", "");
            table.AddRow("fact_application rows/s", $"{ours:N0}", "");
            table.AddRow(resetPeak ? "peak memory during ingest" : "peak memory of the process", $"{peak:N0} MB", Mark(peak < GoalPeakMb, $"< {GoalPeakMb:0} MB"));

            var sqlite3 = BenchCommand.Which("sqlite3");
            if (sqlite3 is null)
            {
                table.AddRow("sqlite3 .import", "sqlite3 is not installed (apt-get install sqlite3): no reference", "");
            }
            else
            {
                var sql = new SqlScripts(Dialect.Sqlite);
                await ShellAsync(sqlite3, Path.Combine(run, "warehouse.db"), run, sql.Get("bench/export_fact_application"), ct);

                // The same table, made by the same migrations, in a database of its own.
                var import = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(run, "import.db")));
                await (await import.OpenAsync(ct)).DisposeAsync();
                var importWatch = Stopwatch.StartNew();
                await ShellAsync(sqlite3, Path.Combine(run, "import.db"), run, sql.Get("bench/import_fact_application"), ct);
                importWatch.Stop();
                FactRows imported;
                await using (var c = await import.OpenAsync(ct)) imported = await new StatusQueries(import.Sql).FactRowsAsync(c, ct);

                var reference = imported.Applications / importWatch.Elapsed.TotalSeconds;
                table.AddRow("sqlite3 .import of the same rows", $"{imported.Applications:N0} rows in {importWatch.Elapsed.TotalSeconds:0.0} s = {reference:N0} rows/s", "");
                table.AddRow("ratio (ours / .import)", $"{ours / reference:0.00}", Mark(ours / reference >= GoalRatio, $"≥ {GoalRatio}"));
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; corpus {corpus}; warehouse {run}.");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static string Mark(bool met, string goal) => $"{goal} {(met ? "met" : "MISSED")}";

    /// <summary>Resets the kernel's peak-resident counter of this process (Linux), so the peak is the ingest's.</summary>
    internal static bool ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
        if (p.ExitCode != 0 || stderr.Length > 0) throw new UserError($"sqlite3 failed on {database}: {stderr.Trim()}");
    }
}
