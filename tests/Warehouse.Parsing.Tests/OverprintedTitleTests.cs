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

    // The same box, read as text. `pdftotext -layout` sets the box's lines among the preamble's: "河南商丘经济开发区住房和
    // 城乡建设局" first, "2023 年度政府信息公开工作报告" two lines of preamble below it, under "…要求，编制" (joined with that
    // line the title named the agency "编制", silently); 00032's first line names no report ("…财政局 2022 年度政府信息公开",
    // "工作年度报告" below). From `./warehouse corpus generate --count 40 --seed 7272 --inconsistent 0 --layouts docx`,
    // printed by LibreOffice (`soffice --convert-to pdf`) and read by `pdftotext -layout` (Fixtures/Generated/README.md).
    [Theory]
    [InlineData("pdftotext-layout-title-box-among-preamble-7272-00029.txt")]
    [InlineData("pdftotext-layout-title-box-among-preamble-7272-00032.txt")]
    // `pdftotext -raw` gives the box where the PDF draws it, after the first page's body and its footer ("- 1 -"); 00070's
    // title names no year. `-bbox-layout` gives its words, 23 points tall over the body's 14, on the body's lines.
    // From `./warehouse corpus generate --count 200 --seed 8080 --layouts text-pdftotext`.
    [InlineData("pdftotext-raw-title-box-after-first-page-00096.txt")]
    [InlineData("pdftotext-raw-title-box-no-year-00070.txt")]
    [InlineData("pdftotext-bbox-title-box-over-body-00144.txt")]
    public void A_title_box_in_the_text_of_its_print_reads_as_the_title(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name));
}
