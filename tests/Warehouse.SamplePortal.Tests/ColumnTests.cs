using System.Net;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Tests;

public sealed class ColumnTests(TestCorpus corpus)
{
    [Fact]
    public async Task Sites_alternate_styles_on_loopback_ports_with_real_county_codes()
    {
        await using var portal = await Portals.StartAsync(corpus);

        portal.Sites.Select(s => s.Cms).ShouldBe([CmsStyle.Trs, CmsStyle.Hanweb, CmsStyle.Trs]);
        portal.Sites.Select(s => s.RegionCode).ShouldBe(["360704", "360724", "511725"]);
        portal.Sites.Select(s => s.Port).Distinct().Count().ShouldBe(3);
        foreach (var s in portal.Sites)
        {
            s.BaseUri.ToString().ShouldBe($"http://127.0.0.1:{s.Port}/");
            s.Name.ShouldEndWith("人民政府");
        }

        portal.Sites[0].ListUri.AbsolutePath.ShouldBe("/zwgk/ndbg/index.html");
        portal.Sites[1].ListUri.AbsolutePath.ShouldMatch(@"^/col/col\d+/index\.html$");
    }

    [Fact]
    public async Task Every_page_and_attachment_report_is_served_once_and_text_entries_never()
    {
        await using var portal = await Portals.StartAsync(corpus);

        var servable = corpus.Manifest.Entries.Where(e => e.Layout != Layouts.TextTab).Select(e => e.Index);
        portal.Reports.Select(r => r.CorpusIndex).ShouldBe(servable);
        portal.Reports.ShouldAllBe(r => r.Layout != Layouts.TextTab);
        portal.Reports.Where(r => r.Layout == Layouts.HtmlTrs).ShouldAllBe(r => r.Site.Cms == CmsStyle.Trs);
        portal.Reports.Where(r => r.Layout == Layouts.HtmlHanwebGbk).ShouldAllBe(r => r.Site.Cms == CmsStyle.Hanweb);
        portal.Reports.Where(r => r.Layout == Layouts.Docx).Select(r => r.Site.Index).Distinct().Count().ShouldBe(3, "DOCX reports go round robin to every site");
        portal.Reports.ShouldAllBe(r => r.ArticleFault == FaultKind.None && r.DocumentFault == FaultKind.None && !r.Gone);
    }

    [Fact]
    public async Task Both_list_styles_paginate_and_list_every_report_exactly_once_newest_first()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();

        foreach (var site in portal.Sites)
        {
            var links = await ColumnReader.ReadAsync(http, site);
            links.Max(l => l.Page).ShouldBeGreaterThan(site.Cms == CmsStyle.Trs ? 0 : 1, $"{site.Name} should have several pages");
            var reports = portal.Reports.Where(r => r.Site == site).ToList();
            reports.ShouldNotBeEmpty();
            foreach (var r in reports)
            {
                var listed = links.Where(l => l.Url == r.ArticleUrl).ToList();
                listed.Count.ShouldBe(1, $"{r.ArticleUrl} listed {listed.Count} times on {site.Name}");
                listed[0].Title.ShouldBe(r.Title);
                listed[0].Date.ShouldBe(r.Posted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            var column = links.Where(l => !l.Url.AbsolutePath.StartsWith("/private/", StringComparison.Ordinal)).ToList();
            column.Select(l => l.Date).ShouldBe(column.Select(l => l.Date).OrderDescending(StringComparer.Ordinal), "newest first");
            column.Select(l => l.Url).Distinct().Count().ShouldBe(column.Count);
        }
    }

    [Fact]
    public async Task About_one_item_in_four_is_another_article_that_exists_and_is_no_report()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();

        foreach (var site in portal.Sites)
        {
            var links = await ColumnReader.ReadAsync(http, site);
            var reports = portal.Reports.Where(r => r.Site == site).Select(r => r.ArticleUrl).ToHashSet();
            var others = links.Where(l => !reports.Contains(l.Url) && !l.Url.AbsolutePath.StartsWith("/private/", StringComparison.Ordinal)).ToList();
            others.Count.ShouldBe(Math.Max(1, reports.Count / 3));
            foreach (var notice in others)
            {
                notice.Title.ShouldNotMatch("政府信息公开.{0,6}(年度报告|年报)");
                using var response = await http.GetAsync(notice.Url, Http.Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var text = await Http.TextAsync(response, site.Cms == CmsStyle.Trs ? System.Text.Encoding.UTF8 : Http.Gbk);
                text.ShouldContain(System.Net.WebUtility.HtmlEncode(notice.Title));
                text.ShouldNotContain("<table");
            }
        }
    }

    [Fact]
    public async Task Hanweb_pages_are_gbk_with_page_one_under_two_urls()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        var site = portal.Sites.Single(s => s.Cms == CmsStyle.Hanweb);

        using var first = await http.GetAsync(site.ListUri, Http.Ct);
        first.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=gbk");
        var bytes = await first.Content.ReadAsByteArrayAsync(Http.Ct);
        var text = Http.Gbk.GetString(bytes);
        text.ShouldContain("<meta charset=\"gbk\">");
        text.ShouldContain(site.Name);
        System.Text.Encoding.UTF8.GetString(bytes).Contains(site.Name, StringComparison.Ordinal).ShouldBeFalse("the page is GBK, not UTF-8");
        text.ShouldMatch(@"var totalRecord = \d+; var totalPage = \d+;");

        var unit = System.Text.RegularExpressions.Regex.Match(text, @"<div id=""(\d+)"">").Groups[1].Value;
        using var again = await http.GetAsync(new Uri(site.ListUri, $"?uid={unit}&pageNum=1"), Http.Ct);
        (await again.Content.ReadAsByteArrayAsync(Http.Ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Trs_pages_are_utf8_with_relative_item_links_and_pages_only_in_the_script()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();
        var site = portal.Sites[0];

        using var first = await http.GetAsync(site.ListUri, Http.Ct);
        first.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        var text = await first.Content.ReadAsStringAsync(Http.Ct);
        text.ShouldMatch(@"<li><a href=""\./\d{6}/t\d{8}_\d{6}\.html"" title=""[^""]+"" target=""_blank"">[^<]+</a><span>\d{4}-\d{2}-\d{2}</span></li>");
        text.Contains("index_1.html", StringComparison.Ordinal).ShouldBeFalse("TRS names further pages only in the script call");
        text.ShouldContain("<script>createPageHTML(");
    }

    [Fact]
    public async Task Robots_txt_disallows_private_and_every_list_page_carries_one_private_trap_served_anyway()
    {
        await using var portal = await Portals.StartAsync(corpus);
        using var http = Http.Client();

        foreach (var site in portal.Sites)
        {
            using var robots = await http.GetAsync(new Uri(site.BaseUri, "/robots.txt"), Http.Ct);
            robots.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await robots.Content.ReadAsStringAsync(Http.Ct)).ShouldBe("User-agent: *\nDisallow: /private/\n");

            var links = await ColumnReader.ReadAsync(http, site);
            var pages = links.Select(l => l.Page).Distinct().Count();
            var traps = links.Where(l => l.Url.AbsolutePath.StartsWith("/private/", StringComparison.Ordinal)).ToList();
            traps.Count.ShouldBe(pages, "one trap per list page");
            traps.Select(t => t.Url).Distinct().Count().ShouldBe(1);
            traps[0].Title.ShouldMatch("政府信息公开.{0,6}(年度报告|年报)");

            portal.Log.Entries.ShouldNotContain(e => e.Disallowed && e.Site == site.Index);
            using var trap = await http.GetAsync(traps[0].Url, Http.Ct);
            trap.StatusCode.ShouldBe(HttpStatusCode.OK);
            portal.Log.Entries.ShouldContain(e => e.Disallowed && e.Site == site.Index && e.PathAndQuery == traps[0].Url.PathAndQuery);
        }
    }

    [Fact]
    public async Task The_same_seed_serves_the_same_urls_and_another_seed_other_ones()
    {
        await using var a = await Portals.StartAsync(corpus, seed: 7);
        await using var b = await Portals.StartAsync(corpus, seed: 7);
        await using var c = await Portals.StartAsync(corpus, seed: 8);

        string Shape(SamplePortal p) => string.Join('\n', p.Reports.Select(r => $"{r.Site.Index} {r.ArticleUrl.PathAndQuery} {r.DocumentUrl.PathAndQuery} {r.Sha256}"));
        Shape(a).ShouldBe(Shape(b));
        Shape(a).ShouldNotBe(Shape(c));
    }
}
