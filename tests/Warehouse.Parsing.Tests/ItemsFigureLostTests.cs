using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A figure of section 一's prose that the text's extraction moved out of its sentence: the items published are then
/// unknown, with an error naming them, not unstated (null without a word, which a reader takes for "the report does
/// not say").
/// </summary>
public sealed class ItemsFigureLostTests
{
    [Fact]
    public void A_count_of_items_published_moved_to_the_end_of_its_line_is_unknown_with_an_error()
    {
        // Chromium's print of the 2021 portal page, then pdftotext -layout: "2645", set in another font on another
        // baseline, stands at the end of its line, "…单位政府信息 条，主要通过…办公场所的   2645".
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2021-chrome-layout")), "pingtan-2021-chrome-layout.txt");
        RealReports.WrongCells(RealReports.Expected("pingtan-2021-portal"), reading).ShouldBe(["items_published: want 2645, got null"]);
        var error = reading.Findings.Single(f => f.Rule == "items_figure_lost");
        error.Severity.ShouldBe(Severity.Error);
        error.Row.ShouldBe("items_published");
        error.Message.ShouldStartWith("正文「一、总体情况」的「全年主动公开我区各级单位政府信息条」在「条」前没有数字");
    }

    // The same print with the line written otherwise: a figure in its place is read; 信息条目 is no count, and 条例
    // (公开条例) no unit.
    [Theory]
    [InlineData("区各级单位政府信息 2645 条，主要通过政府网站、政务新媒体、办公场所的", 2645)]
    [InlineData("区各级单位政府信息条目，主要通过政府网站、政务新媒体、办公场所的   2645", null)]
    [InlineData("区各级单位政府信息条例宣传，主要通过政府网站、政务新媒体、办公场所的   2645", null)]
    public void A_sentence_that_states_its_figure_or_no_total_loses_none(string line, int? items)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2021-chrome-layout"));
        const string printed = "区各级单位政府信息 条，主要通过政府网站、政务新媒体、办公场所的   2645";
        text.ShouldContain(printed);
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text.Replace(printed, line, StringComparison.Ordinal)), "line.txt");
        reading.Parse.Report.ShouldNotBeNull().ItemsPublished.ShouldBe(items);
        reading.Findings.ShouldNotContain(f => f.Rule == "items_figure_lost");
    }
}
