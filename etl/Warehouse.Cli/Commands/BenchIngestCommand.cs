using System.CommandLine;
using Spectre.Console;
using Warehouse.Bench;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench ingest</c>: loads generated text reports into a fresh SQLite warehouse and measures
/// it against the sqlite3 shell's <c>.import</c> of the same fact rows as CSV into the same table.
/// </summary>
internal static class BenchIngestCommand
{
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

            var r = await IngestBenchmark.RunAsync(n, new BenchSteps(output), ct);

            var seconds = r.Elapsed.TotalSeconds;
            var table = new Table().AddColumns("", "value", "goal");
            table.AddRow("reports loaded", $"{r.Summary.Loaded + r.Summary.Superseding + r.Summary.History:N0} of {r.Files:N0} ({r.Summary.Rejected.Count} rejected)", "");
            table.AddRow("fact_application rows", $"{r.Rows.Applications:N0} (+ {r.Rows.ReviewLitigation + r.Rows.ActiveDisclosure:N0} other fact rows)", "");
            table.AddRow("ingest wall time", $"{seconds:0.0} s", Mark(seconds < IngestBenchmark.GoalSeconds, $"< {IngestBenchmark.GoalSeconds:0} s"));
            table.AddRow("reports/s", $"{r.Files / seconds:N0}", "");
            table.AddRow("fact_application rows/s", $"{r.RowsPerSecond:N0}", "");
            table.AddRow(r.PeakReset ? "peak memory during ingest" : "peak memory of the process", $"{r.PeakMb:N0} MB", Mark(r.PeakMb < IngestBenchmark.GoalPeakMb, $"< {IngestBenchmark.GoalPeakMb:0} MB"));
            if (r.Reference is not { } reference)
            {
                table.AddRow("sqlite3 .import", "sqlite3 is not installed (apt-get install sqlite3): no reference", "");
            }
            else
            {
                var ratio = r.RowsPerSecond / reference.RowsPerSecond;
                table.AddRow("sqlite3 .import of the same rows", $"{reference.Rows:N0} rows in {reference.Elapsed.TotalSeconds:0.0} s = {reference.RowsPerSecond:N0} rows/s", "");
                table.AddRow("ratio (ours / .import)", $"{ratio:0.00}", Mark(ratio >= IngestBenchmark.GoalRatio, $"≥ {IngestBenchmark.GoalRatio}"));
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; corpus {r.Corpus}; warehouse {r.Run}.");
            return WarehouseCli.Ok;
        });
        return command;
    }

    internal static string Mark(bool met, string goal) => $"{goal} {(met ? "met" : "MISSED")}";
}
