using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A portal page printed to PDF by a browser (Chromium's print, Skia's PDF): the title only in
/// the PDF's Title (the page's &lt;title&gt;), a menu set small beside a title set large, blank
/// cells drawn as empty boxes, numbers of neighbouring narrow cells touching, a table cut by a
/// page break with no rule at the head of the next page, the print's header and footer
/// between a cut row and its rest, and text overprinted to look bold.
/// </summary>
public sealed class BrowserPrintPdfTests
{
    // Generated html-trs and html-hanweb-gbk reports (corpus seeds 21 and 33) printed with
    // `chromium --headless --print-to-pdf` (Fixtures/Generated/README.md says how each was made).
    [Theory]
    [InlineData("chrome-print-touching-cells-00000")]
    [InlineData("chrome-print-page-top-unruled-00003")]
    [InlineData("chrome-print-blank-cells-00011")]
    [InlineData("chrome-print-header-footer-00009")]
    [InlineData("chrome-print-label-cut-by-page-00134")]
    [InlineData("chrome-print-blank-after-heading-00154")]
    // The page's text overprinted (a CSS text-shadow: each glyph three times, a third of a pixel
    // apart, as GDI print drivers make bold): one letter each, not "二二二、、、".
    [InlineData("chrome-print-overprinted-00005")]
    // A page break cut both "2）没有现成信息需要另行制作" and the merged "三、本年度办理结果" beside it: "果" stands left of the
    // label's end at the head of the next page, where the row above has no cell. The end was not joined (a piece of the
    // merged label was no group label, and had no column above), and the row's end a row of blank zeros: 2）'s numbers
    // were read as zeros under four total_row errors. The piece is passed over and the end joins its row.
    [InlineData("chrome-print-group-label-piece-beside-label-end-00313")]
    public void A_browser_printed_page_reads_every_cell_and_only_its_own_errors(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

    // Generated pages (corpus seed 131) printed by wkhtmltopdf 0.12.6 (Qt WebKit; Python's pdfkit, many crawlers' printer),
    // which lets a page break cut a table row: in 00002 "8." and the row's numbers stand at the foot of a page and
    // "属于行政查询事项" at the head of the next, beside "三、本年度办理结果", the merged group's label centred on its rows
    // (the row "8." was unknown and the label's end a row of blank zeros); in 00047 only "3.补正后申请内容" stands at the foot
    // and "仍不明确" comes with all the row's numbers on the next page (the same label read twice, a duplicate_row error).
    [Theory]
    [InlineData("wkhtmltopdf-group-label-beside-label-end-00002")]
    [InlineData("wkhtmltopdf-numbers-after-page-break-00047")]
    // In 00039 wkhtmltopdf draws the merged label cell's top border of "（二）部分公开（…）" 5 pt below the row's own, across
    // the label columns only and through the label's first line: that line made a sliver of a row, which took the row's
    // numbers without their two blank cells (missing_cells), and the rest of the label a row of its own.
    [InlineData("wkhtmltopdf-label-border-through-first-line-00039")]
    public void A_row_that_wkhtmltopdf_cut_with_a_page_break_or_a_stray_border_reads_as_one(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

    // Browser prints (corpus seed 1202) printed again by pdftocairo, as GNOME's print-to-file and Firefox on Linux print:
    // cairo leaves out what lies past the paper. The rule at the head of a page that cut a table went with it, and a side
    // panel's rules drawn past the page's top hid the cut (00000: a row's blank cells lost); the PDF's Title went too, and
    // the side panel's "机构" beside the title's line was read as the agency, silently (00037).
    [Theory]
    [InlineData("cairo-reprint-rules-past-page-00000")]
    [InlineData("cairo-reprint-title-beside-side-panel-00037")]
    public void A_browser_print_that_cairo_printed_again_reads_every_cell(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

    // Generated pages (corpus seed 131) printed by WeasyPrint 57.2 (Python crawlers' printer; Fixtures/Generated/README.md).
    // WeasyPrint sets each cell's lines on the page they fit: a row's one-line numbers stay at the foot of a page and its
    // label of two lines goes whole to the next, over blank cells ("4.无正当理由大量反复申请" in 00004, numbered; 00032's
    // "其他对外管理服务事项" and "8）属于行政查询事项" under a table the page cut). Each was a row of numbers without a label
    // and a row of blank zeros (total_row errors on a report that adds up).
    [Theory]
    [InlineData("weasyprint-numbers-at-foot-label-at-head-00004")]
    [InlineData("weasyprint-numbers-at-foot-label-at-head-00032")]
    // Without presentational hints (its default) WeasyPrint draws no rules for border="1" and pads cells hardly at all: a
    // label and its row's first number 1.5 pt apart were one word ("行政规范性文件０", 00007), as were two headings
    // ("上一年项目数量本年增/减", 00013: the blank column under 本年增/减 went unnamed, and "45 _ 0" read as two cells); a
    // heading at a page's foot named the labels' column too, and "行政许可  737" on the next page took a blank first cell
    // (00007).
    [InlineData("weasyprint-unruled-label-against-number-00007")]
    [InlineData("weasyprint-unruled-headings-run-together-00013")]
    public void A_page_that_weasyprint_printed_reads_every_cell(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

    [Fact]
    public void Numbers_of_neighbouring_cells_a_point_apart_are_two_numbers()
    {
        // WeasyPrint 57 without presentational hints (its default) draws no rules for border="1" and pads cells hardly at
        // all: "583" and "4466" stand 1.85 pt apart in 12 pt type, one word "5834466" to PdfPig's nearest-neighbour
        // extractor, and 一、本年新收 was unknown. Other rows of this print are still unknown (its narrow unruled columns);
        // none is wrong.
        var path = Path.Combine(Fixtures.Dir("Generated"), "weasyprint-unruled-touching-numbers-00053.pdf");
        var reading = RealReports.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        var expected = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject();
        RealReports.WrongCells(expected, reading).Where(w => !w.EndsWith("got null", StringComparison.Ordinal)).ShouldBeEmpty();
        Enumerable.Range(0, 7).Select(i => reading.Cells[$"app.new_received.{i}"]?.GetValue<int>())
            .ShouldBe([2237, 1031, 291, 138, 186, 583, 4466]);
    }

    [Fact]
    public void Supplementary_radicals_read_as_the_characters_they_stand_for()
    {
        // Chromium's PDFs (and some WPS ones) give "⺠" (U+2EA0) for 民 and "⻚" for 页, which NFKC leaves alone.
        var seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"))
            .Replace("赣县区商务局", "赣县区人⺠政府办公室", StringComparison.Ordinal);
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(seed), "radicals.txt");
        reading.Parse.Report.ShouldNotBeNull().Agency.ShouldBe("赣县区人民政府办公室");
    }
}
