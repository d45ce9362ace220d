using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Tests.Fetching;
using Warehouse.Data;
using Warehouse.Load;
using Warehouse.Load.Tests;
using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// Crawl, ingest and reparse take a document through the one intake (docs/crawler.md, "Intake"):
/// the same bytes give the same rows whichever path found them, each document is sniffed once, and
/// the charset a server declares reaches the parser.
/// </summary>
public sealed class IntakePathsTests() : ScratchFolderTests("crawl-intake-")
{
    private const string Gbk = "text/html; charset=gbk";

    /// <summary>Four reports as a portal serves them: a UTF-8 page, a GBK page whose only charset is the server's, a DOCX and a text file.</summary>
    private static IReadOnlyList<(string Path, string ContentType, byte[] Bytes, GeneratedReport Report)> Documents()
    {
        var reports = Enumerable.Range(0, 4).Select(i => ReportFactory.Create(59, i, 0)).ToList();
        return
        [
            ("/doc/0.html", "text/html; charset=utf-8", CorpusWriter.Render(reports[0], Layouts.HtmlTrs), reports[0]),
            ("/doc/1.html", Gbk, GbkPage.WithoutMetaCharset(reports[1]), reports[1]),
            ("/doc/2.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CorpusWriter.Render(reports[2], Layouts.Docx), reports[2]),
            ("/doc/3.txt", "text/plain; charset=utf-8", CorpusWriter.Render(reports[3], Layouts.TextTab), reports[3]),
        ];
    }

    [Fact]
    public async Task Crawl_ingest_and_reparse_load_the_same_bytes_to_the_same_rows_sniffing_each_document_once()
    {
        var documents = Documents();
        await using var portal = await ServeAsync(documents);

        using var measured = Measured.Start();
        var crawled = NewWarehouse("crawled");
        var summary = await CrawlAsync(crawled, portal.Url("/gkml/ndbg/"));
        summary.NewDocuments.ShouldBe(4);
        summary.Problems.ShouldBeEmpty();
        measured.Sniffs.ShouldBe(4, "crawl: the list page is not sniffed, each document once (there were four sniffs a document)");
        measured.IntakeDocuments.Count.ShouldBe(4);

        measured.Reset();
        var ingested = NewWarehouse("ingested");
        var folder = Directory.CreateDirectory(Path.Combine(Dir.FullName, "files")).FullName;
        var files = documents.Select(d => Path.Combine(folder, Path.GetFileName(d.Path))).ToList();
        foreach (var (file, d) in files.Zip(documents)) await File.WriteAllBytesAsync(file, d.Bytes, Ct);
        var ingest = await new IngestService(ingested, DocumentReader.Default, TimeProvider.System).IngestAsync(files, new IngestOptions(RegionHint: "370212"), null, Ct);
        ingest.Loaded.ShouldBe(4);
        measured.Sniffs.ShouldBe(4);

        // The same bytes, the same reports, cells and raw rows, whichever path read them.
        var rows = await LoadedRows.ReadAsync(crawled, Ct);
        rows.ShouldNotBeEmpty();
        (await LoadedRows.ReadAsync(ingested, Ct)).ShouldBe(rows);

        // And reparse, reading them again from the raw store through the intake, finds nothing to change.
        measured.Reset();
        var reparse = await new ReparseService(crawled, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);
        reparse.Unchanged.ShouldBe(4);
        reparse.Changed.ShouldBeEmpty();
        measured.Sniffs.ShouldBe(4);
        (await LoadedRows.ReadAsync(crawled, Ct)).ShouldBe(rows);

        await using var c = await crawled.OpenAsync(Ct);
        var agencies = (await c.QueryAsync<string>("select agency_code from fact_report")).ToHashSet();
        agencies.ShouldBe(documents.Select(d => TextKey.Of(d.Report.Report.Agency)).ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public async Task The_charset_a_server_declares_reaches_the_parser_of_a_page_without_a_meta_charset()
    {
        var gbk = Documents()[1];
        await using var portal = await ServeAsync([gbk]);
        using var measured = Measured.Start();

        var database = NewWarehouse("gbk");
        var summary = await CrawlAsync(database, portal.Url("/gkml/ndbg/"));

        summary.NewDocuments.ShouldBe(1);
        var counted = measured.IntakeDocuments.ShouldHaveSingleItem();
        counted["content_type"].ShouldBe("text/html");
        counted["charset"].ShouldBe("gbk", "the Content-Type charset goes with the document to the parser's options");
        await using var c = await database.OpenAsync(Ct);
        var agency = await c.ExecuteScalarAsync<string>("select a.name from fact_report r join dim_agency a on a.agency_key = r.agency_key");
        agency.ShouldBe(gbk.Report.Report.Agency);
    }

    /// <summary>A column on 127.0.0.1 whose list page (TRS) links straight to the documents, each served with its Content-Type.</summary>
    private static Task<TestPortal> ServeAsync(IReadOnlyList<(string Path, string ContentType, byte[] Bytes, GeneratedReport Report)> documents) =>
        TestPortal.StartAsync(app =>
        {
            var items = string.Concat(documents.Select((d, i) => $"<li><a href=\"{d.Path}\" title=\"测试县2023年政府信息公开工作年度报告（{i}）\">年度报告 {i}</a></li>"));
            app.MapGet("/gkml/ndbg/", () => Results.Content($"<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\">{items}</ul></body></html>", "text/html; charset=utf-8"));
            foreach (var d in documents) app.MapGet(d.Path, () => Results.Bytes(d.Bytes, d.ContentType));
        }, Ct);

    private WarehouseDatabase NewWarehouse(string name) =>
        new(WarehouseTarget.Parse(Path.Combine(Directory.CreateDirectory(Path.Combine(Dir.FullName, name)).FullName, "w.db")));

    private async Task<CrawlSummary> CrawlAsync(WarehouseDatabase database, Uri start) =>
        (await LocalCrawl.RunAsync(Dir.FullName, start, database, Ct)).Summary;
}
