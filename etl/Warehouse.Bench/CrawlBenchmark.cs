using System.Diagnostics;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Load;
using Warehouse.SamplePortal;
using Portal = Warehouse.SamplePortal.SamplePortal;

namespace Warehouse.Bench;

/// <summary>
/// <c>bench crawl</c>: crawls the sample portal on several hosts with a per-host delay and compares
/// the wall time with the politeness bound (the busiest host's requests × the delay).
/// </summary>
public static class CrawlBenchmark
{
    public const double GoalRatio = 1.3;

    public static async Task<CrawlBenchResult> RunAsync(CrawlBenchOptions options, IBenchSteps steps, CancellationToken ct)
    {
        var (n, k, wait) = (options.Reports, options.Hosts, options.Delay);
        var bench = BenchFolder.Default;
        var corpus = Path.Combine(bench, $"crawl-{n}");
        if (!File.Exists(Path.Combine(corpus, "manifest.json")))
        {
            if (Directory.Exists(corpus)) Directory.Delete(corpus, recursive: true);
            var corpusOptions = new CorpusOptions(n, 42, [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx]);
            await steps.RunAsync($"Generating {n} reports (once; kept in {corpus})", n, progress => new CorpusWriter().WriteAsync(corpus, corpusOptions, progress, ct));
        }

        var run = Path.Combine(bench, $"crawl-{n}-run");
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        var sourcesDir = Directory.CreateDirectory(Path.Combine(run, "sources")).FullName;
        await using var portal = await Portal.StartAsync(new SamplePortalOptions(corpus, k), ct);
        foreach (var site in portal.Sites)
        {
            await File.WriteAllTextAsync(Path.Combine(sourcesDir, $"site{site.Index}.yaml"),
                $"title: {site.Name}\nregion: \"{site.RegionCode}\"\nprofile: {site.Profile}\nstart: {site.ListUri}\n" +
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
            summaries = await steps.CrawlAsync(catalog.Sources, (s, progress) => crawler.CrawlAsync(s, progress, ct));
        }

        watch.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var perHost = portal.Log.Entries.GroupBy(e => e.Port).Select(g => g.Count()).ToList();
        var bound = TimeSpan.FromMilliseconds(perHost.Max() * wait.TotalMilliseconds);
        return new CrawlBenchResult(corpus, run, portal.Reports.Count, summaries.Sum(s => s.NewDocuments), perHost, bound, watch.Elapsed, cpuUsed);
    }
}
