using System.Text;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A portal page saved by a browser as one file with its pictures (MHTML, "网页，单个文件"): read as the page it
/// holds, never refused as "not a report" because its page is in quoted-printable or base64.
/// </summary>
public sealed class WebArchiveTests
{
    [Theory]
    [InlineData("pingtan-2024-portal")]
    [InlineData("pingtan-2019-portal")]
    public void A_real_page_saved_as_a_web_archive_reads_as_the_page(string name)
    {
        var page = File.ReadAllBytes(RealReports.File(name));
        var archive = WebArchiveSaving.Archive(page, "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm");
        Encoding.ASCII.GetString(archive, 0, 40).ShouldStartWith("From: <Saved by Blink>");

        DocumentSniffer.Sniff(archive).ShouldBe(DocumentKind.Mhtml);
        var reading = RealReports.Read(archive, name + ".mht");
        var expected = RealReports.Read(page, name + ".html");
        reading.Parse.Rejection.ShouldBeNull();
        reading.Parse.Layout.ShouldBe(expected.Parse.Layout);
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        reading.Findings.Select(f => f.Message).ShouldBe(expected.Findings.Select(f => f.Message));
    }

    /// <summary>
    /// Internet Explorer's and Word's form: no "From: &lt;Saved by Blink&gt;" line, a preamble, the page in its
    /// served encoding (here GB18030, its meta charset removed) with the charset named on its MIME part only.
    /// </summary>
    [Theory]
    [InlineData("quoted-printable")]
    [InlineData("base64")]
    public void A_page_saved_by_internet_explorer_reads_as_the_page(string transferEncoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string name = "pingtan-2024-portal";
        var page = File.ReadAllText(RealReports.File(name)).Replace("<meta charset=\"utf-8\"", "<meta", StringComparison.Ordinal);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(page);
        var body = transferEncoding == "base64"
            ? Convert.ToBase64String(gbk, Base64FormattingOptions.InsertLineBreaks)
            : QuotedPrintable(gbk);
        var archive = Encoding.ASCII.GetBytes(
            "From: <Saved by Windows Internet Explorer 11>\r\nSubject: =?gb2312?B?xr3Mtg==?=\r\nDate: Mon, 10 Mar 2025 09:30:00 +0800\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000_0000_01DB9190.3D5C1A40\"\r\n" +
            "X-MimeOLE: Produced By Microsoft MimeOLE V10.0.19041.1\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n" +
            "------=_NextPart_000_0000_01DB9190.3D5C1A40\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\n" +
            $"Content-Transfer-Encoding: {transferEncoding}\r\nContent-Location: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm\r\n\r\n" +
            body + "\r\n\r\n------=_NextPart_000_0000_01DB9190.3D5C1A40--\r\n");

        DocumentSniffer.Sniff(archive).ShouldBe(DocumentKind.Mhtml);
        var reading = RealReports.Read(archive, name + ".mht");
        reading.Parse.Rejection.ShouldBeNull();
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
    }

    /// <summary>Quoted-printable as RFC 2045 writes it: '=' and bytes above 126 escaped, soft breaks before 76 characters.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n') { text.Append("\r\n"); line = 0; continue; }
            if (b == (byte)'\r') continue;
            var piece = b is >= 32 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (line + piece.Length > 75) { text.Append("=\r\n"); line = 0; }
            text.Append(piece);
            line += piece.Length;
        }
        return text.ToString();
    }

    [Fact]
    public void A_web_archive_without_a_page_says_so()
    {
        var archive = Encoding.ASCII.GetBytes("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n");
        DocumentSniffer.Sniff(archive).ShouldBe(DocumentKind.Mhtml);
        ReportParser.Default.Parse(archive, new ParseOptions("page.mht")).Rejection.ShouldBe("网页存档（MHTML）中没有网页 (a web archive (MHTML) without an HTML page)");
    }
}
