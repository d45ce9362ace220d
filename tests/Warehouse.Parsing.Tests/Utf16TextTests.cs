using System.Text;
using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Reports saved as UTF-16: Windows' "Unicode" (little-endian, with its byte order mark), big-endian, and
/// without a mark (Python's <c>encode("utf-16-le")</c>). They read as the same report saved as UTF-8, a portal
/// page as a page, never as "binary data".
/// </summary>
public sealed class Utf16TextTests
{
    public static TheoryData<string, string> Forms() => new()
    {
        { "pingtan-2024-portal", "le-bom" }, { "pingtan-2024-portal", "be-bom" }, { "pingtan-2024-portal", "le" },
        { "hongze-2024-layout", "le-bom" }, { "hongze-2024-layout", "le" }, { "hongze-2024-layout", "be" },
        { "pingtan-2024", "le" }, { "pingtan-2019-gfm", "le" },
        // Lines ended by vertical tabs (Word's manual line break), as many as a tenth of the characters.
        { "hongze-2024-plain", "le-vt" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_report_saved_as_utf16_reads_as_the_utf8_one(string name, string form)
    {
        var utf8 = File.ReadAllBytes(RealReports.File(name));
        var text = Encoding.UTF8.GetString(utf8);
        if (form.EndsWith("-vt", StringComparison.Ordinal)) (text, utf8) = (text.Replace('\n', '\v'), Encoding.UTF8.GetBytes(text.Replace('\n', '\v')));
        var encoding = form.StartsWith("le", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = (form.EndsWith("-bom", StringComparison.Ordinal) ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToArray();

        DocumentSniffer.Sniff(bytes).ShouldBe(DocumentSniffer.Sniff(utf8));
        var wide = RealReports.Read(bytes, Path.GetFileName(RealReports.File(name)));
        var expected = RealReports.Read(utf8, Path.GetFileName(RealReports.File(name)));
        wide.Parse.Rejection.ShouldBeNull();
        wide.Parse.Layout.ShouldBe(expected.Parse.Layout);
        wide.Cells.Keys.ShouldBe(expected.Cells.Keys);
        foreach (var (key, value) in expected.Cells) RealReports.Same(wide.Cells[key], value).ShouldBeTrue(key);
        wide.Findings.Select(f => f.Message).ShouldBe(expected.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Binary_data_with_zero_bytes_is_still_binary_and_ascii_text_still_ascii()
    {
        // A PNG's bytes hold zeros, and read as UTF-16 they are no text in either order.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x01, 0, 0, 0, 0x01, 0, 0x08, 0x06, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];
        DocumentSniffer.Sniff(png).ShouldBe(DocumentKind.Binary);
        // ASCII pairs read as CJK ideographs in UTF-16; without zero bytes text is never taken for it.
        Text.TextDecoding.Decode(Encoding.ASCII.GetBytes("annual report of the office: 12 items"), null, lookForMeta: false).ShouldBe("annual report of the office: 12 items");
    }
}
