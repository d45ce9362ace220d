using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Bench;

namespace Warehouse.Cli.Commands;

/// <summary><c>bench parse</c>: reports per second per layout on one core; <c>bench memory FILE</c>: peak memory of one parse.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Reports in the generated corpus (spread over the layouts).", DefaultValueFactory = _ => 600, HelpName = "N" };
        var seconds = new Option<double>("--seconds") { Description = "How long to parse each layout.", DefaultValueFactory = _ => 3.0, HelpName = "S" };
        var layouts = CorpusCommand.LayoutsOption();
        var parse = new Command("parse", "Parse a generated corpus over and over on one thread and print reports per second per layout, with pdftotext -layout as the PDF reference.")
        {
            count, seconds, layouts,
        };
        parse.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var options = new ParseBenchOptions(pr.GetValue(count), pr.GetValue(seconds), CorpusCommand.ParseLayouts(pr.GetValue(layouts)));
            var result = await ParseBenchmark.RunAsync(options, new BenchSteps(output), ct);

            var table = new Table().AddColumns("layout", "files", "reports/s (one thread)", "ms/report", "rejected");
            foreach (var r in result.Layouts.Append(result.PdftotextReference).OfType<LayoutRate>())
            {
                table.AddRow(r.Layout, r.Files.ToString(CultureInfo.InvariantCulture), r.ReportsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    (1000 / r.ReportsPerSecond).ToString("0.000", CultureInfo.InvariantCulture), r.Rejected?.ToString(CultureInfo.InvariantCulture) ?? "—");
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Corpus: {result.Corpus}. One thread, workstation GC, after a warm-up of {result.WarmUpSeconds:0.0} s ({(result.WarmUpSettled ? $"until a round over every layout compiled fewer than {ParseBenchmark.SettledBelow} methods" : $"stopped at {ParseBenchmark.MaxWarmUp.TotalSeconds:0} s, the JIT still compiling")})."));
            await output.WriteLineAsync(Describe(result.WorstRunTogether));
            return WarehouseCli.Ok;
        });

        var file = new Argument<string>("FILE") { Description = "A report to parse once." };
        var memory = new Command("memory", "Parse one file once and print the time taken and the peak memory (resident set) of this process.") { file };
        memory.SetAction(async (pr, ct) =>
        {
            var r = await MemoryBenchmark.RunAsync(pr.GetValue(file)!, ct);
            await pr.InvocationConfiguration.Output.WriteLineAsync(
                $"{r.Path}: {r.Bytes / (1024.0 * 1024):0.0} MB, {(r.Reading.Report is null ? "rejected: " + r.Reading.Rejection : "parsed")}, {r.Elapsed.TotalSeconds:0.00} s, peak memory {r.PeakMb:0} MB");
            return WarehouseCli.Ok;
        });

        return new Command("bench", "Measure speed and memory (benchmarks, not tests).") { parse, memory, BenchIngestCommand.Create(), BenchCrawlCommand.Create(), BenchExportCommand.Create(), BenchServeCommand.Create(), BenchResemblanceCommand.Create() };
    }

    private static string Describe(RunTogetherCase c) => c.Rejection is not null
        ? $"Worst case of run-together recovery (text-stream, table 三 of {c.Digits} digits, every row run together): rejected ({c.Rejection}), {c.MsPerParse:0.0} ms/parse."
        : $"Worst case of run-together recovery (text-stream, table 三 of {c.Digits} digits in {c.Cells} cells, every row run together): {c.MsPerParse:0.0} ms/parse over {c.Parses} parses; "
            + $"{c.Right} cells read right, {c.Unknown} left unknown, {c.Wrong} wrong.";
}
