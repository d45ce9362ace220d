using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Tests.Fetching;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// Walls a portal puts up: a bot-protection challenge leaves its URL failed for the next run, never a
/// rejected document; a certificate is reported as one, and a pinned one is trusted with a warning every crawl.
/// </summary>
public sealed class CrawlBlockedTests() : ScratchFolderTests("crawl-blocked-")
{
    private const string Challenge = "<html><head><script>document.cookie='__jsl_clearance=1';location.reload()</script></head><body></body></html>";

    private static readonly byte[] Report = CorpusWriter.Render(ReportFactory.Create(59, 0, 0), Layouts.HtmlTrs);

    [Fact]
    public async Task A_document_behind_a_challenge_fails_this_run_is_not_rejected_and_loads_on_the_next()
    {
        var asked = 0;
        await using var portal = await ServeAsync(certificate: null, () => Interlocked.Increment(ref asked) == 1
            ? Results.Content(Challenge, "text/html", null, 521)
            : Results.Bytes(Report, "text/html; charset=utf-8"));

        var (first, database) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), null, Ct);

        first.Rejected.ShouldBe(0);
        first.Warnings.Where(w => w != first.Failure).ShouldBe(["1 个网址被网站的反爬虫防护拦截，下次抓取时再试 / 1 URL(s) blocked by the site's bot protection, asked for again on the next run"]);
        var blocked = first.Problems.ShouldHaveSingleItem();
        blocked.State.ShouldBe(UrlState.Failed);
        blocked.LastReason.ShouldNotBeNull().ShouldStartWith("被网站的反爬虫防护拦截（521");
        await using (var c = await database.OpenAsync(Ct))
        {
            (await c.ExecuteScalarAsync<long>("select count(*) from ingest_rejection")).ShouldBe(0);
            (await c.ExecuteScalarAsync<long>("select count(*) from raw_document")).ShouldBe(0);
        }

        var (second, _) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), database, Ct);

        second.NewDocuments.ShouldBe(1);
        second.Problems.ShouldBeEmpty();
        second.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_challenged_attachment_of_an_unchanged_article_is_asked_for_again_on_the_next_run()
    {
        var docx = CorpusWriter.Render(ReportFactory.Create(59, 1, 0), Layouts.Docx);
        var asked = 0;
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/gkml/ndbg/", () => Results.Content(
                "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\"><li><a href=\"/art/1.html\" title=\"测试县2023年政府信息公开工作年度报告\">年度报告</a></li></ul></body></html>",
                "text/html; charset=utf-8"));
            app.MapGet("/art/1.html", (HttpContext context) =>
            {
                context.Response.Headers.ETag = "\"a1\"";
                return context.Request.Headers.IfNoneMatch == "\"a1\""
                    ? Results.StatusCode(304)
                    : Results.Content("<html><body><h1>测试县2023年政府信息公开工作年度报告</h1><p>附件：<a href=\"/files/2023.docx\">2023年度报告.docx</a></p></body></html>", "text/html; charset=utf-8");
            });
            app.MapGet("/files/2023.docx", () => Interlocked.Increment(ref asked) == 1
                ? Results.Content(Challenge, "text/html", null, 521)
                : Results.Bytes(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        }, Ct);

        var (first, database) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), null, Ct);
        var (second, _) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), database, Ct);

        first.Problems.ShouldHaveSingleItem().Url.ShouldBe(portal.Url("/files/2023.docx").AbsoluteUri);
        portal.HitsTo("/art/1.html")[^1].Header("If-None-Match").ShouldBe("\"a1\"");
        second.NewDocuments.ShouldBe(1);
        second.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_scan_on_the_portal_is_rejected_but_tied_to_the_agency_and_year_its_link_names()
    {
        var scan = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "BadInputs", "scanned.pdf"));
        await using var portal = await TestPortal.StartAsync(app =>
        {
            app.MapGet("/gkml/ndbg/", () => Results.Content(
                "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\"><li><a href=\"/files/P020250120.pdf\" title=\"测试县人民政府2024年政府信息公开工作年度报告\">年度报告</a></li></ul></body></html>",
                "text/html; charset=utf-8"));
            app.MapGet("/files/P020250120.pdf", () => Results.Bytes(scan, "application/pdf"));
        }, Ct);

        var (summary, database) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), null, Ct);

        summary.Rejected.ShouldBe(1);
        await using var c = await database.OpenAsync(Ct);
        var rejection = await c.QuerySingleAsync<(string Reason, string Agency, long Year)>("select reason, agency, year from ingest_rejection");
        rejection.Reason.ShouldStartWith("扫描件，无文字层");
        (rejection.Agency, rejection.Year).ShouldBe(("测试县人民政府", 2024L));
    }

    [Fact]
    public async Task A_start_page_behind_an_untrusted_certificate_fails_the_crawl_saying_so()
    {
        using var certificate = Certificates.SelfSigned("127.0.0.1");
        await using var portal = await ServeAsync(certificate, () => Results.Bytes(Report, "text/html; charset=utf-8"));

        var (summary, _) = await LocalCrawl.RunAsync(Dir.FullName, portal.Url("/gkml/ndbg/"), null, Ct);

        summary.Failure.ShouldNotBeNull().ShouldStartWith($"起始页抓取失败：{portal.Url("/gkml/ndbg/")}（证书错误（127.0.0.1）：证书链验证不到受信任的根证书");
        summary.Failure.ShouldNotContain("robots");
        summary.Warnings.Where(w => w != summary.Failure).ShouldBe(["1 个网址因证书错误未能抓取（原因见各网址）/ 1 URL(s) not fetched for a certificate error (see each URL's reason)"]);
    }

    [Fact]
    public async Task A_source_pinning_its_certificate_is_crawled_over_https_and_every_crawl_says_so()
    {
        using var certificate = Certificates.SelfSigned("127.0.0.1");
        await using var portal = await ServeAsync(certificate, () => Results.Bytes(Report, "text/html; charset=utf-8"));
        var yaml = $"""
            title: 测试县人民政府
            region: "370212"
            profile: trs
            start: {portal.Url("/gkml/ndbg/")}
            politeness:
              min_delay: 10ms
            local_test_source: true
            tls:
              pin_sha256: "{Certificates.Fingerprint(certificate)}"
            """;

        var (summary, database) = await LocalCrawl.RunAsync(Dir.FullName, yaml, null, Ct);

        summary.NewDocuments.ShouldBe(1);
        summary.Failure.ShouldBeNull();
        summary.Warnings.ShouldBeEmpty();
        summary.Notices.ShouldBe([$"已按指纹信任 127.0.0.1 的证书（SHA-256 {Certificates.Fingerprint(certificate)}），未验证其证书链；门户更换证书后须更新来源文件的 tls.pin_sha256 / " +
            "the certificate of 127.0.0.1 is trusted by its pinned fingerprint, its chain unverified"]);
        await using var c = await database.OpenAsync(Ct);
        // A notice is no warning: the run keeps none, so /health stays ok.
        (await c.ExecuteScalarAsync<string>("select warnings from crawl_run where run_key = @RunKey", new { summary.RunKey })).ShouldBeNullOrEmpty();
    }

    /// <summary>A TRS column on 127.0.0.1 (HTTPS with <paramref name="certificate"/>, else HTTP) listing one report, answered by <paramref name="document"/>.</summary>
    private static Task<TestPortal> ServeAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, Func<IResult> document) =>
        TestPortal.StartAsync(app =>
        {
            app.MapGet("/gkml/ndbg/", () => Results.Content(
                "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\"><li><a href=\"/doc/0.html\" title=\"测试县2023年政府信息公开工作年度报告\">年度报告</a></li></ul></body></html>",
                "text/html; charset=utf-8"));
            app.MapGet("/doc/0.html", document);
        }, Ct, certificate: certificate);
}
