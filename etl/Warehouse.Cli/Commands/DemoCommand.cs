using Warehouse.Load;
using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Parsing;

namespace Warehouse.Cli.Commands;

/// <summary><c>demo</c>: a small generated corpus in every layout, read back, with each report's summary.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many example reports to generate.", DefaultValueFactory = _ => 12, HelpName = "N" };
        var output = new Option<string>("--out") { Description = "Folder for the example corpus.", DefaultValueFactory = _ => Path.Combine("out", "demo"), HelpName = "DIR" };
        var command = new Command("demo", "Generate a small example corpus in every layout and print each report's summary as the parser reads it.") { count, output };
        command.SetAction(async (pr, ct) =>
        {
            var console = pr.InvocationConfiguration.Output;
            var pdf = Warehouse.Office.Soffice.Find() is not null;
            var layouts = pdf ? Layouts.All : Layouts.WithoutPdf;
            var dir = Path.GetFullPath(pr.GetValue(output)!);
            var n = Math.Max(1, pr.GetValue(count));
            await console.WriteLineAsync($"Generating {n} example reports in {dir} ({string.Join(", ", layouts)})…");
            if (!pdf) await console.WriteLineAsync("  (PDFs are left out: they are made with LibreOffice, which is not installed — apt-get install libreoffice-writer fonts-noto-cjk)");
            var manifest = await new CorpusWriter(pdf ? new SofficePdfConverter() : null).WriteAsync(dir, new CorpusOptions(n, 2024, layouts), null, ct);

            var table = new Table().AddColumns("file", "layout", "agency 机关", "region", "year", "applications", "findings");
            var readings = new List<ReportReading>();
            foreach (var entry in manifest.Entries)
            {
                var reading = await ReportFiles.ReadAsync(Path.Combine(dir, entry.File), new ParseOptions(), ct);
                readings.Add(reading);
                var r = reading.Report;
                table.AddRow(
                    Markup.Escape(entry.File),
                    Markup.Escape(reading.Parse.Layout),
                    Markup.Escape(r?.Agency ?? $"rejected: {reading.Rejection}"),
                    r?.RegionCode ?? "—",
                    r?.Year.ToString(CultureInfo.InvariantCulture) ?? "—",
                    r?.Applications.Total("new_received")?.ToString("N0", CultureInfo.InvariantCulture) ?? "—",
                    Findings(reading));
            }

            Terminal.For(console).Write(table);

            await console.WriteLineAsync();
            foreach (var reading in readings.Where(r => r.HasErrors))
            {
                await console.WriteLineAsync($"{Path.GetFileName(reading.Origin)} ({reading.Report!.Agency}) does not add up:");
                foreach (var f in reading.Findings.Where(f => f.Severity == Severity.Error)) await console.WriteLineAsync($"  {Summary.Line(f)}");
            }

            await console.WriteLineAsync();
            await console.WriteLineAsync($"Read {readings.Count(r => r.Report is not null)} of {readings.Count} reports; {readings.Count(r => r.HasErrors)} with errors (the generator breaks about one report in seven on purpose).");
            await console.WriteLineAsync($"Each file in {dir} has its expected values beside it (.expected.json). Try:");
            await console.WriteLineAsync($"  ./warehouse parse {Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(dir, manifest.Entries[0].File))}");
            await console.WriteLineAsync($"  ./warehouse validate {Path.GetRelativePath(Environment.CurrentDirectory, dir)}/*.html");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static string Findings(ReportReading reading)
    {
        var errors = reading.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = reading.Findings.Count - errors;
        return errors > 0 ? $"[red]{errors} error(s)[/]" + (warnings > 0 ? $", {warnings} warning(s)" : "") : warnings > 0 ? $"{warnings} warning(s)" : "[green]consistent[/]";
    }
}
