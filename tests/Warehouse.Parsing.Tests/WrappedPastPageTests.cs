using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A row of table 三 whose narrow cells wrapped at a page's foot, the ends of its numbers printed on the
/// next page under the repeated heading: the ends are joined where exactly one way makes the row add up;
/// a number cut at its thousands whose end is nowhere leaves its whole row unknown, never a piece taken
/// for a number.
/// </summary>
public sealed class WrappedPastPageTests
{
    [Theory]
    [InlineData("pdf-unruled-wrapped-past-page-00032")]
    [InlineData("pdf-unruled-cut-past-page-00143")]
    public void The_ends_of_a_rows_numbers_past_a_page_break_join_it_where_one_way_adds_up(string name)
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), name + ".pdf");
        var reading = RealReports.Read(File.ReadAllBytes(path), name);
        var expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject();
        var want = expected["applications"]!["new_received"]!.AsArray().Select(v => (int?)v).ToArray();

        reading.Parse.Report!.Applications.Row("new_received").ShouldBe(want);
        reading.Findings.ShouldContain(f => f.Rule == "cells_wrapped" && f.Severity == Severity.Warning && f.Message.StartsWith("表三「一、本年新收政府信息公开申请数量」", StringComparison.Ordinal));
        reading.Parse.Report.Derived.ShouldContain("applications.new_received.0");
        // The rest of these reports too: their other rows wrap within their page, centred in their cells ("122" over
        // "（一）予以公开 875 … 51" over "8"), and read whole.
        RealReports.WrongCells(expected, reading).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void A_number_cut_at_its_thousands_whose_end_is_lost_leaves_its_row_unknown_not_its_other_cells_taken_whole()
    {
        // 淮安 2024 as pdftotext -layout gives it, with 一、本年新收's 3001 and 3119 wrapped and their ends lost:
        // "300 … 3,11". 300 looks whole; only the cut total says the row wrapped.
        var text = File.ReadAllText(RealReports.File("huaian-2024-layout"));
        var row = "一、本年新收政府信息公开申请数量                3001        53       0        0    61       4   3119";
        text.ShouldContain(row);
        text = text.Replace(row, "一、本年新收政府信息公开申请数量                300         53       0        0    61       4   3,11", StringComparison.Ordinal);
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text), "huaian-2024-cut.txt");

        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.Contains("「3,11」在千分位处被折行截断", StringComparison.Ordinal));
        // Each cell of the row is unknown, or recovered from the column rules: 3001, never 300.
        reading.Parse.Report!.Applications.Row("new_received")![0].ShouldNotBe(300);
        RealReports.WrongCells(RealReports.Expected("huaian-2024"), reading).Where(w => !w.EndsWith("got null", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    // 二、上年结转 printed "1 1 0 0 0 0 12", its end "1" under the heading repeated at the next page's head: 11 and 1,
    // or 1 and 11, both add up to 12. Both readings are named.
    [InlineData("1           1", "12", "1", "按勾稽关系有 2 种接法：(11,1,0,0,0,0,12) 或 (1,11,0,0,0,0,12)")]
    // Printed "3 0 0 0 0 0 35" with the end "4": 34 and 35, or 3 and 354, and neither adds up. The printed numbers
    // are cut, so they are not the row's values either.
    [InlineData("3           0", "35", "4", "但没有一种接法使六类申请人之和等于总计")]
    public void Ends_that_join_their_row_two_ways_or_none_leave_it_unknown_with_an_error_that_says_which(
        string first, string total, string end, string says)
    {
        // 淮安 2024 as pdftotext -layout gives it, its row 二、上年结转 cut at a page's foot.
        var text = File.ReadAllText(RealReports.File("huaian-2024-layout"));
        var row = "二、上年结转政府信息公开申请数量                34          0        0        0        0    0    34";
        text.ShouldContain(row);
        text = text.Replace(row, $"二、上年结转政府信息公开申请数量                {first}        0        0        0    0    {total}\n"
            + $"                              申请人情况\n                               自然人     {end}", StringComparison.Ordinal);
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text), "huaian-2024-cut-at-page.txt");

        var error = reading.Findings.Single(f => f.Rule == "cells_ambiguous" && f.Row == "carried_over");
        error.Severity.ShouldBe(Severity.Error);
        error.Message.ShouldStartWith($"表三「二、上年结转政府信息公开申请数量」的数在窄格中折行，后半截（{end}）印在下一页表头之下");
        error.Message.ShouldContain(says);
        reading.Parse.Report!.Applications.Row("carried_over")!.ShouldAllBe(v => v == null);
    }
}
