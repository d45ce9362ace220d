using System.CommandLine;
using Warehouse.Corpus;
using Warehouse.SamplePortal;
using Portal = Warehouse.SamplePortal.SamplePortal;

namespace Warehouse.Cli.Commands;

/// <summary><c>sample-portal</c>: a generated corpus served as county portals on 127.0.0.1, for trying the crawler; runs until Ctrl+C.</summary>
internal static class SamplePortalCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the first site; site k listens on PORT+k, on 127.0.0.1 only.", DefaultValueFactory = _ => 8701, HelpName = "P" };
        var sites = new Option<int>("--sites") { Description = $"How many sites (1 to {SiteNames.Count}); even ones are TRS-style, odd ones Hanweb-style.", DefaultValueFactory = _ => 2, HelpName = "K" };
        var reports = new Option<int>("--reports") { Description = "Reports in the generated corpus (text layouts are not generated: portals do not publish them).", DefaultValueFactory = _ => 200, HelpName = "N" };
        var corpus = new Option<string?>("--corpus") { Description = "Serve this corpus folder (written by 'corpus generate') instead of generating one.", HelpName = "DIR" };
        var faults = new Option<bool>("--faults") { Description = "Play faults: 500/503 bursts, 429 with Retry-After, slow, reset and truncated responses, wrong Content-Types, dead links, redirect loops and off-host redirects." };
        var log = new Option<string?>("--log") { Description = "When stopped, write every request as a JSON line to this file.", HelpName = "FILE" };
        var command = new Command("sample-portal", "Serve a generated corpus as county government portals (TRS and Hanweb styles) on 127.0.0.1, to try the crawler against; runs until Ctrl+C.")
        {
            port, sites, reports, corpus, faults, log,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var k = pr.GetValue(sites);
            if (k < 1 || k > SiteNames.Count) throw new UserError($"--sites must be 1 to {SiteNames.Count}");
            var first = pr.GetValue(port);
            if (first < 1 || first + k - 1 > 65535) throw new UserError($"--port must leave room for {k} port(s) below 65536");
            var n = pr.GetValue(reports);
            if (n <= 0) throw new UserError("--reports must be a positive number");

            var dir = pr.GetValue(corpus) is { } given ? ExistingCorpus(given) : await GeneratedCorpusAsync(n, output, ct);
            var options = new SamplePortalOptions(dir, k, Faults: pr.GetValue(faults) ? FaultOptions.Typical : null, Ports: Enumerable.Range(first, k).ToList());
            await using var portal = await Portal.StartAsync(options, ct);

            await output.WriteLineAsync($"Serving {portal.Reports.Count} reports from {dir} ({string.Join(", ", portal.Reports.GroupBy(r => r.Layout).Select(g => $"{g.Key} {g.Count()}"))}):");
            foreach (var site in portal.Sites)
            {
                await output.WriteLineAsync($"  {site.Name} ({site.RegionCode}, {site.Cms}, {portal.Reports.Count(r => r.Site == site)} reports): {site.ListUri}");
            }

            await output.WriteLineAsync(pr.GetValue(faults)
                ? $"Faults on: {portal.Reports.Count(r => r.Gone)} listed report(s) answer 404, others fail once or twice before answering."
                : "Faults off (--faults turns them on).");
            await output.WriteLineAsync("robots.txt disallows /private/. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how a server is meant to stop: not a failure.
            }

            if (pr.GetValue(log) is { } file) portal.Log.WriteJsonLines(file);
            await output.WriteLineAsync($"Stopped after {portal.Log.Count} request(s).");
            return WarehouseCli.Ok;
        });
        return command;
    }

    private static string ExistingCorpus(string given)
    {
        var dir = Path.GetFullPath(given);
        if (!File.Exists(Path.Combine(dir, "manifest.json"))) throw new UserError($"{dir} is not a generated corpus (no manifest.json); write one with './warehouse corpus generate --out {given}'");
        return dir;
    }

    /// <summary>Written once into .build/sample-portal/corpus-N and reused; PDFs only when LibreOffice is there to make them.</summary>
    private static async Task<string> GeneratedCorpusAsync(int count, TextWriter output, CancellationToken ct)
    {
        var dir = Path.GetFullPath(Path.Combine(".build", "sample-portal", $"corpus-{count}"));
        if (File.Exists(Path.Combine(dir, "manifest.json"))) return dir;

        // One report in ten is a PDF: LibreOffice makes them slowly, and portals publish fewer of them than pages and Word files.
        var pdf = SofficePdfConverter.Find() is not null;
        IReadOnlyList<string> layouts = [.. Enumerable.Repeat<string[]>([Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx], 3).SelectMany(l => l), .. pdf ? [Layouts.Pdf] : Array.Empty<string>()];
        await output.WriteLineAsync($"Generating {count} reports in {dir} ({string.Join(", ", layouts.Distinct())}), once…");
        if (!pdf) await output.WriteLineAsync($"  (no PDFs: {SofficePdfConverter.InstallHint})");

        // Written aside and moved into place, so that a generation stopped halfway is never taken for a corpus.
        var temp = $"{dir}.partial-{Environment.ProcessId}";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        await new CorpusWriter(pdf ? new SofficePdfConverter() : null).WriteAsync(temp, new CorpusOptions(count, 1, layouts), null, ct);
        Directory.Move(temp, dir);
        return dir;
    }
}
