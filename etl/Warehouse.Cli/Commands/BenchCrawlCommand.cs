using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Load;
using Warehouse.SamplePortal;
using Portal = Warehouse.SamplePortal.SamplePortal;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench crawl</c>: crawls the sample portal on several hosts with a per-host delay and compares
/// the wall time with the politeness bound (the busiest host's requests × the delay).
/// </summary>
internal static class BenchCrawlCommand
{
    private const double GoalRatio = 1.3;

    public static Command Create()
    {
        var reports = new Option<int>("--reports") { Description = "Reports the portal serves.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var hosts = new Option<int>("--hosts") { Description = $"Sample-portal sites, each on its own port (1 to {SiteNames.Count}).", DefaultValueFactory = _ => 4, HelpName = "K" };
        var delay = new Option<int>("--delay-ms") { Description = "The least time between two requests to one host.", DefaultValueFactory = _ => 50, HelpName = "MS" };
        var command = new Command("crawl", "Crawl N reports served by K sample-portal hosts with a per-host delay into a fresh warehouse; print the wall time against the politeness bound and the CPU time per page.")
        {
            reports, hosts, delay,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(reports);
            var k = pr.GetValue(hosts);
            var wait = TimeSpan.FromMilliseconds(pr.GetValue(delay));
            if (n <= 0) throw new UserError("--reports must be a positive number");
            if (k < 1 || k > SiteNames.Count) throw new UserError($"--hosts must be 1 to {SiteNames.Count}");

            var bench = Path.GetFullPath(Path.Combine(".build", "bench"));
            var corpus = Path.Combine(bench, $"crawl-{n}");
            if (!File.Exists(Path.Combine(corpus, "manifest.json")))
            {
                if (Directory.Exists(corpus)) Directory.Delete(corpus, recursive: true);
                var options = new CorpusOptions(n, 42, [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx]);
                await Progress.RunAsync(output, $"Generating {n} reports (once; kept in {corpus})", n, progress => new CorpusWriter().WriteAsync(corpus, options, progress, ct));
            }

            var run = Path.Combine(bench, $"crawl-{n}-run");
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
            var sourcesDir = Directory.CreateDirectory(Path.Combine(run, "sources")).FullName;
            await using var portal = await Portal.StartAsync(new SamplePortalOptions(corpus, k), ct);
            foreach (var site in portal.Sites)
            {
                await File.WriteAllTextAsync(Path.Combine(sourcesDir, $"site{site.Index}.yaml"),
                    $"title: {site.Name}\nregion: \"{site.RegionCode}\"\nprofile: {(site.Cms == CmsStyle.Trs ? "trs" : "hanweb")}\nstart: {site.ListUri}\n" +
                    $"politeness:\n  min_delay: {wait.TotalMilliseconds:0}ms\nlocal_test_source: true\n", ct);
            }

            var catalog = SourceCatalog.Load(sourcesDir);
            var database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(run, "warehouse.db")));
            await (await database.OpenAsync(ct)).DisposeAsync();

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            IReadOnlyList<CrawlSummary> summaries;
            await using (var store = await CrawlStore.OpenAsync(database, TimeProvider.System, ct))
            await using (var fetcher = Fetcher.Create())
            {
                var crawler = new Crawler(store, fetcher, DocumentReader.Default, CrawlDefaults.UserAgent);
                summaries = await CrawlProgressDisplay.RunAsync(output, catalog.Sources, (s, progress) => crawler.CrawlAsync(s, progress, ct));
            }

            watch.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var perHost = portal.Log.Entries.GroupBy(e => e.Port).Select(g => g.Count()).ToList();
            var requests = perHost.Sum();
            var bound = TimeSpan.FromMilliseconds(perHost.Max() * wait.TotalMilliseconds);
            var ratio = watch.Elapsed / bound;

            var table = new Table().AddColumns("", "value", "goal");
            table.AddRow("reports served / loaded", $"{portal.Reports.Count:N0} / {summaries.Sum(s => s.NewDocuments):N0}", "");
            table.AddRow("hosts, delay", $"{k}, {wait.TotalMilliseconds:0} ms", "");
            table.AddRow("requests (per host)", $"{requests:N0} ({string.Join(", ", perHost)})", "");
            table.AddRow("politeness bound (busiest host's requests × delay)", $"{bound.TotalSeconds:0.0} s", "");
            table.AddRow("crawl wall time", $"{watch.Elapsed.TotalSeconds:0.0} s", "");
            table.AddRow("wall / bound", $"{ratio:0.00}", $"≤ {GoalRatio} {(ratio <= GoalRatio ? "met" : "MISSED")}");
            table.AddRow("CPU time per request (crawler and portal, one process)", $"{cpuUsed.TotalMilliseconds / requests:0.00} ms", "");
            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; corpus {corpus}; warehouse {run}.");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
