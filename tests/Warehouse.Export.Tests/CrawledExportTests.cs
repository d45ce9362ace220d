using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Export.Dashboards;
using Warehouse.Load;

namespace Warehouse.Export.Tests;

/// <summary>
/// A warehouse filled by the crawler from a sample portal on loopback, as <c>./warehouse demo</c>
/// fills one: the workbook's cover says when the crawl loaded the data, in Beijing time, and
/// names the configured source, not the server's path; every report links to the page it came from.
/// </summary>
public sealed class CrawledExportTests(CrawledWarehouse w) : IClassFixture<CrawledWarehouse>
{
    private readonly DirectoryInfo _dir = new(w.Folder);
    private readonly WarehouseDatabase _database = w.Database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_crawl_the_cover_says_when_in_Beijing_time_and_names_the_source_not_the_server_path()
    {
        await using var c = await _database.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("select count(*) from fact_report")).ShouldBeGreaterThan(0, "the crawl loaded reports");
        var finished = await c.ExecuteScalarAsync<string>("select max(finished_at) from crawl_run");
        var loaded = await c.ExecuteScalarAsync<string>("select max(loaded_at) from fact_report");
        var latest = new[] { finished, loaded }.Select(t => DateTime.Parse(t!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).Max();
        var beijing = latest.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var path = Path.Combine(_dir.FullName, "out", "报送情况.xlsx");
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        await new Exporter(_database, TimeProvider.System).ExportAsync(catalog.Find("filing-status")!, new SelectionRequest(), path, null, Ct);
        var cover = Workbooks.Cells(path, DashboardChecker.CoverSheet);

        cover.ShouldContain(s => s.Contains($"最近一次载入（采集或导入）{beijing}（北京时间）", StringComparison.Ordinal), string.Join(" | ", cover));
        cover.ShouldContain(Exporter.DefaultSourceName);
        cover.ShouldNotContain(s => s.Contains(_dir.FullName, StringComparison.Ordinal) || s.Contains("warehouse.db", StringComparison.Ordinal), "no server path on the cover");

        // A configured name replaces the default.
        await new Exporter(_database, TimeProvider.System) { SourceName = "某省政务公开办公室" }.ExportAsync(catalog.Find("filing-status")!, new SelectionRequest(), path, null, Ct);
        Workbooks.Cells(path, DashboardChecker.CoverSheet).ShouldContain("某省政务公开办公室");
    }

    [Fact]
    public void The_source_name_is_WAREHOUSE_SOURCE_NAME_else_the_default()
    {
        Exporter.SourceNameFrom(null).ShouldBe("政府信息公开年报数据仓库");
        Exporter.SourceNameFrom("  ").ShouldBe("政府信息公开年报数据仓库");
        Exporter.SourceNameFrom(" 某市政务公开办 ").ShouldBe("某市政务公开办");
    }

    [Fact]
    public async Task Every_crawled_report_row_links_to_the_page_it_came_from()
    {
        var path = Path.Combine(_dir.FullName, "out", "年度对比.xlsx");
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        var result = await new Exporter(_database, TimeProvider.System).ExportAsync(catalog.Find("year-comparison")!, new SelectionRequest(), path, null, Ct);
        var table = result.Tables.Single(t => t.Name == "agency_yoy");
        table.Rows.ShouldBeGreaterThan(0);

        await using var c = await _database.OpenAsync(Ct);
        var origins = (await c.QueryAsync<string>("select origin from raw_document")).ToHashSet();
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var sheet = Workbooks.Sheet(doc, table.Sheet);
        var links = sheet.Worksheet.Descendants<Hyperlink>().Select(h => sheet.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.AbsoluteUri).ToList();
        links.Count.ShouldBeGreaterThanOrEqualTo(table.Rows, "each row of the table links to its report");
        foreach (var link in links)
        {
            link.ShouldStartWith("http://127.0.0.1:");
            origins.ShouldContain(link);
        }
    }
    [Fact]
    public async Task The_filing_workbook_gives_the_portal_s_publication_date_of_a_crawled_report_and_says_it_is_the_portal_s()
    {
        await using var c = await _database.OpenAsync(Ct);
        var year = await c.ExecuteScalarAsync<int?>(
            "select max(year) from v_filing_status where status in ('on_time', 'late') and published_source = 'portal' and filing_date = portal_published");
        year.ShouldNotBeNull("the TRS pages of the sample portal state when they were published (发布时间)");

        var path = Path.Combine(_dir.FullName, "out", "报送情况-门户网站.xlsx");
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        await new Exporter(_database, TimeProvider.System).ExportAsync(catalog.Find("filing-status")!, new SelectionRequest(year, year), path, null, Ct);

        var cells = Workbooks.Cells(path, "报送情况");
        cells.ShouldContain("日期依据");
        cells.ShouldContain("门户网站");
    }
}

/// <summary>A warehouse the crawler filled from a sample portal of 12 generated reports (two sites, two years).</summary>
public sealed class CrawledWarehouse : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-crawled-");

    public string Folder => _dir.FullName;

    public WarehouseDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = Path.Combine(_dir.FullName, "corpus");
        await new CorpusWriter().WriteAsync(corpus, new CorpusOptions(12, 5, [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk], 0.15, new Panel(2023, 2)), null, ct);
        await using var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortal.SamplePortalOptions(corpus, Sites: 2, PageSize: 20), ct);
        var sources = Directory.CreateDirectory(Path.Combine(_dir.FullName, "sources")).FullName;
        foreach (var site in portal.Sites) await File.WriteAllTextAsync(Path.Combine(sources, $"site-{site.Index}.yaml"), site.SourceYaml(TimeSpan.FromMilliseconds(5)), ct);
        var catalog = SourceCatalog.Load(sources);
        if (catalog.Problems.Count > 0) throw new InvalidOperationException(string.Join("; ", catalog.Problems));

        Database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(_dir.FullName, "warehouse.db")));
        await using var store = await CrawlStore.OpenAsync(Database, TimeProvider.System, ct);
        await using var fetcher = Fetcher.Create();
        var crawler = new Crawler(store, fetcher, DocumentReader.Default, CrawlDefaults.UserAgent);
        foreach (var source in catalog.Sources) await crawler.CrawlAsync(source, null, ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
