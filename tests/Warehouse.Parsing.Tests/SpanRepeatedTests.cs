using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Tables written as a grid, every merged cell repeated in each place it covers, numbers too: docling's markdown and
/// pandas' <c>read_html</c> write a page's table so ("| 行政许可 | 4529 | 4529 | 4529 |", "三、本年度办理结果" on every row
/// of table 三). Where the document's tables show it, a row of table 二 with more numbers than the template's cells is
/// read as its merged cells when its runs of equal numbers make them one way only.
/// </summary>
public sealed class SpanRepeatedTests
{
    [Theory]
    // The real pages of 平潭 (2019 and 2024 templates) with their tables as a grid: table 二's 行政许可, 行政处罚, 行政强制 and
    // 行政事业性收费 each thrice; every row was unknown, with an error.
    [InlineData("pingtan-2019-grid")]
    [InlineData("pingtan-2024-grid")]
    public void A_real_page_whose_tables_repeat_merged_cells_reads_as_the_page(string name)
    {
        var path = RealReports.File(name);
        var reading = RealReports.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        var page = RealReports.Read(File.ReadAllBytes(RealReports.File(name.Replace("-grid", "-portal", StringComparison.Ordinal))), name + ".html");
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message).ShouldBe(page.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message));
        // One warning says how the document writes its tables.
        reading.Findings.Count(f => f.Rule == "span_repeated").ShouldBe(1);
        reading.Findings.Single(f => f.Rule == "span_repeated").Message.ShouldStartWith("表二「");
    }

    // The real 2021 page of 平潭 builds table 三 on a grid of eight columns for its seven (商业企业 spans two in every row):
    // as a grid, each row repeats its 商业企业 number ("| 64 | 0 | 0 | 0 | 2 | 0 | 4 | 70 |"); as Marker writes it, the
    // second slot is empty ("| 64 | 0 |  | 0 | 2 |"). Every row was a cell too many, unknown with an error (134 and 190 of
    // 204 cells). The slot that is empty, or repeats the one before it, in every row is the grid's, not a cell.
    [Theory]
    [InlineData("pingtan-2021-grid")]
    [InlineData("pingtan-2021-blank-spans")]
    public void Table_three_on_a_grid_of_one_column_more_reads_as_the_page(string name)
    {
        var path = RealReports.File(name);
        var reading = RealReports.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        var page = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2021-portal")), "pingtan-2021-portal.html");
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message).ShouldBe(page.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message));
    }

    [Theory]
    // 2019's 行政许可 (上一年项目数量, 本年增/减, 处理决定数量): two runs for three cells, the second alone long enough to be two.
    [InlineData("| 行政许可 | 5 | 3 | 3 | 3 |", 3)]
    // Two runs that could each be two cells: 5, 5, 3 or 5, 3, 3.
    [InlineData("| 行政许可 | 5 | 5 | 3 | 3 |", null)]
    [InlineData("| 行政许可 | 5 | 5 | 3 | 3 | 3 |", null)]
    [InlineData("| 行政许可 | 4 | 0 | 7 | 7 |", 7)]
    public void A_row_is_read_only_when_its_runs_make_the_templates_cells_one_way(string row, int? licensing)
    {
        var reading = Mutated("markdown-grid-spans-repeated-00222.md", "| 行政许可 | - | 0 | 1,916 |", row);
        reading.Cells.GetValueOrDefault("ad.licensing")?.ToJsonString().ShouldBe(licensing?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (licensing is not null) reading.Cells.GetValueOrDefault("ad.licensing").ShouldNotBeNull();
        if (licensing is null) reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "extra_cells" && f.Row == "licensing");
        else reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error && f.Row == "licensing");
    }

    [Fact]
    public void Repeated_numbers_in_a_document_whose_tables_repeat_nothing_are_an_error()
    {
        // No row of this document repeats a merged cell's words: "5 5 5" for one cell is three numbers, not one.
        var reading = Mutated("markdown-circled-numbering-blank-row-00123.md", "| 行政许可 |  |  |  |", "| 行政许可 | 5 | 5 | 5 |");
        reading.Cells.GetValueOrDefault("ad.licensing").ShouldBeNull();
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "extra_cells" && f.Row == "licensing");
        reading.Findings.ShouldNotContain(f => f.Rule == "span_repeated");
    }

    private static RealReports.Reading Mutated(string fixture, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), fixture));
        text.ShouldContain(from);
        return RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)), fixture);
    }
}
