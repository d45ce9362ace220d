using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Shouldly;

namespace Warehouse.SamplePortal.Tests;

/// <summary>
/// The third style, modelled on a real TRS WCM 信息公开 column: the first items in <c>dl dd</c> with the
/// date in the next <c>dd</c>, the column's size declared to the script, the rest only from a JSON
/// search API the page names, and article titles only in <c>&lt;title&gt;</c> and the meta tags.
/// </summary>
public sealed class TrsWcmStyleTests(TestCorpus corpus)
{
    private static readonly HtmlParser Parser = new();

    private static Task<SamplePortal> StartAsync(TestCorpus corpus) =>
        SamplePortal.StartAsync(new SamplePortalOptions(corpus.Directory, Sites: 2, PageSize: 7, Styles: [CmsStyle.TrsWcm, CmsStyle.Hanweb]), Http.Ct);

    [Fact]
    public async Task The_column_lists_its_first_page_as_dl_dd_declares_its_size_and_the_api_serves_every_other_item()
    {
        await using var portal = await StartAsync(corpus);
        using var http = Http.Client();
        var site = portal.Sites[0];
        site.Cms.ShouldBe(CmsStyle.TrsWcm);
        site.ListUri.AbsolutePath.ShouldBe("/zwgk/zfxxgk/zfxxgknb/");

        var page = Parser.ParseDocument(await http.GetStringAsync(site.ListUri, Http.Ct));
        var rows = page.QuerySelectorAll("div.rules_tabs_01 dl").Select(dl => dl.QuerySelectorAll("dd")).ToList();
        rows.Count.ShouldBe(8, "seven items and the robots trap");
        foreach (var dd in rows)
        {
            dd.Length.ShouldBe(2);
            dd[0].QuerySelector("a").ShouldNotBeNull();
            DateOnly.ParseExact(dd[1].TextContent.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        page.QuerySelectorAll("ul.list, a[href*='index_']").ShouldBeEmpty("no second HTML page: the rest only through the API");

        var script = page.QuerySelectorAll("script").Select(s => s.TextContent).Single(s => s.Contains("recordCount", StringComparison.Ordinal));
        var listed = rows.Select(dd => dd[0].QuerySelector("a")!.GetAttribute("href")!).ToList();
        var apiPages = new List<JsonElement>();
        for (var p = 2; ; p++)
        {
            using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(site.BaseUri, $"/api/search?channelid=1813&page={p}"), Http.Ct));
            var items = answer.RootElement.GetProperty("list").EnumerateArray().Select(e => e.Clone()).ToList();
            if (items.Count == 0) break;
            apiPages.AddRange(items);
        }

        listed.AddRange(apiPages.Select(i => i.GetProperty("chnldocurl").GetString()!));
        var total = listed.Count - 1;
        script.ShouldContain($"recordCount: '{total}'");
        script.ShouldContain("searchUrl: \"/api/search?channelid=1813&page={page}\"");
        apiPages.ShouldAllBe(i => i.GetProperty("docreltime").GetString()!.EndsWith(" 09:30:00", StringComparison.Ordinal));

        foreach (var r in portal.Reports.Where(r => r.Site == site))
        {
            listed.Count(u => u == r.ArticleUrl.PathAndQuery).ShouldBe(1, $"{r.ArticleUrl} is listed once, statically or by the API");
        }
    }

    [Fact]
    public async Task An_article_names_its_title_only_in_the_title_element_and_the_meta_tags()
    {
        await using var portal = await StartAsync(corpus);
        using var http = Http.Client();
        var site = portal.Sites[0];
        var report = portal.Reports.First(r => r.Site == site && r.ArticleUrl != r.DocumentUrl);

        var article = Parser.ParseDocument(await http.GetStringAsync(report.ArticleUrl, Http.Ct));
        article.Title.ShouldBe($"{report.Title}_政府信息公开年报_{site.Name}");
        article.QuerySelector("meta[name=ArticleTitle]")!.GetAttribute("content").ShouldBe(report.Title);
        article.QuerySelector("meta[name=PubDate]")!.GetAttribute("content").ShouldBe(report.Posted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 09:30");
        article.Body!.TextContent.ShouldNotContain(report.Title + "\n", Case.Sensitive);
        article.QuerySelectorAll("h1, .title").ShouldBeEmpty();
        article.QuerySelector("a[href$='.docx']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Its_source_file_reads_the_column_with_the_trs_profile_and_names_the_search_api()
    {
        await using var portal = await StartAsync(corpus);
        var yaml = portal.Sites[0].SourceYaml(TimeSpan.FromMilliseconds(10));
        yaml.ShouldContain("profile: trs\n");
        yaml.ShouldContain($"list:\n  api:\n    url: \"{portal.Sites[0].BaseUri}api/search?channelid=1813&page={{page}}\"");
    }
}
