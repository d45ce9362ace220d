using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Crawl.Tests.Fetching;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// What the portal says about a crawled report (its article's title, the day it published it, the
/// Last-Modified of the response) is kept with the document, and the portal's date judges lateness
/// before the signed one (docs/crawler.md, "Intake"); crawled over HTTP on 127.0.0.1.
/// </summary>
public sealed partial class PortalMetadataTests() : ScratchFolderTests("crawl-portal-meta-")
{
    private const string PingtanTitle = "平潭综合实验区2024年度政府信息公开工作年度报告";

    private static readonly DateTimeOffset LastModified = new(2025, 3, 10, 7, 35, 0, TimeSpan.Zero);

    private static string Pingtan => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "pingtan-2024-portal.html"));

    [Fact]
    public async Task The_PubDate_of_the_real_pingtan_page_is_stored_and_makes_its_2024_report_late()
    {
        var (database, page) = await CrawlAsync([new Article("/art/pingtan.html", "2024年度政府信息公开年报", Pingtan)]);

        var raw = await RawAsync(database, page);
        raw.PortalUrl.ShouldBe(page);
        raw.PortalTitle.ShouldBe(PingtanTitle);
        raw.PortalPublished.ShouldBe("2025-03-10");
        DateTime.Parse(raw.HttpLastModified!, CultureInfo.InvariantCulture).ShouldBe(LastModified.UtcDateTime, "the HTTP Last-Modified is kept, in UTC");

        var filing = await FilingAsync(database, "平潭综合实验区", 2024);
        filing.ShouldBe(new Filing(null, "2025-03-10", "2025-03-10", "portal", "门户网站", "late", "逾期发布"), "the page states no signed date: the portal's judges it, after 31 January");
    }

    [Fact]
    public async Task Reparse_judges_a_crawled_report_by_the_portal_date_its_raw_document_keeps()
    {
        var (database, _) = await CrawlAsync([new Article("/art/pingtan.html", "2024年度政府信息公开年报", Pingtan)]);
        await using (var c = await database.OpenAsync(Ct))
        {
            // As if loaded by an older parser that did not read the portal: a reparse replaces its row.
            await c.ExecuteAsync("update fact_report set content_hash = 'old', portal_published = null, published_source = null, late = null");
        }

        var summary = await new ReparseService(database, DocumentReader.Default, TimeProvider.System).ReparseAsync(null, null, Ct);

        summary.Changed.Count.ShouldBe(1);
        (await FilingAsync(database, "平潭综合实验区", 2024)).ShouldBe(new Filing(null, "2025-03-10", "2025-03-10", "portal", "门户网站", "late", "逾期发布"));
    }

    [Fact]
    public async Task A_byline_gives_the_date_when_the_page_has_no_date_meta_and_the_signed_date_is_kept_beside_it()
    {
        var g = Generated(0);
        var year = g.Report.Year;
        var html = Byline().Replace(Html(g), $"发布时间：{year + 1}-03-01");

        var (database, _) = await CrawlAsync([new Article("/art/1.html", g.Report.Agency + "政府信息公开年报", html)]);

        var filing = await FilingAsync(database, g.Report.Agency, year);
        filing.ShouldBe(new Filing(Iso(g.Report.Published), $"{year + 1}-03-01", $"{year + 1}-03-01", "portal", "门户网站", "late", "逾期发布"));
    }

    [Fact]
    public async Task Without_a_portal_date_the_signed_date_judges_lateness()
    {
        var g = Generated(1);
        var html = Byline().Replace(Html(g), "");

        var (database, page) = await CrawlAsync([new Article("/art/2.html", g.Report.Agency + "政府信息公开年报", html)]);

        (await RawAsync(database, page)).PortalPublished.ShouldBeNull();
        var filing = await FilingAsync(database, g.Report.Agency, g.Report.Year);
        filing.ShouldBe(new Filing(Iso(g.Report.Published), null, Iso(g.Report.Published), "signed", "落款日期", "on_time", "按时发布"));
    }

    [Fact]
    public async Task A_page_titled_only_in_its_head_title_is_read_with_its_agency_and_year()
    {
        // The real page names its report in its ArticleTitle meta and a div above the text too: both taken out.
        var headOnly = Pingtan.Replace($"<meta name=\"ArticleTitle\" content=\"{PingtanTitle}\"/>", "", StringComparison.Ordinal)
            .Replace($"\n                          {PingtanTitle}\n", "\n", StringComparison.Ordinal);
        headOnly.Split(PingtanTitle).Length.ShouldBe(2, "only <title> names the report");

        var (database, page) = await CrawlAsync([new Article("/art/head.html", "政府信息公开年报", headOnly)]);

        (await FilingAsync(database, "平潭综合实验区", 2024)).Status.ShouldBe("late");
        (await RawAsync(database, page)).PortalTitle.ShouldBe("政府信息公开年报", "the link's title comes before the head's <title>");
    }

    [Fact]
    public async Task A_page_whose_body_and_head_name_no_report_is_read_by_its_link_title()
    {
        var untitled = Pingtan.Replace(PingtanTitle, "", StringComparison.Ordinal);

        var (database, page) = await CrawlAsync([new Article("/art/untitled.html", PingtanTitle, untitled)]);

        (await FilingAsync(database, "平潭综合实验区", 2024)).Status.ShouldBe("late");
        (await RawAsync(database, page)).PortalTitle.ShouldBe(PingtanTitle);
    }

    [Fact]
    public async Task An_attachment_keeps_its_article_url_title_and_date_and_spreadsheets_beside_it_are_refused_with_why()
    {
        var g = Generated(2);
        var year = g.Report.Year;
        const string title = "测试县2023年政府信息公开工作年度报告";
        var article = $"""
            <html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{year + 1}-02-20 09:00">
            <title>{title}_年报</title></head>
            <body><p>附件：<a href="/files/report.docx">年度报告.docx</a></p><p><a href="/files/tables.xlsx">统计表.xlsx</a> <a href="/files/old.xls">统计表.xls</a></p></body></html>
            """;
        var docx = CorpusWriter.Render(g, Layouts.Docx);

        var (database, page) = await CrawlAsync(
            [new Article("/art/3.html", "政府信息公开年报（附件）", article)],
            app =>
            {
                app.MapGet("/files/report.docx", () => Results.Bytes(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
                app.MapGet("/files/tables.xlsx", () => Results.Bytes(Workbook(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
                app.MapGet("/files/old.xls", () => Results.Bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1016], .. Encoding.Unicode.GetBytes("Workbook"), .. new byte[1008]], "application/vnd.ms-excel"));
            });

        var report = await RawAsync(database, "/files/report.docx");
        report.ShouldBe(new Raw(page, title, $"{year + 1}-02-20", report.HttpLastModified));
        (await FilingAsync(database, g.Report.Agency, year)).ShouldBe(
            new Filing(Iso(g.Report.Published), $"{year + 1}-02-20", $"{year + 1}-02-20", "portal", "门户网站", "late", "逾期发布"));

        var sheet = await RawAsync(database, "/files/tables.xlsx");
        sheet.ShouldBe(new Raw(page, title, $"{year + 1}-02-20", sheet.HttpLastModified), "the refused spreadsheet is tied to its article too");
        await using var c = await database.OpenAsync(Ct);
        var reason = await c.ExecuteScalarAsync<string>("select reason from ingest_rejection where origin like '%/files/tables.xlsx'");
        reason.ShouldNotBeNull().ShouldStartWith("Excel 工作簿（XLSX），不是报告文档");
        (await RawAsync(database, "/files/old.xls")).PortalUrl.ShouldBe(page);
        var old = await c.ExecuteScalarAsync<string>("select reason from ingest_rejection where origin like '%/files/old.xls'");
        old.ShouldNotBeNull().ShouldStartWith("Excel 工作簿（XLS），不是报告文档", Case.Sensitive, "not a Word file that LibreOffice failed to convert");
    }

    [Fact]
    public async Task A_report_the_article_shows_in_a_pdf_viewer_is_fetched_and_keeps_its_article()
    {
        // The article's body is pdf.js in a frame; its file= is the report, relative to the viewer.
        var g = Generated(3);
        var year = g.Report.Year;
        const string title = "测试县2023年政府信息公开工作年度报告";
        var article = $"""
            <html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{year + 1}-01-22 09:00">
            <title>{title}_年报</title></head>
            <body><h1>{title}</h1><div class="content"><iframe src="/pdfjs/web/viewer.html?file=..%2F..%2Ffiles%2Freport.docx" width="100%" height="800"></iframe></div></body></html>
            """;
        var docx = CorpusWriter.Render(g, Layouts.Docx);

        var (database, page) = await CrawlAsync(
            [new Article("/art/4.html", "政府信息公开年报（内嵌）", article)],
            app => app.MapGet("/files/report.docx", () => Results.Bytes(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")));

        var report = await RawAsync(database, "/files/report.docx");
        report.ShouldBe(new Raw(page, title, $"{year + 1}-01-22", report.HttpLastModified));
        (await FilingAsync(database, g.Report.Agency, year)).Status.ShouldBe("on_time");
    }

    [Fact]
    public async Task An_attachment_of_an_article_that_redirects_still_takes_the_article_s_date()
    {
        var g = Generated(3);
        var year = g.Report.Year;
        var article = $"""
            <html><head><meta charset="utf-8"><meta name="PubDate" content="{year + 1}-01-25"></head>
            <body><h1>{g.Report.Agency}{year}年政府信息公开工作年度报告</h1><p>附件：<a href="/files/moved.docx">年度报告.docx</a></p></body></html>
            """;
        var docx = CorpusWriter.Render(g, Layouts.Docx);

        var (database, page) = await CrawlAsync(
            [new Article("/art/old.html", g.Report.Agency + "政府信息公开年报", "")],
            app =>
            {
                app.MapGet("/art/new.html", () => Results.Content(article, "text/html; charset=utf-8"));
                app.MapGet("/files/moved.docx", () => Results.Bytes(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
            },
            redirects: true);

        (await RawAsync(database, "/files/moved.docx")).ShouldBe(new Raw(page, g.Report.Agency + "政府信息公开年报", $"{year + 1}-01-25", null));
        (await FilingAsync(database, g.Report.Agency, year)).Status.ShouldBe("on_time");
    }

    private sealed record Article(string Path, string LinkTitle, string Html);

    private sealed record Raw(string? PortalUrl, string? PortalTitle, string? PortalPublished, string? HttpLastModified);

    private sealed record Filing(string? Published, string? PortalPublished, string? FilingDate, string? PublishedSource, string? PublishedSourceLabel, string Status, string StatusLabel);

    /// <summary>A report whose signed date is on time (20 January of the next year), rendered as a TRS page.</summary>
    private static GeneratedReport Generated(int index)
    {
        var g = ReportFactory.Create(61, index, 0);
        return g with { Report = g.Report with { Published = new DateOnly(g.Report.Year + 1, 1, 20) } };
    }

    /// <summary>The report as a TRS page without its PubDate meta (some renderings have one), its byline left as rendered.</summary>
    private static string Html(GeneratedReport g) => PubDateMeta().Replace(Encoding.UTF8.GetString(CorpusWriter.Render(g, Layouts.HtmlTrs)), "");

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An XLSX as Excel writes it, reduced to what tells it apart: a ZIP with <c>xl/workbook.xml</c>.</summary>
    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            w.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
        }

        return stream.ToArray();
    }

    /// <summary>Serves a TRS list page linking <paramref name="articles"/> (each answered with a Last-Modified), crawls it into a new warehouse; the first article's URL.</summary>
    /// <param name="redirects">Each article answers 301 to <c>/art/new.html</c> instead of its page.</param>
    private async Task<(WarehouseDatabase Database, string Page)> CrawlAsync(IReadOnlyList<Article> articles, Action<WebApplication>? more = null, bool redirects = false)
    {
        await using var portal = await TestPortal.StartAsync(app =>
        {
            var items = string.Concat(articles.Select(a => $"<li><a href=\"{a.Path}\" title=\"{a.LinkTitle}\">{a.LinkTitle}</a></li>"));
            app.MapGet("/gkml/ndbg/", () => Results.Content($"<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\">{items}</ul></body></html>", "text/html; charset=utf-8"));
            foreach (var a in articles)
            {
                app.MapGet(a.Path, (HttpContext http) =>
                {
                    if (redirects) return Results.Redirect("/art/new.html", permanent: true);
                    http.Response.Headers.LastModified = LastModified.ToString("R", CultureInfo.InvariantCulture);
                    return Results.Content(a.Html, "text/html; charset=utf-8");
                });
            }

            more?.Invoke(app);
        }, Ct);

        var (summary, database) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), null, Ct);
        summary.Problems.ShouldBeEmpty();
        return (database, portal.Url(articles[0].Path).AbsoluteUri);
    }

    /// <summary>What the raw store keeps of the portal's word for the document whose origin (its URL) ends with <paramref name="path"/>.</summary>
    private static async Task<Raw> RawAsync(WarehouseDatabase database, string path)
    {
        await using var c = await database.OpenAsync(Ct);
        return await c.QuerySingleAsync<Raw>(
            "select portal_url as PortalUrl, portal_title as PortalTitle, portal_published as PortalPublished, http_last_modified as HttpLastModified from raw_document where origin like '%' || @path",
            new { path });
    }

    private static async Task<Filing> FilingAsync(WarehouseDatabase database, string agency, int year)
    {
        await using var c = await database.OpenAsync(Ct);
        return await c.QuerySingleAsync<Filing>(
            """
            select published as Published, portal_published as PortalPublished, filing_date as FilingDate, published_source as PublishedSource,
                   published_source_label as PublishedSourceLabel, status as Status, status_label as StatusLabel
            from v_filing_status where agency = @agency and year = @year
            """,
            new { agency, year });
    }

    [GeneratedRegex(@"发布时间：[0-9-]+")]
    private static partial Regex Byline();

    [GeneratedRegex(@"<meta name=""PubDate""[^>]*>")]
    private static partial Regex PubDateMeta();
}
