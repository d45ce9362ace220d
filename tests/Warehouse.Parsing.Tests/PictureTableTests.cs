using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Portals often publish a table as a picture (a screenshot of the Word table in an &lt;img&gt;). Its numbers
/// cannot be read, and the reason said so wrongly: "表三缺失或没有可识别的行", "表四没有数字表格". The report
/// now says the table is a picture, and names it, so that a supervisor knows to look at the image or ask for
/// a text table. Tried on the real portal page (pingtan 2024) with one of its tables replaced by a picture.
/// </summary>
public sealed class PictureTableTests
{
    private const string Name = "pingtan-2024-portal";

    private static string Page => File.ReadAllText(RealReports.File(Name));

    // The page with the <table> that holds the marker replaced by the picture.
    private static byte[] WithPicture(string marker, string picture)
    {
        var page = Page;
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        var start = page.LastIndexOf("<table", at, StringComparison.OrdinalIgnoreCase);
        var end = page.IndexOf("</table>", at, StringComparison.OrdinalIgnoreCase) + "</table>".Length;
        return Encoding.UTF8.GetBytes(page[..start] + picture + page[end..]);
    }

    [Fact]
    public void A_table_three_published_as_a_picture_is_refused_as_one_naming_it()
    {
        var reading = RealReports.Read(WithPicture("本列数据的勾稽关系", """<p style="text-align:center"><img src="/zwgk/202503/W020250310341.png?v=2" width="640"></p>"""), Name);

        reading.Parse.Rejection.ShouldNotBeNull();
        reading.Parse.Rejection.ShouldStartWith("是政府信息公开工作年度报告，但表三（三、收到和处理政府信息公开申请情况）以图片发布（W020250310341.png），不是文字表格");
    }

    [Fact]
    public void A_table_four_published_as_a_picture_says_so_and_the_rest_reads_as_before()
    {
        var reading = RealReports.Read(WithPicture("未经复议直接起诉", """<p><span><img src="/zwgk/202503/W020250310342.jpg"></span></p>"""), Name);

        var error = reading.Findings.Single(f => f.Severity == Severity.Error && f.Rule == "missing_cells" && f.Row == "review");
        error.Message.ShouldStartWith("表四「四、政府信息公开行政复议、行政诉讼情况」以图片发布（W020250310342.jpg），不是文字表格，其值未知。");
        var wrong = RealReports.WrongCells(RealReports.Expected(Name), reading);
        wrong.ShouldNotBeEmpty();
        wrong.ShouldAllBe(w => w.StartsWith("rl.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_two_published_as_a_picture_says_so_in_each_of_its_parts()
    {
        var page = Page;
        var two = page.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal);
        var three = page.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
        var start = page.IndexOf("<table", two, StringComparison.OrdinalIgnoreCase);
        var end = page.LastIndexOf("</table>", three, StringComparison.OrdinalIgnoreCase) + "</table>".Length;
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(page[..start] + """<img src="data:image/png;base64,iVBORw0KGgo=">""" + page[end..]), Name);

        var errors = reading.Findings.Where(f => f.Severity == Severity.Error && f.Rule == "missing_row").ToList();
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(f => f.Message.Contains("第二部分的表格以图片发布（图片），不是文字表格", StringComparison.Ordinal));
    }

    [Fact]
    public void A_picture_amid_a_sentence_leaves_the_sentence_whole_and_follows_it()
    {
        var page = Page.Replace("政府信息10407条", """政府信息<span><img src="/images/x.png"></span>10407条""", StringComparison.Ordinal);
        var (document, why) = ReportParser.ReadDocument(Encoding.UTF8.GetBytes(page), new ParseOptions());

        document.ShouldNotBeNull(why);
        var blocks = document.Blocks.ToList();
        var sentence = blocks.FindIndex(b => b is Documents.Paragraph p && p.Text.Contains("全年主动公开各类政府信息10407条", StringComparison.Ordinal));
        sentence.ShouldBeGreaterThan(0);
        blocks[sentence + 1].ShouldBe(new Documents.Picture("/images/x.png"));
    }

    [Fact]
    public void A_table_three_printed_as_a_picture_in_a_pdf_is_refused_as_one()
    {
        // Chromium's print of the page above with table 三 replaced by a screenshot of it (Fixtures/Generated/README.md).
        var result = ReportParser.Default.Parse(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), "chrome-print-table-three-picture.pdf")), new ParseOptions());

        result.Rejection.ShouldNotBeNull();
        result.Rejection.ShouldStartWith("是政府信息公开工作年度报告，但表三（三、收到和处理政府信息公开申请情况）以图片发布（图片），不是文字表格");
    }

    [Fact]
    public void An_icon_or_the_pages_own_pictures_are_no_table()
    {
        // The page's logos and footer icons, and a small icon beside table 三's heading, change nothing.
        var page = Page;
        Regex.Count(page, "<img", RegexOptions.IgnoreCase).ShouldBeGreaterThan(5);
        var withIcon = page.Replace("三、收到和处理政府信息公开申请情况", """三、收到和处理政府信息公开申请情况<img src="/images/print.gif" width="16" height="16">""", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(withIcon), Name);

        RealReports.WrongCells(RealReports.Expected(Name), reading).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Message.Contains("图片", StringComparison.Ordinal));
    }
}

/// <summary>The same in a Word document: a table pasted as a picture (w:drawing holding a:blip) in its section.</summary>
public sealed class DocxPictureTableTests
{
    private static readonly System.Xml.Linq.XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly System.Xml.Linq.XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    [Fact]
    public void A_word_report_of_pictures_of_its_pages_says_so()
    {
        // A stamped report scanned and pasted into Word page by page, under its typed title.
        var picture = "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"" + Wp.NamespaceName + "\"><wp:docPr id=\"1\" name=\"图片 1\"/><a:graphic xmlns:a=\"" + A.NamespaceName
            + "\"><a:graphicData><a:blip r:embed=\"rId9\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
        var docx = DocxPackages.Minimal("<w:p><w:r><w:t>泉州市丰泽区人民政府2023年政府信息公开工作年度报告</w:t></w:r></w:p>" + string.Concat(Enumerable.Repeat(picture, 4)));
        ReportParser.Default.Parse(docx, new ParseOptions()).Rejection.ShouldNotBeNull()
            .ShouldStartWith("是政府信息公开工作年度报告，但全文以图片发布（4 张图片），没有报告的文字，其中的数无法读取");
    }

    [Fact]
    public void A_table_four_pasted_as_a_picture_in_a_docx_says_so()
    {
        var docx = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Cases"), "docx-strict", "plain.docx"));
        var edited = DocxPackages.EditDocument(docx, doc =>
        {
            var w = DocxPackages.W;
            var table = doc.Descendants(w + "tbl").Single(t => t.Value.Contains("未经复议直接起诉", StringComparison.Ordinal));
            var drawing = new System.Xml.Linq.XElement(w + "drawing",
                new System.Xml.Linq.XElement(Wp + "inline",
                    new System.Xml.Linq.XElement(Wp + "docPr", new System.Xml.Linq.XAttribute("id", "1"), new System.Xml.Linq.XAttribute("name", "图片 1")),
                    new System.Xml.Linq.XElement(A + "graphic", new System.Xml.Linq.XElement(A + "graphicData",
                        new System.Xml.Linq.XElement(A + "blip", new System.Xml.Linq.XAttribute(DocxPackages.R + "embed", "rId99"))))));
            table.ReplaceWith(new System.Xml.Linq.XElement(w + "p", new System.Xml.Linq.XElement(w + "r", drawing)));
        });
        var before = ReportParser.Default.Parse(docx, new ParseOptions());
        var reading = ReportParser.Default.Parse(edited, new ParseOptions());

        reading.Report.ShouldNotBeNull(reading.Rejection);
        System.Text.Json.JsonSerializer.Serialize(reading.Report.Applications).ShouldBe(System.Text.Json.JsonSerializer.Serialize(before.Report!.Applications));
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "missing_cells"
                                            && f.Message.StartsWith("表四「四、政府信息公开行政复议、行政诉讼情况」以图片发布（图片），不是文字表格", StringComparison.Ordinal));
    }
}
