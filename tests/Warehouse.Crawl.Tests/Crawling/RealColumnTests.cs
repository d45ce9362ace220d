using System.Text.Json.Nodes;
using Dapper;
using Shouldly;
using Warehouse.Crawl.Crawling;
using Warehouse.Data;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// The real report column of 平潭综合实验区 (Fixtures/Portal/pingtan, byte for byte as the portal
/// served it), crawled from its start URL alone: every link of the page found, the one article
/// present loaded with its hand-transcribed values, the nine absent ones failures by URL, and the
/// twenty documents the column declares against the ten it lists said out loud.
/// </summary>
public sealed class RealColumnTests() : ScratchFolderTests("crawl-real-")
{
    private const string Column = "/zwgk/zfxxgk/zfxxgknb/";

    private static readonly string[] Links =
    [
        "202603/t20260313_105587.htm", "202503/t20250310_97791.htm", "202403/t20240308_87885.htm", "202302/t20230220_80629.htm", "202202/t20220208_80613.htm",
        "202103/t20210305_80595.htm", "202001/t20200120_80576.htm", "201901/t20190110_80529.htm", "201801/t20180123_80506.htm", "201701/t20170118_80485.htm",
    ];

    [Theory]
    [InlineData("profile: trs\n", "通用规则（trs 规则未找到链接）")]
    [InlineData("profile: generic\n", "通用规则")]
    [InlineData("", "通用规则")]
    public async Task A_start_url_alone_finds_every_report_of_the_real_column_and_says_what_it_missed(string profile, string rule)
    {
        await using var site = await StaticSite.StartAsync(StaticSite.Fixture("Portal", "pingtan"), Ct);
        var start = site.Url(Column);
        var (summary, database) = await CrawlAsync(profile, start);

        summary.ListRules.ShouldBe([rule]);
        await using var c = await database.OpenAsync(Ct);
        var articles = (await c.QueryAsync<(string Url, string? ListDate, string? Title)>(
            "select url, list_date, title from crawl_url where kind = 'article' order by url_key")).ToList();
        articles.Select(a => a.Url).ShouldBe(Links.Select(l => new Uri(start, l).AbsoluteUri));
        articles[1].ListDate.ShouldBe("2025-03-10");
        articles[1].Title.ShouldBe("平潭综合实验区2024年度政府信息公开工作年度报告");
        articles.ShouldAllBe(a => a.ListDate != null);

        // The nine reports this copy of the column does not hold answer 404: each a failure, by URL.
        summary.Problems.Select(p => p.Url).ShouldBe(Links.Where(l => !l.Contains("97791", StringComparison.Ordinal)).Select(l => new Uri(start, l).AbsoluteUri), ignoreOrder: true);
        summary.Problems.ShouldAllBe(p => p.State == UrlState.Failed && p.LastReason!.Contains("404"));

        summary.Failure.ShouldBeNull();
        summary.Warnings.ShouldBe(["栏目声明 20 篇，实际抓到 10 篇：其余页面只能通过脚本或检索接口获取 / column declares 20, reached 10 (further pages only through a script or a search API)"]);

        summary.NewDocuments.ShouldBe(1);
        var sha = (await c.ExecuteScalarAsync<string>("select sha256 from crawl_url where url = @Url", new { Url = new Uri(start, Links[1]).AbsoluteUri })).ShouldNotBeNull();
        (await c.ExecuteScalarAsync<long>("select year from fact_report where sha256 = @Sha", new { Sha = sha })).ShouldBe(2024);
        await TableThreeShouldBeTranscribedAsync(c, sha);

        // The report states no signed date; the portal's (its PubDate) judges it: 10 March 2025, late.
        var filing = await c.QuerySingleAsync<(string? PortalPublished, string? Source, string Status, string Label)>(
            "select portal_published, published_source, status, status_label from v_filing_status where agency = '平潭综合实验区' and year = 2024");
        filing.ShouldBe(("2025-03-10", "portal", "late", "逾期发布"));
    }

    /// <summary>Every cell of table 三 in the warehouse equals the hand transcription (pingtan-2024-portal.expected.json).</summary>
    private static async Task TableThreeShouldBeTranscribedAsync(System.Data.Common.DbConnection c, string sha)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(StaticSite.Fixture("Real", "pingtan-2024-portal.expected.json"), Ct))!["applications"]!.AsObject();
        var cells = (await c.QueryAsync<(string Row, long Column, long? Count)>("""
            select d.category_code, a.column_index, f.count
            from fact_application f
            join fact_report r on r.report_key = f.report_key
            join dim_disposal_category d on d.category_key = f.category_key
            join dim_applicant_type a on a.applicant_key = f.applicant_key
            where r.sha256 = @Sha
            """, new { Sha = sha })).ToList();
        var first = cells.Min(x => x.Column);
        var stored = cells.ToDictionary(x => $"{x.Row}.{x.Column - first}", x => x.Count);
        var transcribed = expected.SelectMany(row => row.Value!.AsArray().Select((v, i) => ($"{row.Key}.{i}", v?.GetValue<long?>()))).ToDictionary(x => x.Item1, x => x.Item2);
        stored.ShouldBe(transcribed, ignoreOrder: true);
    }

    private Task<(CrawlSummary Summary, WarehouseDatabase Database)> CrawlAsync(string profile, Uri start) =>
        LocalCrawl.RunAsync(Dir.FullName, $"title: 平潭综合实验区\nregion: \"350128\"\n{profile}start: {start}\npoliteness:\n  min_delay: 10ms\nlocal_test_source: true\n", null, Ct);
}
