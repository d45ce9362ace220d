using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Corpus.Rendering;
using Warehouse.Parsing;

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
            var chosen = CorpusCommand.ParseLayouts(pr.GetValue(layouts));
            var n = Math.Max(chosen.Count, pr.GetValue(count));
            var dir = Path.GetFullPath(Path.Combine(".build", "bench", $"parse-{n}-{string.Join("_", chosen)}"));
            if (!File.Exists(Path.Combine(dir, "manifest.json")))
            {
                await output.WriteLineAsync($"Generating the benchmark corpus ({n} reports) in {dir}…");
                await new CorpusWriter(CorpusCommand.NeedsPdf(chosen) ? new SofficePdfConverter() : null).WriteAsync(dir, new CorpusOptions(n, 42, chosen), null, ct);
            }

            var table = new Table().AddColumns("layout", "files", "reports/s (one thread)", "ms/report", "rejected");
            var byLayout = chosen.ToDictionary(l => l, l => Directory.GetFiles(dir).Where(f => Layout(f) == l).Order().ToList());

            // Tiered compilation settles only after the code has run a while: warm every layout until
            // a whole round over all of them compiles next to nothing (at most MaxWarmUp), so that the rates
            // are the steady state an ingest of thousands of reports runs at, not the JIT's progress.
            var warmUp = WarmUp(byLayout.Values, ct);
            foreach (var layout in chosen)
            {
                var files = byLayout[layout];
                var (rate, rejected) = Measure(files, pr.GetValue(seconds), ct);
                table.AddRow(layout, files.Count.ToString(CultureInfo.InvariantCulture), rate.ToString("N0", CultureInfo.InvariantCulture),
                    (1000 / rate).ToString("0.000", CultureInfo.InvariantCulture), rejected.ToString(CultureInfo.InvariantCulture));
            }

            if (chosen.Contains(Layouts.Pdf) && Which("pdftotext") is { } pdftotext)
            {
                var pdfs = Directory.GetFiles(dir, "*.pdf").Order().ToList();
                var watch = Stopwatch.StartNew();
                foreach (var pdf in pdfs) await RunAsync(pdftotext, ["-layout", pdf, "-"], ct);
                var rate = pdfs.Count / watch.Elapsed.TotalSeconds;
                table.AddRow("pdf: pdftotext -layout (reference, a process per file)", pdfs.Count.ToString(CultureInfo.InvariantCulture),
                    rate.ToString("N0", CultureInfo.InvariantCulture), (1000 / rate).ToString("0.000", CultureInfo.InvariantCulture), "—");
            }

            Terminal.For(output).Write(table);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Corpus: {dir}. One thread, workstation GC, after a warm-up of {warmUp.Seconds:0.0} s ({(warmUp.Settled ? $"until a round over every layout compiled fewer than {SettledBelow} methods" : $"stopped at {MaxWarmUp.TotalSeconds:0} s, the JIT still compiling")})."));
            await output.WriteLineAsync(WorstRunTogether(pr.GetValue(seconds), ct));
            return WarehouseCli.Ok;
        });

        var file = new Argument<string>("FILE") { Description = "A report to parse once." };
        var memory = new Command("memory", "Parse one file once and print the time taken and the peak memory (resident set) of this process.") { file };
        memory.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            var watch = Stopwatch.StartNew();
            var reading = await ReportFiles.ReadAsync(path, new ParseOptions(), ct);
            watch.Stop();
            await pr.InvocationConfiguration.Output.WriteLineAsync(
                $"{path}: {new FileInfo(path).Length / (1024.0 * 1024):0.0} MB, {(reading.Report is null ? "rejected: " + reading.Rejection : "parsed")}, {watch.Elapsed.TotalSeconds:0.00} s, peak memory {PeakResidentMb():0} MB");
            return WarehouseCli.Ok;
        });

        return new Command("bench", "Measure speed and memory (benchmarks, not tests).") { parse, memory, BenchIngestCommand.Create(), BenchCrawlCommand.Create(), BenchExportCommand.Create(), BenchServeCommand.Create() };
    }

    /// <summary>
    /// The worst case of run-together recovery: a text-stream report whose table 三 has every cell a
    /// three- or four-digit number and every row's cells run together, parsed over and over.
    /// </summary>
    private static string WorstRunTogether(double seconds, CancellationToken ct)
    {
        var generated = ReportFactory.Dense(42);
        var bytes = (ReadOnlyMemory<byte>)TextStreamRendition.Make(generated, Quirks.None, 42, runTogether: true).Bytes;
        var truth = generated.Report.Applications;
        var digits = truth.Rows.SelectMany(r => r.Cells).Sum(v => v!.Value.ToString(CultureInfo.InvariantCulture).Length);
        var options = new ParseOptions();
        var result = ReportParser.Default.Parse(bytes, options);
        var parses = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds || parses < 3)
        {
            ct.ThrowIfCancellationRequested();
            ReportParser.Default.Parse(bytes, options);
            parses++;
        }

        var ms = watch.Elapsed.TotalMilliseconds / parses;
        var cells = truth.Rows.Count() * ApplicantTypes.Count;
        if (result.Report is not { } read) return $"Worst case of run-together recovery (text-stream, table 三 of {digits} digits, every row run together): rejected ({result.Rejection}), {ms:0.0} ms/parse.";
        var right = truth.Rows.Sum(r => Enumerable.Range(0, ApplicantTypes.Count).Count(c => read.Applications[r.Category.Code, c] == r.Cells[c]));
        var unknown = truth.Rows.Sum(r => Enumerable.Range(0, ApplicantTypes.Count).Count(c => read.Applications[r.Category.Code, c] is null));
        return $"Worst case of run-together recovery (text-stream, table 三 of {digits} digits in {cells} cells, every row run together): {ms:0.0} ms/parse over {parses} parses; "
            + $"{right} cells read right, {unknown} left unknown, {cells - right - unknown} wrong.";
    }

    private static string? Layout(string path)
    {
        var json = path.EndsWith(".expected.json", StringComparison.Ordinal) || path.EndsWith("manifest.json", StringComparison.Ordinal);
        if (json) return null;
        var expected = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileName(path).Split('.')[0] + ".expected.json");
        if (!File.Exists(expected)) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(expected));
        return doc.RootElement.TryGetProperty("layout", out var l) ? l.GetString() : null;
    }

    /// <summary>
    /// A round that compiles fewer methods than this has settled: the first rounds compile thousands
    /// (13,000, then 1,800), later ones a residue of rarely taken paths (3 to 60) that never quite stops.
    /// </summary>
    private const int SettledBelow = 50;

    /// <summary>The longest warm-up before measuring.</summary>
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Parses every layout's files, round after round (each file at least once a round), until a round
    /// compiles fewer than <see cref="SettledBelow"/> methods (<see cref="System.Runtime.JitInfo.GetCompiledMethodCount"/>) or <see cref="MaxWarmUp"/> has passed.
    /// </summary>
    /// <returns>The seconds spent and whether the JIT settled.</returns>
    private static (double Seconds, bool Settled) WarmUp(IEnumerable<List<string>> layouts, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var all = layouts.ToList();
        while (watch.Elapsed < MaxWarmUp)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var files in all) Measure(files, 1.0 / all.Count, ct);
            // Tiered compilation promotes methods in the background after a delay: give it the time.
            Thread.Sleep(200);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < SettledBelow) return (watch.Elapsed.TotalSeconds, true);
        }

        return (watch.Elapsed.TotalSeconds, false);
    }

    private static (double Rate, int Rejected) Measure(List<string> files, double seconds, CancellationToken ct)
    {
        var documents = files.Select(f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f)).ToList();
        var options = new ParseOptions();
        var rejected = documents.Count(d => ReportParser.Default.Parse(d, options).Report is null);
        var parsed = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var d in documents) ReportParser.Default.Parse(d, options);
            parsed += documents.Count;
        }

        return (parsed / watch.Elapsed.TotalSeconds, rejected);
    }

    internal static double PeakResidentMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    internal static async Task RunAsync(string program, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        await p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
    }

    internal static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
