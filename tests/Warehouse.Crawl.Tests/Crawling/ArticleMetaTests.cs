using Shouldly;
using Warehouse.Crawl.Crawling;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>What a portal says about an article: its title and the day it published it, best source first.</summary>
public sealed class ArticleMetaTests
{
    private static string Pingtan => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "pingtan-2024-portal.html"));

    [Fact]
    public void The_real_pingtan_page_gives_its_article_title_and_its_PubDate()
    {
        var meta = ArticleMeta.Read(Pingtan, linkTitle: "平潭综合实验区2024年度政府信息公开…", listDate: new DateOnly(2025, 3, 11));

        meta.ShouldBe(new ArticleMeta("平潭综合实验区2024年度政府信息公开工作年度报告", new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void Without_its_meta_tags_the_pingtan_page_takes_the_link_title_then_its_head_title_cut_at_the_column()
    {
        var bare = Pingtan.Replace("<meta name=\"ArticleTitle\"", "<meta name=\"x\"", StringComparison.Ordinal)
            .Replace("<meta name=\"PubDate\"", "<meta name=\"y\"", StringComparison.Ordinal);

        ArticleMeta.Read(bare, "平潭综合实验区2024年度政务公开年报", null).Title.ShouldBe("平潭综合实验区2024年度政务公开年报");
        ArticleMeta.Read(bare, null, null).Title.ShouldBe("平潭综合实验区2024年度政府信息公开工作年度报告", "the column and site after '_' are cut");
    }

    [Theory]
    [InlineData("""<meta name="pubdate" content="2025-02-03 09:00:00">""", "2025-02-03")]
    [InlineData("""<meta name="firstpublishedtime" content="2021-01-29-10:08:35">""", "2021-01-29")]
    [InlineData("""<META NAME="PubDate" CONTENT="2024/1/5">""", "2024-01-05")]
    public void A_date_meta_in_any_of_the_CMS_spellings_gives_the_date(string meta, string expected) =>
        ArticleMeta.Read($"<html><head>{meta}</head><body><p>发布时间：2020-01-01</p></body></html>", null, new DateOnly(2019, 1, 1))
            .Published.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("<p>来源：县政府办 发布时间：2025-02-14 10:20 浏览次数：3</p>", "2025-02-14")]
    [InlineData("<p>发布日期： 2025年2月1日</p>", "2025-02-01")]
    [InlineData("<span>时间：2025-01-30</span>", "2025-01-30")]
    public void Without_a_date_meta_the_byline_gives_the_date(string body, string expected) =>
        ArticleMeta.Read($"<html><body><h1>x</h1>{body}<p>统计时间：2024年1月1日至2024年12月31日</p></body></html>", null, new DateOnly(2019, 1, 1))
            .Published.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_发布时间_byline_wins_over_an_earlier_bare_时间()
    {
        var meta = ArticleMeta.Read("<body><p>会议时间：2024-06-01</p><p>发布时间：2025-01-20</p></body>", null, null);
        meta.Published.ShouldBe(new DateOnly(2025, 1, 20));
    }

    [Fact]
    public void Without_meta_or_byline_the_list_date_is_taken_and_without_it_there_is_none()
    {
        const string page = "<html><head><title>某县2024年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p></body></html>";
        ArticleMeta.Read(page, null, new DateOnly(2025, 1, 15)).ShouldBe(new ArticleMeta("某县2024年政府信息公开工作年度报告", new DateOnly(2025, 1, 15)));
        ArticleMeta.Read(page, null, null).Published.ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("no date")]
    public void A_date_that_is_no_day_is_no_date(string text) => ArticleMeta.DateIn(text).ShouldBeNull();
}
