using Shouldly;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Tests;

/// <summary>Dashboard files as users write them: the shipped ones pass; each kind of mistake is named with its line.</summary>
public sealed class DashboardCheckTests
{
    private static readonly Lazy<Task<ViewCatalog>> Views = new(() => ViewCatalog.ShippedAsync(CancellationToken.None));

    private static string Shipped(string name) => File.ReadAllText(Path.Combine(Repo.Root, "dashboards", name + ".yaml"));

    private static async Task<IReadOnlyList<DashboardProblem>> Check(string yaml, string file = "mine.yaml")
    {
        var (dashboard, problems) = DashboardReader.Parse(yaml, file);
        return dashboard is null ? problems : DashboardChecker.Check(dashboard, await Views.Value);
    }

    private static int LineOf(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task Every_dashboard_file_in_the_folder_passes_the_check()
    {
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        catalog.Problems.ShouldBeEmpty();
        // The standard set, and 考核评分, which `assess` writes after scoring (not part of export --all); the scoring scheme beside them is not a workbook.
        catalog.Dashboards.Select(d => d.Name).ShouldBe([.. DashboardCatalog.Standard, "assessment"], ignoreOrder: true);
        foreach (var d in catalog.Dashboards) DashboardChecker.Check(d, await Views.Value).ShouldBeEmpty(d.Name);
    }

    [Fact]
    public async Task An_unknown_view_is_named_with_its_line_and_the_nearest_view()
    {
        var shipped = Shipped("region-comparison");
        var at = shipped.IndexOf("view: v_region_year_denied", StringComparison.Ordinal);
        var yaml = shipped[..at] + "view: v_region_year_denial" + shipped[(at + "view: v_region_year_denied".Length)..];
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Line.ShouldBe(LineOf(yaml, "v_region_year_denial"));
        p.Message.ShouldContain("unknown view 'v_region_year_denial' (did you mean 'v_region_year_denied'?)");
    }

    [Fact]
    public async Task An_unknown_field_is_named_with_its_line()
    {
        var yaml = Shipped("filing-status").Replace("{ field: warning_count, caption: 提示数", "{ field: warnings, caption: 提示数", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Line.ShouldBe(LineOf(yaml, "field: warnings"));
        p.Message.ShouldContain("unknown field 'warnings' of v_filing_status");
    }

    [Fact]
    public async Task Summing_a_rate_is_a_bad_aggregation()
    {
        var yaml = Shipped("year-comparison").Replace(
            "{ field: items_published, caption: 主动公开信息数, aggregate: sum, format: count }",
            "{ field: disclosure_rate, caption: 公开率, aggregate: sum, format: percent }", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Line.ShouldBe(LineOf(yaml, "field: disclosure_rate, caption: 公开率, aggregate: sum"));
        p.Message.ShouldContain("bad aggregation: sum of the rate disclosure_rate gives a wrong figure");
    }

    [Fact]
    public async Task An_aggregation_that_does_not_exist_is_refused_with_the_nearest()
    {
        var yaml = Shipped("region-comparison").Replace("aggregate: sum, caption: 件数", "aggregate: summ, caption: 件数", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Message.ShouldContain("bad aggregation 'summ' (did you mean 'sum'?)");
    }

    [Fact]
    public async Task A_pivot_field_that_is_not_a_data_column_is_named()
    {
        var yaml = Shipped("disposal-results").Replace("rows: [category]", "rows: [categroy]", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Message.ShouldContain("categroy is not a column of the data sheet (did you mean 'category'?)");
    }

    [Fact]
    public async Task Mistakes_of_form_are_all_reported_at_once_with_their_lines()
    {
        var shipped = Shipped("filing-status");
        const string Highlight = "highlight: { 未发布: red,";
        var first = shipped.IndexOf(Highlight, StringComparison.Ordinal); // one mistake: the first of the sheets' highlights
        var yaml = (shipped[..first] + "highlight: { 未发布: crimson," + shipped[(first + Highlight.Length)..])
            .Replace("  single_year: true", "  single_yaer: true", StringComparison.Ordinal)
            .Replace("type: bar,", "type: pie,", StringComparison.Ordinal);
        var problems = await Check(yaml);
        problems.Select(p => p.Line).ShouldBe([LineOf(yaml, "single_yaer"), LineOf(yaml, "crimson"), LineOf(yaml, "type: pie")], ignoreOrder: true);
        problems.ShouldContain(p => p.Message.Contains("unknown key 'single_yaer' (did you mean 'single_year'?)", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Message.Contains("highlight colour 'crimson'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Message.Contains("type should be bar, hbar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_where_that_is_neither_a_value_a_list_nor_a_not_is_named_with_its_line()
    {
        var yaml = Shipped("disposal-results").Replace("applicant_code: { not: total }", "applicant_code: { except: total }", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Line.ShouldBe(LineOf(yaml, "except: total"));
        p.Message.ShouldContain("where applicant_code should be a value, a list of values, or { not: value or list }");
    }

    [Fact]
    public async Task A_change_of_a_rate_shown_as_a_percentage_is_refused_for_percentage_points()
    {
        var yaml = Shipped("year-comparison").Replace(
            "{ field: disclosure_rate_change_points, caption: 公开率变化（百分点）, format: \"+0.0;[Red]-0.0;0.0\",",
            "{ field: disclosure_rate_change, caption: 公开率变化, format: \"0.0%;[Red]-0.0%\",", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Line.ShouldBe(LineOf(yaml, "field: disclosure_rate_change, caption"));
        p.Message.ShouldContain("is a difference of two rates: show it in percentage points (百分点");
    }

    [Fact]
    public async Task A_percentage_the_cover_cannot_define_is_refused_unless_the_dashboard_defines_it()
    {
        var yaml = Shipped("region-comparison").Replace("{ field: reports, caption: 报告机关数, format: count }\n          - { field: regions_covered",
            "{ field: reports, caption: 报告机关数, format: percent }\n          - { field: regions_covered", StringComparison.Ordinal);
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Message.ShouldContain("the rate reports has no definition for the cover");
        (await Check(yaml.Replace("caption: 报告机关数, format: percent }", "caption: 报告机关数, format: percent, definition: 报告数 ÷ 应报送数 }", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dashboard_that_takes_balanced_names_the_agency_field_of_every_table()
    {
        var shipped = Shipped("year-comparison");
        var at = shipped.IndexOf(", panel: agency_code }", StringComparison.Ordinal);
        var yaml = shipped[..at] + " }" + shipped[(at + ", panel: agency_code }".Length)..];
        var p = (await Check(yaml)).ShouldHaveSingleItem();
        p.Message.ShouldContain("takes --balanced (filters: balanced: true), so its filter must name the agency field, e.g. panel: agency_code");
    }

    [Fact]
    public async Task A_file_that_is_not_YAML_says_so_with_its_line()
    {
        var p = (await Check("title: x\nsheets: [ { name: a\n")).ShouldHaveSingleItem();
        p.Message.ShouldContain("not valid YAML");
    }

    [Fact]
    public async Task Sheet_names_Excel_refuses_are_refused()
    {
        var yaml = Shipped("disposal-results").Replace("  - name: 办理结果\n", "  - name: 办理结果/汇总\n", StringComparison.Ordinal);
        (await Check(yaml)).ShouldContain(p => p.Message.Contains("forbids in sheet names", StringComparison.Ordinal));
    }
}
