using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary><c>show AGENCY YEAR [--save FILE]</c>: the original document back out of the raw store.</summary>
public sealed class ShowCommandTests(LoadedCorpus w) : IClassFixture<LoadedCorpus>
{
    [Fact]
    public async Task Show_says_what_the_document_is_and_where_it_came_from_and_save_gives_its_bytes_back()
    {
        var (agency, origin, published, media) = w.Query<(string, string, string?, string)>("""
            select a.name, d.origin, r.published, d.media_type from fact_report r join dim_agency a on a.agency_key = r.agency_key
            join raw_document d on d.sha256 = r.sha256 where r.is_current = 1 and r.year = 2022 order by a.name limit 1
            """).Single();
        var (code, output, err) = await Repo.Cli("show", agency, "2022", "--db", w.Db);
        code.ShouldBe(0, err);
        output.ShouldStartWith($"{agency} 2022 年度政府信息公开工作年度报告");
        output.ShouldContain($"原文链接 source    {origin}");
        output.ShouldContain($"文件 document      {media}，");
        output.ShouldContain($"发布日期 published {published ?? "未注明日期"}");

        var saved = Path.Combine(w.Folder, $"saved-{Guid.NewGuid():N}{Path.GetExtension(origin)}");
        (code, output, err) = await Repo.Cli("show", agency, "2022", "--save", saved, "--db", w.Db);
        code.ShouldBe(0, err);
        output.ShouldContain($"已写入 {saved}");
        File.ReadAllBytes(saved).ShouldBe(File.ReadAllBytes(origin));
    }

    [Fact]
    public async Task A_crawled_report_shows_the_portal_s_date_that_judged_it_beside_its_signed_date_and_its_article_page()
    {
        var (agency, signed) = w.Query<(string, string)>("""
            select a.name, r.published from fact_report r join dim_agency a on a.agency_key = r.agency_key
            where r.is_current = 1 and r.year = 2022 and r.published is not null order by a.name limit 1
            """).Single();
        var db = await w.CopyAsync("""
            update fact_report set portal_published = '2023-03-10', published_source = 'portal', late = 1
            where is_current = 1 and year = 2022 and agency_key in (select agency_key from dim_agency where name = @agency);
            update raw_document set portal_url = 'http://www.example.gov.cn/art/1.html'
            where sha256 in (select sha256 from fact_report where is_current = 1 and year = 2022 and agency_key in (select agency_key from dim_agency where name = @agency));
            """, new { agency });

        var (code, output, err) = await Repo.Cli("show", agency, "2022", "--db", db);

        code.ShouldBe(0, err);
        output.ShouldContain("发布日期 published 2023-03-10（门户网站）（逾期发布）");
        output.ShouldContain($"落款日期 signed     {signed}");
        output.ShouldContain("文章页面 article   http://www.example.gov.cn/art/1.html");
    }

    [Fact]
    public async Task Without_a_year_show_gives_the_latest()
    {
        var (code, output, err) = await Repo.Cli("show", w.Withheld.Agency, "--db", w.Db);
        code.ShouldBe(0, err);
        output.ShouldStartWith($"{w.Withheld.Agency} 2022 年度", customMessage: "its 2023 report was held back");
    }

    [Fact]
    public async Task An_unknown_agency_is_said_with_the_nearest_names()
    {
        var agency = w.Query<string>("select name from dim_agency where name like '%厅' order by name limit 1").Single();
        var mistyped = agency[..^1] + "局";
        var (code, output, err) = await Repo.Cli("show", mistyped, "2023", "--db", w.Db);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        err.ShouldContain($"没有机关「{mistyped}」的报告，您是不是要找：");
        err.ShouldContain(agency);
        err.Trim().Split('\n').ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_year_the_agency_has_no_report_for_lists_the_years_it_has()
    {
        var (code, _, err) = await Repo.Cli("show", w.Withheld.Agency, "2023", "--db", w.Db);
        code.ShouldBe(2);
        err.ShouldContain($"{w.Withheld.Agency}没有 2023 年度的报告；有报告的年度：2022。");

        var bad = await Repo.Cli("show", w.Withheld.Agency, "二〇二三", "--db", w.Db);
        bad.Code.ShouldBe(2);
        bad.Err.ShouldContain("年度应写四位数字");
    }

    [Fact]
    public async Task Show_on_a_path_without_a_warehouse_creates_nothing()
    {
        var db = Path.Combine(w.Folder, "none", "w.db");
        var (code, _, err) = await Repo.Cli("show", "北京市商务厅", "2023", "--db", db);
        code.ShouldBe(2);
        err.ShouldContain("处没有数据仓库");
        Directory.Exists(Path.GetDirectoryName(db)).ShouldBeFalse();
    }
}
