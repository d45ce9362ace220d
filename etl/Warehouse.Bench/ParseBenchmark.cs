using System.Diagnostics;
using System.Globalization;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Corpus.Rendering;
using Warehouse.Parsing;

namespace Warehouse.Bench;

/// <summary>Reports per second per layout on one thread, with <c>pdftotext -layout</c> as the PDF reference.</summary>
public static class ParseBenchmark
{
    /// <summary>
    /// A round that compiles fewer methods than this has settled: the first rounds compile thousands
    /// (13,000, then 1,800), later ones a residue of rarely taken paths (3 to 60) that never quite stops.
    /// </summary>
    public const int SettledBelow = 50;

    /// <summary>The longest warm-up before measuring.</summary>
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);

    public static async Task<ParseBenchResult> RunAsync(ParseBenchOptions options, IBenchSteps steps, CancellationToken ct)
    {
        var chosen = options.Layouts;
        var n = Math.Max(chosen.Count, options.Count);
        var dir = Path.Combine(BenchFolder.Default, $"parse-{n}-{string.Join("_", chosen)}");
        if (!File.Exists(Path.Combine(dir, "manifest.json")))
        {
            await steps.LineAsync($"Generating the benchmark corpus ({n} reports) in {dir}…");
            await new CorpusWriter(chosen.Any(Layouts.NeedsPdf) ? new SofficePdfConverter() : null).WriteAsync(dir, new CorpusOptions(n, 42, chosen), null, ct);
        }

        var byLayout = chosen.ToDictionary(l => l, l => Directory.GetFiles(dir).Where(f => Layout(f) == l).Order().ToList());

        // Tiered compilation settles only after the code has run a while: warm every layout until
        // a whole round over all of them compiles next to nothing (at most MaxWarmUp), so that the rates
        // are the steady state an ingest of thousands of reports runs at, not the JIT's progress.
        var warmUp = WarmUp(byLayout.Values, ct);
        var rates = new List<LayoutRate>();
        foreach (var layout in chosen)
        {
            var files = byLayout[layout];
            var (rate, rejected) = Measure(files, options.Seconds, ct);
            rates.Add(new LayoutRate(layout, files.Count, rate, rejected));
        }

        LayoutRate? reference = null;
        if (chosen.Contains(Layouts.Pdf) && Machine.Which("pdftotext") is { } pdftotext)
        {
            var pdfs = Directory.GetFiles(dir, "*.pdf").Order().ToList();
            var watch = Stopwatch.StartNew();
            foreach (var pdf in pdfs) await Machine.RunAsync(pdftotext, ["-layout", pdf, "-"], ct);
            reference = new LayoutRate("pdf: pdftotext -layout (reference, a process per file)", pdfs.Count, pdfs.Count / watch.Elapsed.TotalSeconds, null);
        }

        return new ParseBenchResult(dir, rates, reference, warmUp.Seconds, warmUp.Settled, WorstRunTogether(options.Seconds, ct));
    }

    /// <summary>
    /// The worst case of run-together recovery: a text-stream report whose table 三 has every cell a
    /// three- or four-digit number and every row's cells run together, parsed over and over.
    /// </summary>
    private static RunTogetherCase WorstRunTogether(double seconds, CancellationToken ct)
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
        if (result.Report is not { } read) return new RunTogetherCase(digits, cells, ms, parses, result.Rejection ?? "", 0, 0);
        var right = truth.Rows.Sum(r => Enumerable.Range(0, ApplicantTypes.Count).Count(c => read.Applications[r.Category.Code, c] == r.Cells[c]));
        var unknown = truth.Rows.Sum(r => Enumerable.Range(0, ApplicantTypes.Count).Count(c => read.Applications[r.Category.Code, c] is null));
        return new RunTogetherCase(digits, cells, ms, parses, null, right, unknown);
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
}
