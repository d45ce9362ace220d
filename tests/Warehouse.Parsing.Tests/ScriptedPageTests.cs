using System.Text;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Portal pages whose article a script writes (a front-end framework's page, saved by a crawler that runs no script):
/// the article's HTML in a string, a JSON state object or a template. Such pages were refused as 不是政府信息公开工作年度报告.
/// </summary>
public sealed class ScriptedPageTests
{
    [Theory]
    [InlineData("pingtan-2024-portal", 0)]
    [InlineData("pingtan-2024-portal", 1)]
    [InlineData("pingtan-2024-portal", 2)]
    [InlineData("pingtan-2019-portal", 0)]
    [InlineData("pingtan-2022-portal", 1)]
    public void A_real_page_with_its_article_in_a_script_reads_like_the_page(string fixture, int form)
    {
        var page = File.ReadAllText(RealReports.File(fixture));
        var scripted = ScriptedPageSaving.Scripted(page, form);
        var baseline = RealReports.Read(Encoding.UTF8.GetBytes(page), fixture);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(scripted), fixture);
        reading.Parse.Rejection.ShouldBeNull();
        reading.Parse.Report!.Agency.ShouldBe(baseline.Parse.Report!.Agency);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue(key);
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    [Fact]
    public void A_page_whose_scripts_hold_only_a_widgets_table_is_still_not_a_report()
    {
        // A calendar widget's HTML in a script: a table, but none of the template's words.
        var calendar = string.Concat(Enumerable.Range(1, 30).Select(d => $"<td>{d}</td>"));
        var page = $"<html><head><title>通知公告</title></head><body><div id=\"app\"></div><script>var widget = \"<table><tr>{calendar}</tr></table>\";</script></body></html>";
        var result = ReportParser.Default.Parse(Encoding.UTF8.GetBytes(page), new ParseOptions("page.html", "text/html"));
        result.Rejection.ShouldNotBeNull().ShouldStartWith("不是政府信息公开工作年度报告");
    }
}
