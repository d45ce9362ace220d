using Shouldly;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>List layouts of real portals: the date beside each link, the count a column declares, and the generic rule when a profile finds nothing.</summary>
public sealed class ListLayoutTests
{
    private static readonly Uri Page = new("http://www.x.gov.cn/zwgk/zfxxgknb/index.htm");

    [Fact]
    public void A_dl_list_keeps_the_date_of_the_next_dd_and_the_trs_profile_falls_back_to_the_generic_rule()
    {
        const string html = """
            <div class="nav"><a href="https://www.x.gov.cn/zwgk/zfxxgknb/nlist.htm">政府信息公开年报</a></div>
            <div class="rules_tabs_01">
              <dl><dd><a href="./202503/t20250310_1.htm" title="某区2024年度政府信息公开工作年度报告">某区2024年度…</a></dd><dd> 2025-03-10 </dd></dl>
              <dl><dd><a href="./202403/t20240308_2.htm" title="某区2023年度政府信息公开工作年度报告">某区2023年度…</a></dd><dd>2024-03-08</dd></dl>
            </div>
            <div class="side"><a href="/other/t1.htm">某市2024年度政府信息公开工作年度报告</a></div>
            <script>listModel({ pagebar: { prepage: 10, recordCount: '20' } });</script>
            """;
        var links = ListPage.Read(html, Page, CmsProfiles.Trs);
        links.Reports.ShouldBe([
            new ListLink(new Uri("http://www.x.gov.cn/zwgk/zfxxgknb/202503/t20250310_1.htm"), "某区2024年度政府信息公开工作年度报告", new DateOnly(2025, 3, 10)),
            new ListLink(new Uri("http://www.x.gov.cn/zwgk/zfxxgknb/202403/t20240308_2.htm"), "某区2023年度政府信息公开工作年度报告", new DateOnly(2024, 3, 8)),
        ]);
        links.Rule.ShouldBe("通用规则（trs 规则未找到链接）");
        links.Declared.ShouldBe(20);
    }

    [Fact]
    public void A_ul_list_keeps_the_date_of_its_span_and_the_profile_rule_is_named()
    {
        const string html = """
            <ul class="list">
              <li><a href="./202401/t1.html" title="某县2023年政府信息公开工作年度报告">某县…</a><span>2024/1/15</span></li>
              <li><a href="./202301/t2.html" title="关于开展政务公开培训的通知">关于…</a><span>2023-01-09</span></li>
            </ul>
            <div class="page">共 2 条</div>
            """;
        var links = ListPage.Read(html, Page, CmsProfiles.Trs);
        links.Reports.ShouldHaveSingleItem().ListDate.ShouldBe(new DateOnly(2024, 1, 15));
        links.Rule.ShouldBe("trs 规则");
        links.Entries.Count.ShouldBe(2, "every dated item counts against the declared count, reports or not");
        links.Declared.ShouldBe(2);
    }

    [Fact]
    public void A_table_of_links_keeps_the_date_cell_of_each_row()
    {
        const string html = """
            <table><tr><th>标题</th><th>日期</th></tr>
            <tr><td><a href="/zwgk/zfxxgknb/a1.shtml">某县2022年政府信息公开年报</a></td><td>2023年1月20日</td></tr>
            <tr><td><a href="/zwgk/zfxxgknb/a2.shtml">某县2021年政府信息公开年报</a></td><td></td></tr>
            </table>
            <script>var totalRecord = 21;</script>
            """;
        var links = ListPage.Read(html, Page, CmsProfiles.Generic);
        links.Reports.Select(r => r.ListDate).ShouldBe([new DateOnly(2023, 1, 20), null]);
        links.Rule.ShouldBe("通用规则");
        links.Declared.ShouldBe(21);
    }

    [Fact]
    public void The_generic_rule_leaves_a_menu_link_to_the_column_that_names_no_year()
    {
        var links = ListPage.Read("""<a href="/zwgk/zfxxgknb/">政府信息公开年报</a><a href="/zwgk/zfxxgknb/2.htm">2019年政府信息公开年报</a>""", Page, CmsProfiles.Generic);
        links.Reports.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("http://www.x.gov.cn/zwgk/zfxxgknb/2.htm");
        links.Declared.ShouldBeNull();
    }

    [Fact]
    public void A_json_search_api_lists_items_with_title_url_and_date()
    {
        var api = new ListApi("http://www.x.gov.cn/api/list?page={page}", 2, "json");
        const string json = """
            {"total": 3, "data": {"list": [
              {"doctitle": "某区2015年度政府信息公开工作年度报告", "chnldocurl": "./201601/t20160115_9.htm", "docreltime": "2016-01-15 09:30:00"},
              {"title": "某区政务公开要点", "url": "http://www.x.gov.cn/zwgk/zfxxgknb/201501/t2.htm", "date": "2015-02-01"}
            ]}}
            """;
        var links = ApiPage.Read(json, api.Page(2), Page, api, CmsProfiles.Trs);
        links.Reports.ShouldBe([new ListLink(new Uri("http://www.x.gov.cn/zwgk/zfxxgknb/201601/t20160115_9.htm"), "某区2015年度政府信息公开工作年度报告", new DateOnly(2016, 1, 15))]);
        links.Entries.Count.ShouldBe(2);
        links.Declared.ShouldBe(3);
        api.PageOf(new Uri("http://www.x.gov.cn/api/list?page=3")).ShouldBe(3);
        api.PageOf(Page).ShouldBeNull();
    }

    [Fact]
    public void An_api_answer_that_is_not_json_lists_nothing()
    {
        var api = new ListApi("http://www.x.gov.cn/api/list?page={page}", 2, "json");
        ApiPage.Read("<html>请完成验证</html>", api.Page(2), Page, api, CmsProfiles.Trs).Entries.ShouldBeEmpty();
    }
}
