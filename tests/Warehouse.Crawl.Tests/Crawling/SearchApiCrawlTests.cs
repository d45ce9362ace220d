using Dapper;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.SamplePortal;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// A column whose page lists only its first items and leaves the rest to a JSON search API (the
/// sample portal's TRS WCM 信息公开 style): the source names the API, and the crawler reaches every
/// item, the API's pages included, with the date the list or the API gave it.
/// </summary>
public sealed class SearchApiCrawlTests() : ScratchFolderTests("crawl-api-")
{
    [Fact]
    public async Task A_source_with_a_search_api_reaches_every_report_of_the_column_with_its_list_date()
    {
        var corpus = Path.Combine(Dir.FullName, "corpus");
        await new CorpusWriter().WriteAsync(corpus, new CorpusOptions(12, 5, [Layouts.HtmlTrs, Layouts.Docx]), null, Ct);
        await using var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 1, PageSize: 4, Styles: [CmsStyle.TrsWcm]), Ct);
        var site = portal.Sites[0];

        var (summary, database) = await LocalCrawl.RunAsync(Dir.FullName, site.SourceYaml(TimeSpan.FromMilliseconds(10)), null, Ct);

        summary.Failure.ShouldBeNull();
        summary.Warnings.ShouldBeEmpty();
        summary.ListRules.ShouldBe(["通用规则（trs 规则未找到链接）", "检索接口 127.0.0.1"]);
        summary.NewDocuments.ShouldBe(portal.Reports.Count);
        await using var c = await database.OpenAsync(Ct);
        var found = (await c.QueryAsync<(string Url, string? ListDate)>("select url, list_date from crawl_url where kind = 'article'")).ToDictionary(x => x.Url, x => x.ListDate);
        foreach (var r in portal.Reports)
        {
            found[r.ArticleUrl.AbsoluteUri].ShouldBe(r.Posted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var apiPages = await c.QueryAsync<string>("select url from crawl_url where kind = 'list' and url like '%/api/search%' order by url");
        apiPages.Count().ShouldBeGreaterThan(1, "the column needs more than one page of the API");
    }
}
