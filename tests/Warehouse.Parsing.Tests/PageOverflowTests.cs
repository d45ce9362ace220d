using Shouldly;
using Warehouse.Core;
using Warehouse.Parsing.Pdf;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// LibreOffice prints a web page whose layout tables are wider than A4 past the paper's edges and
/// leaves the rest out: table 三 loses its right-hand columns. The reason given was "labels and
/// numbers out of order", which sends a supervisor to the wrong fix; it is the page's width.
/// </summary>
public sealed class PageOverflowTests
{
    private const string Wide = "libreoffice-web-print-wider-than-page-00001.pdf";

    [Fact]
    public void A_pdf_laid_out_wider_than_its_page_says_so_where_a_table_lost_its_columns()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), Wide));
        PdfLayout.Read(bytes).TextBeyondPage.ShouldBeTrue();

        var result = ReportParser.Default.Parse(bytes, new ParseOptions(Wide));
        var errors = result.Findings.Where(f => f.Severity == Severity.Error).ToList();
        errors.ShouldContain(f => f.Rule == "table_scrambled" && f.Message.StartsWith("表三的行缺少右侧的数：PDF 的版面比纸面宽", StringComparison.Ordinal));
        errors.ShouldContain(f => f.Rule == "missing_cells" && f.Message.Contains("PDF 的版面比纸面宽", StringComparison.Ordinal));
        errors.ShouldNotContain(f => f.Message.Contains("打乱", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Real", "hongze-2024.pdf")]
    [InlineData("Real", "pingtan-2024-libreoffice.pdf")]
    [InlineData("Generated", "chrome-print-blank-cells-00011.pdf")]
    public void A_pdf_within_its_page_is_not_taken_for_one_wider(string folder, string file)
    {
        PdfLayout.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir(folder), file))).TextBeyondPage.ShouldBeFalse();
    }
}
