using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Declared charsets that lie, which detection sees through, and honest pages of each kind that
/// must read as declared. The lies met on portals: a web server's default (iso-8859-1,
/// windows-1252, us-ascii) in the page or the HTTP header over GBK or GB18030 bytes, utf-8 over
/// GBK, gb2312 over UTF-8.
/// </summary>
public sealed class CharsetLieTests
{
    private static readonly Encoding Gbk = Code("GBK");
    private static readonly Encoding Gb18030 = Code("GB18030");

    private static Encoding Code(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    // A Hanweb-style portal page, as text; it declares charset=gb2312 in a http-equiv meta.
    private static (GeneratedReport Generated, string Html) GbkPage(int index)
    {
        var generated = ReportFactory.Create(37, index, 0);
        var html = Gbk.GetString(CorpusWriter.Render(generated, Layouts.HtmlHanwebGbk));
        html.ShouldContain("charset=gb2312");
        return (generated, html);
    }

    private static void ShouldReadAs(GeneratedReport generated, byte[] bytes, string? contentType = null)
    {
        var result = ReportParser.Default.Parse(bytes, new ParseOptions("page.html", contentType));
        result.Rejection.ShouldBeNull();
        result.Report!.Agency.ShouldBe(generated.Report.Agency);
        var expected = JsonNode.Parse(ReportJson.Serialize(generated.Report, []))!.AsObject();
        var actual = JsonNode.Parse(ReportJson.Serialize(result.Report, []))!.AsObject();
        Cells.Differences(expected, actual).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("us-ascii")]
    [InlineData("latin1")]
    public void Western_meta_charset_over_gbk_bytes_is_seen_through(string declared)
    {
        var (generated, html) = GbkPage(1);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("charset=gb2312", $"charset={declared}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Meta_charset_tag_of_latin1_over_gbk_bytes_is_seen_through()
    {
        var (generated, html) = GbkPage(2);
        var page = html.Replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "<meta charset=\"iso-8859-1\">", StringComparison.Ordinal);
        page.ShouldContain("<meta charset=\"iso-8859-1\">");
        ShouldReadAs(generated, Gbk.GetBytes(page));
    }

    [Fact]
    public void Latin1_over_gb18030_bytes_reads_its_four_byte_characters()
    {
        // 𠮷 (U+20BB7) and 䶮 (U+4DAE) are four-byte sequences in GB18030, not in GBK.
        var (generated, html) = GbkPage(3);
        var page = html.Replace("charset=gb2312", "charset=iso-8859-1", StringComparison.Ordinal).Replace("</body>", "<p>吉（𠮷）与䶮</p></body>", StringComparison.Ordinal);
        var bytes = Gb18030.GetBytes(page);
        bytes.AsSpan().IndexOf(Gb18030.GetBytes("𠮷")).ShouldBeGreaterThan(0);
        ShouldReadAs(generated, bytes);
        TextDecoding.Decode(bytes, null, lookForMeta: true).ShouldContain("吉（𠮷）与䶮");
    }

    [Fact]
    public void Utf8_in_the_http_header_over_gbk_bytes_is_seen_through()
    {
        var (generated, html) = GbkPage(4);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("; charset=gb2312", "", StringComparison.Ordinal)), "text/html; charset=utf-8");
    }

    [Fact]
    public void Latin1_in_the_http_header_gives_way_to_an_honest_meta()
    {
        var (generated, html) = GbkPage(5);
        ShouldReadAs(generated, Gbk.GetBytes(html), "text/html; charset=ISO-8859-1");
    }

    [Fact]
    public void Latin1_in_the_http_header_over_gbk_bytes_without_a_meta_is_seen_through()
    {
        var (generated, html) = GbkPage(6);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("; charset=gb2312", "", StringComparison.Ordinal)), "text/html;charset=\"iso-8859-1\"");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16le")]
    [InlineData("utf-32")]
    [InlineData("utf-7")]
    [InlineData("no-such-charset")]
    public void Impossible_or_unknown_charset_over_gbk_bytes_is_seen_through(string declared)
    {
        var (generated, html) = GbkPage(8);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("charset=gb2312", $"charset={declared}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gbk_in_the_http_header_over_a_utf8_page_reads_utf8()
    {
        var generated = ReportFactory.Create(37, 7, 0);
        ShouldReadAs(generated, CorpusWriter.Render(generated, Layouts.HtmlTrs), "text/html; charset=GBK");
    }

    [Fact]
    public void Plain_text_under_a_latin1_header_reads_as_gb18030()
    {
        var generated = ReportFactory.Create(37, 8, 0);
        var text = Encoding.UTF8.GetString(CorpusWriter.Render(generated, Layouts.TextTab));
        ShouldReadAs(generated, Gb18030.GetBytes(text), "text/plain; charset=iso-8859-1");
    }

    [Fact]
    public void Xhtml_page_declaring_its_charset_only_in_the_xml_declaration_is_read()
    {
        var text = "<?xml version=\"1.0\" encoding=\"big5\"?>\n<html><body><p>政府資訊公開工作年度報告</p></body></html>";
        TextDecoding.Decode(Code("big5").GetBytes(text), null, lookForMeta: true).ShouldBe(text);
    }

    // A page decoded with a code page of one character per byte and written out as UTF-8: what
    // Python's requests gives for a page whose Content-Type names no charset (ISO-8859-1), and
    // html2text without -utf8.
    private static byte[] DecodedTwice(byte[] bytes, string misread) => Encoding.UTF8.GetBytes(Code(misread).GetString(bytes));

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    public void Real_utf8_page_decoded_as_a_western_code_page_and_saved_as_utf8_reads_every_cell(string misread)
    {
        const string name = "pingtan-2024-portal";
        var bytes = DecodedTwice(File.ReadAllBytes(RealReports.File(name)), misread);
        Encoding.UTF8.GetString(bytes).ShouldNotContain("政府信息公开");
        var reading = RealReports.Read(bytes, name);
        reading.Parse.Rejection.ShouldBeNull();
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
    }

    [Fact]
    public void Gbk_page_decoded_as_latin1_and_saved_as_utf8_is_read()
    {
        var (generated, html) = GbkPage(9);
        ShouldReadAs(generated, DecodedTwice(Gbk.GetBytes(html), "iso-8859-1"));
    }

    [Fact]
    public void Utf8_text_of_western_letters_is_not_taken_for_text_decoded_twice()
    {
        var text = string.Concat(Enumerable.Repeat("Le rapport annuel de la préfecture : café, résumé, élève, déjà, naïve, garçon, Noël. ", 10));
        TextDecoding.Decode(Encoding.UTF8.GetBytes(text), null, lookForMeta: false).ShouldBe(text);
    }

    public static TheoryData<string, string> HonestPages() => new()
    {
        { "iso-8859-1", "Le rapport annuel de la préfecture : café, résumé, élève, déjà, naïve, garçon, Noël." },
        { "windows-1252", "“Annual report” – the office’s fees: 5 € … café" },
        { "gbk", "政府信息公开工作年度报告：本机关收到政府信息公开申请12件。" },
        { "gb18030", "政府信息公开工作年度报告：吉（𠮷）与䶮。" },
        { "big5", "政府資訊公開工作年度報告：本機關收到政府資訊公開申請十二件。" },
        { "euc-kr", "정부 정보 공개 연례 보고서: 신청 열두 건을 받았습니다." },
        { "shift_jis", "政府情報公開の年次報告：申請を十二件受け付けました。" },
        { "utf-8", "政府信息公开工作年度报告：本机关收到政府信息公开申请12件。" },
    };

    [Theory]
    [MemberData(nameof(HonestPages))]
    public void Honest_declared_page_reads_as_declared(string charset, string text)
    {
        var encoding = Code(charset);
        var meta = $"<html><head><meta charset=\"{charset}\"><title>t</title></head><body><p>{text}</p></body></html>";
        TextDecoding.Decode(encoding.GetBytes(meta), null, lookForMeta: true).ShouldBe(meta);

        var bare = $"<html><body><p>{text}</p></body></html>";
        TextDecoding.Decode(encoding.GetBytes(bare), $"text/html; charset={charset}", lookForMeta: true).ShouldBe(bare);
    }
}
