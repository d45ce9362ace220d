using System.CommandLine;
using Spectre.Console;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Load;

namespace Warehouse.Cli.Commands;

/// <summary><c>crawl</c>: fetches the sources' annual-report columns and loads what they publish.</summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Crawl only this source (its name; see sources list). Default: every source.", HelpName = "NAME" };
        var db = IngestCommand.Database();
        var sources = SourcesCommand.Folder();
        var command = new Command("crawl", "Crawl the portals' annual-report columns: list pages, articles and attachments into the raw store and the warehouse. A killed crawl resumes where it stopped. Exit 1 when a source failed (its start page, or nothing fetched), warned (a list without report links, fewer items than the column declares) or lost a URL.")
        {
            source, db, sources,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var catalog = SourceCatalog.Load(SourcesCommand.FolderOf(pr, sources));
            foreach (var p in catalog.Problems) await pr.InvocationConfiguration.Error.WriteLineAsync($"warehouse: left out: {p}");
            var chosen = catalog.Sources.ToList();
            if (pr.GetValue(source) is { } name)
            {
                chosen = catalog.Find(name) is { } one ? [one] : throw new UserError(
                    $"no source named '{name}' in {catalog.Folder}; the sources are {(catalog.Sources.Count == 0 ? "none" : string.Join(", ", catalog.Sources.Select(s => s.Name)))}");
            }

            if (chosen.Count == 0) throw new UserError($"{catalog.Folder} 中没有可抓取的来源（见 ./warehouse sources check）。No sources to crawl in {catalog.Folder} (see sources check)");

            // A bad WAREHOUSE_USER_AGENT is the user's mistake: say so before any request, not mid-crawl.
            var userAgent = CrawlDefaults.UserAgentFromEnvironment();
            var policyProblems = chosen.SelectMany(s => FetchPolicy.ForSource(s, userAgent).Problems()).Distinct().ToList();
            if (policyProblems.Count > 0) throw new UserError($"无法抓取 cannot crawl: {string.Join("; ", policyProblems)} (check WAREHOUSE_USER_AGENT and the source files)");

            var database = IngestCommand.Open(pr, db);
            await using var store = await CrawlStore.OpenAsync(database, TimeProvider.System, ct);
            await using var fetcher = Fetcher.Create();
            var crawler = new Crawler(store, fetcher, DocumentReader.Default, userAgent);

            var summaries = await CrawlProgressDisplay.RunAsync(output, chosen,
                (s, progress) => crawler.CrawlAsync(s, progress, ct));

            foreach (var s in summaries)
            {
                await output.WriteLineAsync($"{s.Source}: {(s.Resumed ? "resumed run" : "run")} {s.RunKey}: {s.ListPages} list page(s), {s.Articles} article(s); " +
                    $"documents: {s.NewDocuments} new, {s.UnchangedDocuments} unchanged, {s.Rejected} not a report; {s.Problems.Count} failed or refused");
                if (s.ListRules.Count > 0) await output.WriteLineAsync($"    年报链接由 {string.Join("、", s.ListRules)} 找到 / report links found by: {string.Join(", ", s.ListRules)}");

                // Failures one by one, by URL: each is a report the warehouse may be missing.
                foreach (var p in s.Problems.Where(p => p.State == UrlState.Failed))
                {
                    await output.WriteLineAsync($"    失败 / failed: {p.Url}（{p.LastReason ?? p.State.Code()}）");
                }

                foreach (var group in s.Problems.Where(p => p.State != UrlState.Failed).GroupBy(p => p.LastReason ?? p.State.Code()).OrderByDescending(g => g.Count()).Take(10))
                {
                    await output.WriteLineAsync($"    {group.Count(),4} × {group.Key} (e.g. {group.First().Url})");
                }

                foreach (var w in s.Warnings.Where(w => w != s.Failure).Concat(s.Notices)) await output.WriteLineAsync($"    警告 / warning: {w}");
                if (s.Failure is { } why) await output.WriteLineAsync($"    失败 / failed: {why}");
            }

            await output.WriteLineAsync($"Into {database.Target.Display}.");

            // The closing line, Chinese first: a source that failed as a whole, warned, or lost a URL is never an all-clear.
            var failed = summaries.Where(s => s.Failure is not null).Select(s => s.Source).ToList();
            if (failed.Count > 0)
            {
                await output.WriteLineAsync($"抓取失败：{summaries.Count} 个来源中 {failed.Count} 个失败（{string.Join("、", failed)}），见上 / {failed.Count} of {summaries.Count} source(s) failed: {string.Join(", ", failed)}");
                return WarehouseCli.Findings;
            }

            var unsure = summaries.Where(s => s.Warnings.Count > 0 || s.Problems.Any(p => p.State == UrlState.Failed)).Select(s => s.Source).ToList();
            if (unsure.Count > 0)
            {
                await output.WriteLineAsync($"抓取未完全成功：{summaries.Count} 个来源中 {unsure.Count} 个有警告或抓取失败的链接（{string.Join("、", unsure)}），见上 / " +
                    $"{unsure.Count} of {summaries.Count} source(s) have warnings or failed URLs: {string.Join(", ", unsure)}");
                return WarehouseCli.Findings;
            }

            await output.WriteLineAsync($"抓取完成：{summaries.Count} 个来源，新文件 {summaries.Sum(s => s.NewDocuments)} 个，未变 {summaries.Sum(s => s.UnchangedDocuments)} 个 / crawled {summaries.Count} source(s)");
            return WarehouseCli.Ok;
        });
        return command;
    }
}

/// <summary>A live line per source (its host, pages fetched, pages known) on a terminal; a line every few seconds in a log.</summary>
internal static class CrawlProgressDisplay
{
    public static async Task<IReadOnlyList<CrawlSummary>> RunAsync(TextWriter output, IReadOnlyList<Source> sources, Func<Source, IProgress<CrawlProgress>, Task<CrawlSummary>> crawl)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            var last = TimeProvider.System.GetTimestamp();
            var gate = new Lock();
            var reporter = new Reporter(p =>
            {
                lock (gate)
                {
                    if (TimeProvider.System.GetElapsedTime(last).TotalSeconds < 5) return;
                    last = TimeProvider.System.GetTimestamp();
                    output.WriteLine($"{p.Source} ({p.Host}): {p.Fetched} fetched of {p.Known} known");
                }
            });
            return await Task.WhenAll(sources.Select(s => crawl(s, reporter)));
        }

        IReadOnlyList<CrawlSummary> result = [];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = sources.ToDictionary(s => s.Name, s => ctx.AddTask(Markup.Escape(s.Name), maxValue: 1));
                var gate = new Lock();
                var reporter = new Reporter(p =>
                {
                    lock (gate)
                    {
                        var task = tasks[p.Source];
                        task.MaxValue = Math.Max(1, p.Known);
                        task.Value = p.Fetched;
                        task.Description = Markup.Escape($"{p.Source} {p.Host}: {p.Fetched}/{p.Known}");
                    }
                });
                result = await Task.WhenAll(sources.Select(async s =>
                {
                    var summary = await crawl(s, reporter);
                    tasks[s.Name].Value = tasks[s.Name].MaxValue;
                    return summary;
                }));
            });
        return result;
    }

    private sealed class Reporter(Action<CrawlProgress> report) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value) => report(value);
    }
}
