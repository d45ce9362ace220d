namespace Warehouse.Parsing.Tests;

/// <summary>
/// A title in a Word text box that wraps no text, printed in front of the body's first lines (LibreOffice's PDF of the
/// DOCX; Word prints such a box so too): the title's letters, set larger, stand over the body's. Read as one line, the
/// two were chained letter by letter ("根据《中华涪", "局输运通交县宁伊" for 伊宁县交通运输局): the report was refused for
/// want of an agency, or read with an agency made of the mixture. Each size's letters now make words and lines of
/// their own, and the box's lines stay together where its first one stands.
/// </summary>
public sealed class OverprintedTitleTests
{
    // `./warehouse corpus generate --count 120 --seed 5151 --layouts pdf` (Fixtures/Generated/README.md): 00023's title
    // wraps to a second line printed between the body's second and third lines; 00002's first title line stands beside
    // the body's first line.
    [Theory]
    [InlineData("pdf-title-box-over-body-00023")]
    [InlineData("pdf-title-box-over-body-00002")]
    public void A_title_printed_over_the_body_reads_as_the_title(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".pdf"));
}
