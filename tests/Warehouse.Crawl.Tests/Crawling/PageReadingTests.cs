using Shouldly;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>List and article pages as portals write them, read by each CMS profile.</summary>
public sealed class PageReadingTests
{
    private static readonly Uri Page = new("http://www.x.gov.cn/zwgk/ndbg/index.html");

    [Fact]
    public void Trs_lists_take_report_titles_and_every_page_of_the_script_pager()
    {
        const string html = """
            <ul class="list">
              <li><a href="./202401/t20240115_1.html" title="某县商务局2023年政府信息公开工作年度报告">某县商务局2023年…</a></li>
              <li><a href="./202401/t20240110_2.html" title="关于开展政务公开培训的通知">关于开展…</a></li>
              <li><a href="./202301/t20230115_3.html#top" title="某县教育局2022年政府信息公开年报">某县教育局…</a></li>
            </ul>
            <script>createPageHTML(3, 0, "index", "html");</script>
            """;
        var links = ListPage.Read(html, Page, CmsProfiles.Trs);
        links.Reports.Select(r => r.Url.AbsoluteUri).ShouldBe(["http://www.x.gov.cn/zwgk/ndbg/202401/t20240115_1.html", "http://www.x.gov.cn/zwgk/ndbg/202301/t20230115_3.html"]);
        links.Pages.Select(p => p.AbsoluteUri).ShouldBe(["http://www.x.gov.cn/zwgk/ndbg/index_1.html", "http://www.x.gov.cn/zwgk/ndbg/index_2.html"]);
    }

    [Fact]
    public void Hanweb_lists_read_the_datastore_records_and_page_by_pageNum()
    {
        var page = new Uri("http://www.y.gov.cn/col/col123/index.html");
        const string html = """
            <div id="5765"><script type="text/xml"><datastore><recordset>
            <record><![CDATA[<li><a href="/art/2024/1/15/art_123_9.html" title="某县财政局2023年政府信息公开工作年度报告">…</a></li>]]></record>
            <record><![CDATA[<li><a href="/art/2024/1/16/art_123_10.html" title="某县人民政府工作报告">…</a></li>]]></record>
            </recordset></datastore></script></div>
            <script>var totalRecord = 21; var totalPage = 2;</script>
            """;
        var links = ListPage.Read(html, page, CmsProfiles.Hanweb);
        links.Reports.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("http://www.y.gov.cn/art/2024/1/15/art_123_9.html");
        links.Pages.Select(p => p.AbsoluteUri).ShouldBe(["http://www.y.gov.cn/col/col123/index.html?uid=5765&pageNum=1", "http://www.y.gov.cn/col/col123/index.html?uid=5765&pageNum=2"]);
    }

    [Fact]
    public void The_generic_profile_matches_titles_by_text_and_follows_the_next_link()
    {
        const string html = """
            <div><a href="/a/1.shtml">某市自然资源局 2023年度 政府信息公开 工作年度报告</a>
            <a href="/a/2.shtml">新闻动态</a>
            <a href="javascript:void(0)">政府信息公开年报</a>
            <a href="list_2.shtml">下一页</a></div>
            """;
        var links = ListPage.Read(html, Page, CmsProfiles.Generic);
        links.Reports.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("http://www.x.gov.cn/a/1.shtml");
        links.Pages.ShouldHaveSingleItem().AbsoluteUri.ShouldBe("http://www.x.gov.cn/zwgk/ndbg/list_2.shtml");
    }

    [Fact]
    public void A_pagination_template_finds_the_pages_the_list_links_to()
    {
        var profile = CmsProfiles.Generic with { Pagination = "list_{n}.shtml" };
        var links = ListPage.Read("""<a href="list_2.shtml">2</a><a href="list_3.shtml">3</a><a href="other.shtml">x</a>""", Page, profile);
        links.Pages.Select(p => p.Segments[^1]).ShouldBe(["list_2.shtml", "list_3.shtml"]);
    }

    [Fact]
    public void Article_pages_yield_their_document_attachments_including_download_endpoints()
    {
        const string html = """
            <div id="zoom"><p>附件：<a href="./P020240115.docx">年度报告.docx</a></p>
            <a href="/module/download/downfile.jsp?classid=0&amp;filename=abc.pdf">年度报告.pdf</a>
            <a href="/images/logo.png">logo</a><a href="/a/x.html">相关链接</a>
            <a href="./P020240116.odt">年度报告（OpenDocument）</a><a href="./P020240117.ofd">年度报告（版式）</a></div>
            """;
        var found = ArticlePage.Attachments(html, new Uri("http://www.y.gov.cn/art/2024/1/15/art_1.html"));
        // An .odt is read through LibreOffice; an .ofd is fetched so that the register shows it received, and why it cannot be read.
        found.Select(f => f.Url.AbsoluteUri).ShouldBe([
            "http://www.y.gov.cn/art/2024/1/15/P020240115.docx", "http://www.y.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.pdf",
            "http://www.y.gov.cn/art/2024/1/15/P020240116.odt", "http://www.y.gov.cn/art/2024/1/15/P020240117.ofd"]);
    }

    [Fact]
    public void Article_pages_yield_the_document_they_show_inside_themselves()
    {
        // A pdf.js viewer's frame (its file= resolved against the viewer, as the viewer fetches it, a download endpoint's
        // too), an embed, an object; a map's or a video's frame is no document.
        const string html = """
            <div class="TRS_Editor"><iframe src="/pdfjs/web/viewer.html?file=%2Fzwgk%2FP020240129.pdf" width="100%"></iframe>
            <iframe src="../../static/pdfjs/viewer.html?file=files/report.pdf"></iframe>
            <embed src="/u/cms/www/202401/29123456abcd.pdf" type="application/pdf"><object data="./P020240130.docx"></object>
            <iframe src="/pdfjs/web/viewer.html?file=%2Fmodule%2Fdownload%2Fdownfile.jsp%3Fclassid%3D0%26filename%3Dabc.pdf"></iframe>
            <iframe src="https://map.example.com/embed?q=1"></iframe><iframe src="/video/player.html"></iframe>
            <a href="/u/cms/www/202401/29123456abcd.pdf">年度报告.pdf</a></div>
            """;
        var found = ArticlePage.Attachments(html, new Uri("http://www.y.gov.cn/art/2024/1/15/art_1.html"));
        found.Select(f => f.Url.AbsoluteUri).ShouldBe([
            "http://www.y.gov.cn/u/cms/www/202401/29123456abcd.pdf", "http://www.y.gov.cn/zwgk/P020240129.pdf",
            "http://www.y.gov.cn/art/2024/static/pdfjs/files/report.pdf", "http://www.y.gov.cn/art/2024/1/15/P020240130.docx",
            "http://www.y.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.pdf"]);
    }

    [Theory]
    [InlineData("HTTP://WWW.X.GOV.CN:80/a/../b/c.html#top", "http://www.x.gov.cn/b/c.html")]
    [InlineData("/b/c.html?id=1&x=2", "http://www.x.gov.cn/b/c.html?id=1&x=2")]
    [InlineData("mailto:a@x.gov.cn", null)]
    [InlineData("#", null)]
    public void Urls_are_normalised_before_the_frontier_sees_them(string href, string? expected) =>
        (Urls.Normalise(Page, href)?.AbsoluteUri).ShouldBe(expected);
}
