using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Export.Digest;
using Warehouse.Load;
using Warehouse.Register.Assessment;
using Warehouse.SamplePortal;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole system on this machine in a couple of minutes: a sample portal serving
/// generated reports, a crawl of it into a fresh SQLite warehouse, the standard workbooks, and a
/// digest written as an .eml file instead of being sent.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var agencies = new Option<int>("--agencies") { Description = "Agencies publishing on the sample portal.", DefaultValueFactory = _ => 40, HelpName = "N" };
        var years = new Option<string>("--years") { Description = "The years each of them reports.", DefaultValueFactory = _ => "2022-2024", HelpName = "A-B" };
        var db = new Option<string>("--db") { Description = "The demo warehouse (made afresh).", DefaultValueFactory = _ => Path.Combine("data", "demo.db"), HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Where the workbooks and digest.eml go.", DefaultValueFactory = _ => "out", HelpName = "DIR" };
        var folder = DashboardsCommand.Folder();
        var command = new Command("demo", "Run the whole system on sample data: a sample portal, a crawl of it into data/demo.db, the standard workbooks in out/, and out/digest.eml; then say how to see the scheduled jobs.")
        {
            agencies, years, db, output, folder,
        };
        command.SetAction(async (pr, ct) =>
        {
            var console = pr.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            var n = pr.GetValue(agencies);
            if (n is < 1 or > 2000) throw new UserError("--agencies 应在 1 到 2000 之间。--agencies must be between 1 and 2000");
            var panel = CorpusCommand.PanelOf(pr.GetValue(years))!;
            var outDir = Path.GetFullPath(pr.GetValue(output)!);
            var dbPath = Path.GetFullPath(pr.GetValue(db)!);
            var dashboards = DashboardCatalog.Load(DashboardsCommand.FolderOf(pr, folder));
            if (dashboards.Problems.Count > 0) throw new UserError($"看板定义有误（见 ./warehouse dashboards check）。The dashboards have mistakes (./warehouse dashboards check): {dashboards.Problems[0]}");

            // 1. Reports to publish: the same agencies every year, in the layouts portals use.
            var work = Directory.CreateTempSubdirectory("warehouse-demo-");
            try
            {
                var corpus = Path.Combine(work.FullName, "corpus");
                var corpusOptions = new CorpusOptions(n * panel.Years, 2024, [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx], 0.15, panel);
                var manifest = await Progress.RunAsync(console, $"Generating {n} agencies × {panel.Years} years of reports", corpusOptions.Count,
                    progress => new CorpusWriter().WriteAsync(corpus, corpusOptions, progress, ct));

                // Every eighth agency has not published its latest report: supervisors see it missing.
                // One agency's latest report is not on the portal either: it comes by other means, wrong and then corrected (DemoRegister).
                var register = new DemoRegister(corpusOptions, n);
                bool Latest(CorpusEntry e) => e.Index % panel.Years == panel.Years - 1;
                var published = manifest.Entries.Where(e => !(Latest(e) && (e.Index / panel.Years % 8 == 0 || e.Index / panel.Years == register.CorrectedAgency))).ToList();
                await File.WriteAllTextAsync(Path.Combine(corpus, "manifest.json"), System.Text.Json.JsonSerializer.Serialize(
                    published.Select(e => new { index = e.Index, layout = e.Layout, file = e.File, expected = e.ExpectedFile })), ct);

                // 2. A sample portal on loopback, and a source file for each of its sites.
                await using var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 2, PageSize: 20), ct);
                var sourcesDir = Directory.CreateDirectory(Path.Combine(work.FullName, "sources")).FullName;
                foreach (var site in portal.Sites)
                {
                    await File.WriteAllTextAsync(Path.Combine(sourcesDir, $"demo-{site.Index}.yaml"), site.SourceYaml(TimeSpan.FromMilliseconds(20), "0 3 * * *"), ct);
                }

                var sources = SourceCatalog.Load(sourcesDir);
                if (sources.Problems.Count > 0) throw new InvalidOperationException(string.Join("; ", sources.Problems));
                await console.WriteLineAsync($"示例门户 Sample portal: {string.Join(", ", portal.Sites.Select(s => $"{s.Name} {s.ListUri}"))}");

                // 3. A fresh warehouse, filled by the crawler.
                Fresh(dbPath);
                var database = new WarehouseDatabase(WarehouseTarget.Parse(dbPath));
                IReadOnlyList<CrawlSummary> crawled;
                await using (var store = await CrawlStore.OpenAsync(database, TimeProvider.System, ct))
                await using (var fetcher = Fetcher.Create())
                {
                    var crawler = new Crawler(store, fetcher, DocumentReader.Default, CrawlDefaults.UserAgent);
                    crawled = await CrawlProgressDisplay.RunAsync(console, sources.Sources, (s, progress) => crawler.CrawlAsync(s, progress, ct));
                }

                // 4. The register: a roster, and the documents sent to the office directly.
                // Kept beside the warehouse: the roster files, and the documents whose 原文链接 they are.
                var received = Path.Combine(Path.GetDirectoryName(dbPath)!, "demo-received");
                if (Directory.Exists(received)) Directory.Delete(received, recursive: true);
                var planted = await register.PlantAsync(database, Directory.CreateDirectory(received).FullName, ct);

                // 5. The standard workbooks, and the digest as a file.
                var exporter = new Exporter(database, TimeProvider.System);
                var written = new List<string>();
                foreach (var name in DashboardCatalog.Standard)
                {
                    var d = dashboards.Find(name) ?? throw new UserError($"{dashboards.Folder} 中没有看板 {name}。No dashboard {name} in {dashboards.Folder}");
                    var result = await exporter.ExportAsync(d, new SelectionRequest(), Path.Combine(outDir, $"{d.Title}.xlsx"), null, ct);
                    written.Add($"{Relative(result.Path)}  ({d.Title}: {result.Tables.Where(t => !t.IsData).Sum(t => t.Rows):N0} rows, {result.Charts} chart(s))");
                }

                // The register's own workbooks, for the latest year: 考核评分 scored with the folder's example scheme.
                var latest = panel.FirstYear + panel.Years - 1;
                await new AssessmentService(database, TimeProvider.System).AssessAsync(AssessCommand.Scheme(null, dashboards.Folder), latest, ct);
                foreach (var name in RegisterWorkbooks)
                {
                    if (dashboards.Find(name) is not { } d) continue;
                    var result = await exporter.ExportAsync(d, new SelectionRequest(latest, latest, null), Path.Combine(outDir, $"{d.Title}.xlsx"), null, ct);
                    written.Add($"{Relative(result.Path)}  ({d.Title} {latest}: {result.Tables.Where(t => !t.IsData).Sum(t => t.Rows):N0} rows)");
                }

                var digests = new DigestService(database, dashboards, TimeProvider.System);
                var eml = await digests.WriteEmlAsync(new DigestRequest("region-comparison", null, null, ["leadership@example.gov.cn"]), outDir, ct);

                // 6. What happened, and where to look.
                await using var c = await database.OpenAsync(ct);
                var status = await new StatusQueries(database.Sql).CountsAsync(c, null, null, ct);
                await console.WriteLineAsync();
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"已抓取栏目页 {crawled.Sum(s => s.ListPages)} 个、文章 {crawled.Sum(s => s.Articles)} 篇：新文件 {crawled.Sum(s => s.NewDocuments)} 份，非年度报告 {crawled.Sum(s => s.Rejected)} 份，失败或被拒 {crawled.Sum(s => s.Problems.Count)} 个。Crawled {crawled.Sum(s => s.ListPages)} list pages and {crawled.Sum(s => s.Articles)} articles: {crawled.Sum(s => s.NewDocuments)} documents new, {crawled.Sum(s => s.Rejected)} not a report, {crawled.Sum(s => s.Problems.Count)} failed or refused."));
                var problems = crawled.SelectMany(s => s.Problems).ToList();
                var trapped = problems.Count(p => p.LastReason?.Contains("robots.txt", StringComparison.Ordinal) == true);
                if (trapped > 0) await console.WriteLineAsync($"  {trapped} × 被 robots.txt 拒绝：示例门户有意在 /private/ 下列出页面，抓取程序不进入。refused by robots.txt: the sample portal lists a page under /private/ on purpose, and the crawler keeps out");
                foreach (var group in problems.Where(p => p.LastReason?.Contains("robots.txt", StringComparison.Ordinal) != true).GroupBy(p => p.LastReason ?? p.State.Code()).OrderByDescending(g => g.Count()).Take(3))
                {
                    await console.WriteLineAsync($"  {group.Count()} × {group.Key} (e.g. {group.First().Url})");
                }

                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"已载入 {status.Agencies} 个机关的报告 {status.Reports} 份到 {Relative(dbPath)}；发现错误 {status.Errors} 条、警告 {status.Warnings} 条（约七份中有一份是有意做错的）。Loaded {status.Reports} reports of {status.Agencies} agencies into {Relative(dbPath)}; findings: {status.Errors} errors, {status.Warnings} warnings (about one report in seven is broken on purpose)."));
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"应报名单 {planted.Roster} 个单位：{string.Join("；", new[] { $"从未发布 {planted.NeverPublished.Count} 个（{string.Join("、", planted.NeverPublished)}）", Planted(planted.Renamed, $"{planted.RenamedFrom}更名为"), Planted(planted.Copier, "照抄同地区报告（雷同）："), Planted(planted.Corrected, "先报送数据有误的报告、后更正：") }.Where(x => x.Length > 0))}（名单和直接报送的文件在 {Relative(received)}）。Roster of {planted.Roster} agencies: never published, renamed, a copy (雷同) and a corrected report planted."));
                await console.WriteLineAsync("工作簿 Workbooks:");
                foreach (var w in written) await console.WriteLineAsync($"  {w}");
                await console.WriteLineAsync($"摘要邮件（未发送）Digest (not sent): {Relative(eml)}");
                await console.WriteLineAsync();
                await console.WriteLineAsync($"完成，用时 {watch.Elapsed.TotalSeconds:0} 秒。接下来 Done in {watch.Elapsed.TotalSeconds:0} s. Next:");
                await console.WriteLineAsync($"  ./warehouse status --db {Relative(dbPath)}                 谁逾期、未发布或数字不符 who is late, missing or inconsistent");
                await console.WriteLineAsync($"  ./warehouse register notice --year {latest} --db {Relative(dbPath)}   {latest} 年度通报名单（可粘贴），register history 单位名称 看一个单位的历年情况 the 通报 list, ready to paste");
                await console.WriteLineAsync($"  WAREHOUSE_DB={Relative(dbPath)} ./warehouse serve       定时任务；打开 http://127.0.0.1:5080/hangfire（仅限本机）scheduled jobs (local requests only)");
                await console.WriteLineAsync("  ./warehouse sample-portal --port 8701 & ./warehouse crawl   对随附的示例来源做同样的事 the same against the shipped sample sources");
                return WarehouseCli.Ok;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>The workbooks of the register the demo writes besides the standard set, when the dashboards folder has them.</summary>
    private static readonly string[] RegisterWorkbooks = ["assessment"];

    private static string Planted(string? who, string what) => who is null ? "" : what + who;

    /// <summary>Removes an earlier demo warehouse (the file, its WAL and its raw store).</summary>
    private static void Fresh(string db)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists)) File.Delete(f);
        var raw = WarehouseTarget.Parse(db).RawStoreDirectory;
        if (Directory.Exists(raw)) Directory.Delete(raw, recursive: true);
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
