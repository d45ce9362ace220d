using System.Text;
using Shouldly;
using UglyToad.PdfPig;
using Warehouse.Parsing.Pdf;
using static Warehouse.Core.Severity;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// PDFs printed again through Ghostscript (the virtual printers built on it, the tools that shrink a PDF): fonts
/// re-encoded one byte a glyph, so that a string of a font's 255th and 256th glyphs begins with the bytes FE FF, which
/// PdfPig takes for a UTF-16 byte-order mark and shows as other text or none (<see cref="MarkedStringRepair"/>).
/// </summary>
public sealed class GhostscriptPrintTests
{
    [Fact]
    public void A_cell_drawn_with_the_codes_FE_FF_reads_as_printed()
    {
        // Table 二's 规章 is "(\376\377)'": PdfPig showed nothing, and its row of zeros was a row without a label.
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), "ghostscript-print-marked-string-00014.pdf"));
    }

    [Fact]
    public void Only_the_content_streams_with_such_strings_are_replaced()
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), "ghostscript-print-marked-string-00014.pdf");
        var bytes = File.ReadAllBytes(path);
        using var pdf = PdfDocument.Open(bytes);
        var repaired = MarkedStringRepair.Repair(pdf, bytes).ShouldNotBeNull();
        // An incremental update: the original bytes first, as they were.
        repaired.AsSpan(0, bytes.Length).SequenceEqual(bytes).ShouldBeTrue();
        using var again = PdfDocument.Open(repaired);
        // The page's text gains the cell, and nothing else changes.
        var text = again.GetPage(1).Text;
        var at = text.IndexOf("规章", StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0);
        text.Remove(at, 2).ShouldBe(pdf.GetPage(1).Text);

        var untouched = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), "pdf-page-break-00211.pdf"));
        using var other = PdfDocument.Open(untouched);
        MarkedStringRepair.Repair(other, untouched).ShouldBeNull();
    }

    [Fact]
    public void A_font_whose_glyphs_name_no_character_reads_as_unknown_not_as_its_codes()
    {
        // Ghostscript's print kept no Unicode map for the bold font (the title "…（2023年）…" in bold): its glyphs are
        // /cid12123 and the like, and PdfPig gave their codes, so that "五、存在的主要问题及改进情况" read "5 678&9:;<=>#$"
        // and its "5" was a sixteenth number of table 四, which was then unknown with an error.
        var path = Path.Combine(Fixtures.Dir("Generated"), "ghostscript-print-nameless-bold-01175.pdf");
        RealReports.ShouldReadAsExpected(path);
        var reading = RealReports.Read(File.ReadAllBytes(path), "ghostscript-print-nameless-bold-01175");
        reading.Findings.ShouldContain(f => f.Rule == "text_garbled" && f.Severity == Warning);
        using var pdf = PdfDocument.Open(File.ReadAllBytes(path));
        NamelessGlyphs.Fonts(pdf, pdf.GetPage(1)).ShouldBe(["XRUVSN+NotoSansCJKjp-Bold-VKana"]);
    }

    [Theory]
    [InlineData(@"BT (\376\377)' ET", "BT <FEFF>' ET")]
    [InlineData("BT (\u00FE\u00FFab)Tj ET", "BT <FEFF6162>Tj ET")]
    [InlineData(@"[(\377\376c)-20(d)]TJ", "[<FFFE63>-20(d)]TJ")]
    // Escapes, nested parentheses and a line continued inside the string.
    [InlineData("(\\376\\377(\\)x)\\\n\\n)Tj", "<FEFF282978290A>Tj")]
    [InlineData("(\\3763)Tj", null)]
    [InlineData("(ab)Tj <FEFF>Tj", null)]
    [InlineData("% (\\376\\377) a comment\n(a)Tj", null)]
    // An inline image's data is bytes, not strings.
    [InlineData("BI /W 2 /H 1 /BPC 8 /CS /G ID (\\376\\377) EI (a)Tj", null)]
    [InlineData("<< /MCID 0 >> BDC (\\377\\376)Tj EMC", "<< /MCID 0 >> BDC <FFFE>Tj EMC")]
    public void A_literal_string_beginning_with_a_byte_order_mark_is_written_in_hexadecimal(string content, string? expected)
    {
        var rewritten = MarkedStringRepair.Rewrite(Encoding.Latin1.GetBytes(content));
        (rewritten is null ? null : Encoding.Latin1.GetString(rewritten)).ShouldBe(expected);
    }
}
