using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>Whatever arrives, the parser answers with one clear reason and never throws or hangs.</summary>
public sealed class BadInputTests
{
    private static ParseResult Parse(byte[] bytes, ParseOptions? options = null) =>
        ReportParser.Default.Parse(bytes, options ?? new ParseOptions("bad"));

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Fixtures.Dir("BadInputs"), name));

    [Fact]
    public void Empty_file_is_rejected_as_empty()
    {
        Parse([]).Rejection.ShouldBe("文件是空的 (the file is empty)");
        Parse("  \n\r\n"u8.ToArray()).Rejection.ShouldBe("文件是空的 (the file is empty)");
    }

    // pdftotext of a PDF whose pages hold no text (a scan, or glyphs drawn as shapes by a PostScript round trip) writes a
    // form feed a page and nothing else: it was refused as no report.
    [Fact]
    public void Text_of_page_breaks_alone_is_refused_as_extracted_from_a_pdf_without_text()
    {
        Parse("\f\f\f\f\f\f\f\f"u8.ToArray()).Rejection.ShouldNotBeNull().ShouldStartWith("文本只有分页符，没有文字");
        Parse("\n\f\n\f"u8.ToArray()).Rejection.ShouldNotBeNull().ShouldStartWith("文本只有分页符，没有文字");
    }

    [Fact]
    public void Random_bytes_are_rejected_as_binary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Parse(bytes).Rejection.ShouldNotBeNull().ShouldContain("binary data");
    }

    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Json_is_refused_as_json_not_as_garbled_text()
    {
        // A report's own expectation (braces, quotes and keys: a portal's API answer or a crawler's metadata looks the
        // same) was refused as garbled text, "its encoding or font mapping lost", which it is not.
        var json = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), "text-tab-two-reports-bound.expected.json"));
        Parse(json).Rejection.ShouldNotBeNull().ShouldStartWith("JSON 数据，不是报告文档");
        // An API's answer that carries the report's page in a string: with its tags and Chinese as written it reads as the
        // page; with them escaped ("\u003C", "\u5e74", as Python's json.dumps and .NET write) it is a format not read,
        // said so, never "no report" nor "garbled".
        var page = File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-portal.html"));
        var asWritten = System.Text.Json.JsonSerializer.Serialize(new { title = "平潭综合实验区2024年度政府信息公开工作年度报告", content = page }, AsWritten);
        Parse(System.Text.Encoding.UTF8.GetBytes(asWritten)).Report.ShouldNotBeNull().Agency.ShouldBe("平潭综合实验区");
        var escaped = System.Text.Json.JsonSerializer.Serialize(new { title = "平潭综合实验区2024年度政府信息公开工作年度报告", content = page });
        escaped.ShouldContain("\\u003C");
        Parse(System.Text.Encoding.ASCII.GetBytes(escaped)).Rejection.ShouldNotBeNull().ShouldStartWith("JSON 数据，内含报告正文");
        Parse("{\"a\": [1, 2, 3]}"u8.ToArray()).Rejection.ShouldNotBeNull().ShouldStartWith("JSON 数据");
        Parse("{ 这不是年度报告"u8.ToArray()).Rejection.ShouldNotBeNull().ShouldNotContain("JSON");
    }

    [Fact]
    public void Html_page_without_a_report_is_rejected()
    {
        var html = "<html><head><meta charset=\"utf-8\"><title>首页</title></head><body><div class=\"nav\">政务公开</div><table><tr><td>通知公告</td><td>2024-01-02</td></tr></table></body></html>";
        Parse(Encoding.UTF8.GetBytes(html)).Rejection.ShouldNotBeNull().ShouldContain("not a government information disclosure annual report");
    }

    [Fact]
    public void Report_without_its_application_table_is_rejected_by_name()
    {
        var seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));
        var start = seed.IndexOf("### 三、", StringComparison.Ordinal);
        var end = seed.IndexOf("#### 四、", StringComparison.Ordinal);
        var cut = seed[..start] + seed[end..];
        Parse(Encoding.UTF8.GetBytes(cut)).Rejection.ShouldNotBeNull().ShouldContain("application table");
    }

    [Theory]
    [InlineData("former-format-2017.txt")]
    [InlineData("former-format-2017.html")]
    public void Report_in_the_format_before_2019_is_refused_as_that_format(string name)
    {
        var why = Parse(Fixture(name)).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("是2017年度的政府信息公开工作年度报告，但按2019年以前的旧格式编写");
        why.ShouldContain("format used before 2019");
    }

    [Fact]
    public void Report_in_the_format_before_2019_without_a_year_is_refused_by_its_headings()
    {
        var text = Encoding.UTF8.GetString(Fixture("former-format-2017.txt"))
            .Replace("2017年", "本年", StringComparison.Ordinal).Replace("2018年3月20日", "", StringComparison.Ordinal);
        var why = Parse(Encoding.UTF8.GetBytes(text)).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("是政府信息公开工作年度报告，但按2019年以前的旧格式编写");
    }

    [Fact]
    public void Current_format_report_dated_2018_without_its_table_is_not_called_the_former_format()
    {
        // A misprinted year must not turn a lost table 三 into a format the report is not in:
        // its table 二 (第二十条第（一）项) is the current format's.
        var seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));
        var start = seed.IndexOf("### 三、", StringComparison.Ordinal);
        var end = seed.IndexOf("#### 四、", StringComparison.Ordinal);
        var cut = System.Text.RegularExpressions.Regex.Replace(seed[..start] + seed[end..], @"20[12][0-9](\s*)年", "2018$1年");
        Parse(Encoding.UTF8.GetBytes(cut)).Rejection.ShouldNotBeNull().ShouldContain("application table");
    }

    [Fact]
    public void Pdf_printed_again_through_postscript_is_refused_as_a_garbled_text_layer_not_as_no_report()
    {
        var why = Parse(Fixture("reprinted.pdf")).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("PDF 的文字层是乱码");
        why.ShouldNotContain("not a government information disclosure annual report");
    }

    [Fact]
    public void Pdftotext_of_a_reprinted_pdf_is_refused_as_garbled_text_not_as_binary_data()
    {
        var why = Parse(Fixture("reprinted-pdftotext.txt")).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("文字是乱码");
    }

    [Fact]
    public void English_page_with_punctuation_is_still_not_a_report_rather_than_garbled()
    {
        var prose = string.Concat(Enumerable.Repeat("The council met on 3 May (see minutes, pp. 4-7); the budget is $1,200 - a 5% rise. ", 12));
        var html = $"<html><head><meta charset=\"utf-8\"><title>Minutes</title></head><body><p>{prose}</p></body></html>";
        Parse(Encoding.UTF8.GetBytes(html)).Rejection.ShouldNotBeNull().ShouldContain("not a government information disclosure annual report");
    }

    [Theory]
    [InlineData("泉州市丰泽区人民政府2023年政府信息公开工作年度报告.pdf", "附件：")]
    [InlineData("泉州市丰泽区人民政府2023年政府信息公开工作年度报告.docx", "相关附件 1.")]
    [InlineData("泉州市丰泽区人民政府2023年政府信息公开工作年度报告", "附件：")]
    public void An_article_page_that_only_links_the_report_says_the_report_is_in_its_attachment(string link, string before)
    {
        // Many portals publish the report as a PDF or Word attachment: the article page holds its title, a byline
        // and the link. Not "table 三 is missing", which sends a supervisor looking for a fault in the report.
        var html = "<html><head><meta charset=\"utf-8\"><title>泉州市丰泽区人民政府2023年政府信息公开工作年度报告_年度报告_丰泽区人民政府</title>"
            + "<meta name=\"ArticleTitle\" content=\"泉州市丰泽区人民政府2023年政府信息公开工作年度报告\"></head><body>"
            + "<h1>泉州市丰泽区人民政府2023年政府信息公开工作年度报告</h1><div>发布时间：2024-01-26 来源：区政府办</div>"
            + $"<div class=\"content\"><p>{before}<a href=\"/upload/2024/01/fz2023.pdf\">{link}</a></p></div></body></html>";
        var why = Parse(Encoding.UTF8.GetBytes(html)).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("是政府信息公开工作年度报告的发布页，但页面正文没有报告的章节和表格，只有附件「" + link + "」");
        why.ShouldContain("the report is in the attachment");
    }

    [Theory]
    [InlineData("<iframe src=\"/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2F01%2Ffz2023.pdf\" width=\"100%\" height=\"800\"></iframe>", "fz2023.pdf")]
    [InlineData("<embed src=\"/upload/2024/01/fz2023.pdf\" type=\"application/pdf\">", "fz2023.pdf")]
    [InlineData("<object data=\"/upload/2024/01/fz2023.docx\" type=\"application/msword\"></object>", "fz2023.docx")]
    [InlineData("<iframe src=\"/pdfjs/web/viewer.html?file=%2Fmodule%2Fdownload%2Fdownfile.jsp%3Fclassid%3D0%26filename%3Dfz2023.pdf\"></iframe>", "fz2023.pdf")]
    [InlineData("<iframe src=\"/pdfjs/web/viewer.html?file=/module/download/downfile.jsp?classid=0&amp;filename=fz2023.pdf\"></iframe>", "fz2023.pdf")]
    public void An_article_page_that_shows_the_report_in_a_viewer_says_the_report_is_that_document(string frame, string name)
    {
        // Portals show a report's PDF inside the article (pdf.js in a frame, an embed): the page's text is its title alone.
        var html = "<html><head><meta charset=\"utf-8\"><title>泉州市丰泽区人民政府2023年政府信息公开工作年度报告_年度报告_丰泽区人民政府</title>"
            + "<meta name=\"ArticleTitle\" content=\"泉州市丰泽区人民政府2023年政府信息公开工作年度报告\"></head><body>"
            + $"<h1>泉州市丰泽区人民政府2023年政府信息公开工作年度报告</h1><div class=\"content\">{frame}</div></body></html>";
        var why = Parse(Encoding.UTF8.GetBytes(html)).Rejection.ShouldNotBeNull();
        why.ShouldStartWith("是政府信息公开工作年度报告的发布页，但页面正文没有报告的章节和表格，报告是页面内嵌显示的文档「" + name + "」");
        Parse(Encoding.UTF8.GetBytes(html.Replace(frame, "<iframe src=\"/video/player.html\"></iframe>", StringComparison.Ordinal))).Rejection.ShouldNotBeNull()
            .ShouldNotContain("内嵌");
    }

    [Fact]
    public void An_article_page_that_posts_the_report_as_pictures_of_its_pages_says_so()
    {
        // Offices post a stamped report as pictures of its pages: the page's text is its title alone.
        var pages = string.Concat(Enumerable.Range(1, 5).Select(i => $"<p style=\"text-align:center\"><img src=\"/upload/2024/01/W02024012600{i}.jpg\" width=\"600\" height=\"850\"></p>"));
        var html = "<html><head><meta charset=\"utf-8\"><title>泉州市丰泽区人民政府2023年政府信息公开工作年度报告_年度报告_丰泽区人民政府</title></head><body>"
            + $"<h1>泉州市丰泽区人民政府2023年政府信息公开工作年度报告</h1><div>发布时间：2024-01-26</div><div class=\"content\">{pages}</div></body></html>";
        Parse(Encoding.UTF8.GetBytes(html)).Rejection.ShouldNotBeNull()
            .ShouldStartWith("是政府信息公开工作年度报告，但全文以图片发布（5 张图片，如「W020240126001.jpg」），没有报告的文字");
    }

    [Fact]
    public void Truncated_docx_is_rejected_as_damaged()
    {
        var docx = SmallDocx();
        Parse(docx[..(docx.Length / 2)]).Rejection.ShouldNotBeNull().ShouldContain("DOCX");
    }

    [Fact]
    public void Password_protected_docx_is_rejected_as_such()
    {
        Parse(Fixture("encrypted.docx")).Rejection.ShouldNotBeNull().ShouldContain("password-protected");
    }

    [Fact]
    public void Truncated_pdf_is_rejected_as_damaged()
    {
        var pdf = Fixture("plain.pdf");
        var result = Parse(pdf[..(pdf.Length / 3)]);
        result.Rejection.ShouldNotBeNull().ShouldStartWith("PDF 文件已损坏或不完整 (a damaged or truncated PDF");
        result.Report.ShouldBeNull();
    }

    [Fact]
    public void Password_protected_pdf_is_rejected_as_such()
    {
        Parse(Fixture("encrypted.pdf")).Rejection.ShouldNotBeNull().ShouldStartWith("加密的 PDF，没有密码无法读取 (a password-protected PDF");
    }

    // `mutool convert -O compress` (MuPDF 1.21.1) of the real WPS PDF re-embeds its GBK font
    // without a ToUnicode map: every tool reads glyph numbers ("␞ᆹᐲ⍚⌭४Ӫ≁᭯ᓌ"). The report is there,
    // but no text of it: the refusal says so, not that it is no report.
    [Fact]
    public void A_pdf_whose_text_layer_maps_to_no_unicode_is_refused_as_garbled()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "hongze-2024-no-unicode.pdf"));
        var result = ReportParser.Default.Parse(bytes, new ParseOptions("hongze-2024-no-unicode.pdf"));
        result.Rejection.ShouldNotBeNull().ShouldStartWith("PDF 的文字层是乱码");
    }

    // Ghostscript 10.00.0's ps2write then ps2pdf (a print to PostScript and back, as PDF printer drivers do) of
    // the real WPS PDF's first page: its fonts become Type 3 fonts whose glyph numbers are given out in order over the
    // symbol blocks ("✩✑✔☘✂✠"), in the PDF and in pdftotext's text of it. Both were refused as no report.
    [Theory]
    [InlineData("hongze-2024-ps2pdf.pdf", "PDF 的文字层是乱码")]
    [InlineData("hongze-2024-ps2pdf-layout.txt", "文字是乱码")]
    public void Glyph_numbers_given_out_as_symbols_are_refused_as_garbled_not_as_no_report(string name, string why)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), name));
        var result = ReportParser.Default.Parse(bytes, new ParseOptions(name));
        result.Rejection.ShouldNotBeNull().ShouldStartWith(why);
    }

    // `pandoc -f html -t plain` (pandoc 2.17.1.1) of the real portal page writes "[TABLE]" for
    // tables 三 and 四, which have merged cells: the text cannot carry them.
    [Fact]
    public void Text_whose_table_three_is_a_converters_placeholder_is_refused_saying_so()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-pandoc-plain.txt"));
        var result = ReportParser.Default.Parse(bytes, new ParseOptions("pingtan-2024-pandoc-plain.txt"));
        result.Rejection.ShouldNotBeNull().ShouldStartWith("是政府信息公开工作年度报告，但表三在文本中只剩占位符「[TABLE]」");
    }

    [Fact]
    public void A_pdf_whose_words_are_drawn_as_outlines_is_refused_saying_so_not_as_a_scan()
    {
        var result = Parse(Fixture("outlined.pdf"));
        result.Report.ShouldBeNull();
        result.Rejection.ShouldNotBeNull().ShouldStartWith("PDF 没有文字层：页面上的字是画出来的曲线（文字已转曲）");
    }

    [Fact]
    public void A_scanned_pdf_without_a_text_layer_is_refused_as_a_scan()
    {
        var result = Parse(Fixture("scanned.pdf"));
        result.Report.ShouldBeNull();
        result.Rejection.ShouldNotBeNull().ShouldStartWith("扫描件，无文字层");
    }

    [Fact]
    public void Pdf_that_is_not_a_report_is_rejected()
    {
        Parse(Fixture("plain.pdf")).Rejection.ShouldNotBeNull().ShouldContain("not a government information disclosure annual report");
    }

    [Fact]
    public void Zip_bomb_posing_as_docx_is_refused_at_the_inflation_limit()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var doc = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open())
            {
                doc.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"u8);
            }

            using var bomb = zip.CreateEntry("word/media/padding.bin", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 24; i++) bomb.Write(zeros);
        }

        var bytes = buffer.ToArray();
        bytes.Length.ShouldBeLessThan(200_000);
        var result = Parse(bytes, new ParseOptions("bomb.docx", MaxInflatedBytes: 16L * 1024 * 1024));
        result.Rejection.ShouldNotBeNull().ShouldContain("zip bomb");
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_unread()
    {
        var bytes = new byte[2 * 1024 * 1024];
        var result = Parse(bytes, new ParseOptions("big", MaxBytes: 1024 * 1024));
        result.Rejection.ShouldNotBeNull().ShouldContain("over the size limit");
    }

    [Fact]
    public void Zip_that_is_not_a_docx_is_rejected()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("readme.txt").Open();
            entry.Write("hello"u8);
        }

        Parse(buffer.ToArray()).Rejection.ShouldNotBeNull().ShouldContain("ZIP archive");
    }

    [Theory]
    // An OpenDocument text opens with its mimetype entry, stored (the parser alone does not convert: DocumentReader does).
    [InlineData("mimetype", "application/vnd.oasis.opendocument.text", "OpenDocument 文本（.odt），需先转换为 DOCX：请安装 LibreOffice")]
    [InlineData("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>", "OFD 版式文档，暂不支持，请转换为 PDF")]
    public void OpenDocument_and_OFD_say_what_they_are_and_what_to_do(string entry, string content, string rejection)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var first = zip.CreateEntry(entry, CompressionLevel.NoCompression).Open()) first.Write(Encoding.UTF8.GetBytes(content));
            using var body = zip.CreateEntry(entry == "mimetype" ? "content.xml" : "Doc_0/Document.xml").Open();
            body.Write("<x/>"u8);
        }

        Parse(buffer.ToArray()).Rejection.ShouldNotBeNull().ShouldStartWith(rejection);
    }

    [Fact]
    public void Legacy_word_document_without_conversion_names_what_to_install()
    {
        var ole = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Parse(ole).Rejection.ShouldNotBeNull().ShouldContain("libreoffice");
    }

    [Fact]
    public void A_legacy_excel_workbook_is_refused_as_a_workbook_not_as_a_word_file_to_convert()
    {
        var parsed = Parse(LegacyWorkbook());
        parsed.Rejection.ShouldNotBeNull().ShouldStartWith("Excel 工作簿（XLS），不是报告文档");
    }

    /// <summary>An OLE2 file whose directory names a Workbook stream, as Excel 97-2003 writes one (the rest zeros).</summary>
    internal static byte[] LegacyWorkbook() =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1016], .. System.Text.Encoding.Unicode.GetBytes("Workbook"), .. new byte[1008]];

    internal static byte[] SmallDocx()
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("测试机关2023年政府信息公开工作年度报告"))),
                new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(new string('文', 4000))))));
        }

        return buffer.ToArray();
    }
}
