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
    public void A_browser_printed_page_reads_every_cell_and_only_its_own_errors(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));

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
