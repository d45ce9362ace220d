using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>Portal pages in GBK and UTF-8, with the charset declared, missing, or wrong.</summary>
public sealed class HtmlEncodingTests
{
    private static readonly Encoding Gbk = CodePagesGbk();

    private static Encoding CodePagesGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private static (GeneratedReport Generated, string Html) Page(string layout, int index)
    {
        var generated = ReportFactory.Create(11, index, 0);
        var bytes = CorpusWriter.Render(generated, layout);
        return (generated, layout == Layouts.HtmlHanwebGbk ? Gbk.GetString(bytes) : Encoding.UTF8.GetString(bytes));
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

    [Fact]
    public void Gbk_page_declaring_gb2312_is_read()
    {
        var (generated, html) = Page(Layouts.HtmlHanwebGbk, 1);
        ShouldReadAs(generated, Gbk.GetBytes(html));
    }

    [Fact]
    public void Gbk_page_without_a_charset_is_detected()
    {
        var (generated, html) = Page(Layouts.HtmlHanwebGbk, 2);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("; charset=gb2312", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gbk_page_that_claims_utf8_is_detected()
    {
        var (generated, html) = Page(Layouts.HtmlHanwebGbk, 3);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("charset=gb2312", "charset=utf-8", StringComparison.Ordinal)));
    }

    [Fact]
    public void Utf8_page_that_claims_gb2312_is_read_as_utf8()
    {
        var (generated, html) = Page(Layouts.HtmlTrs, 4);
        ShouldReadAs(generated, Encoding.UTF8.GetBytes(html.Replace("<meta charset=\"utf-8\">", "<meta charset=\"gb2312\">", StringComparison.Ordinal)));
    }

    [Fact]
    public void Http_charset_is_used_when_the_page_declares_none()
    {
        var (generated, html) = Page(Layouts.HtmlHanwebGbk, 5);
        ShouldReadAs(generated, Gbk.GetBytes(html.Replace("; charset=gb2312", "", StringComparison.Ordinal)), "text/html; charset=GBK");
    }

    [Fact]
    public void Gb18030_text_is_read()
    {
        var (generated, _) = Page(Layouts.HtmlTrs, 6);
        var text = Encoding.UTF8.GetString(CorpusWriter.Render(generated, Layouts.TextTab));
        ShouldReadAs(generated, Encoding.GetEncoding("GB18030").GetBytes(text));
    }
}
