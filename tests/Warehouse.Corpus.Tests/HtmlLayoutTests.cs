using System.Text;
using AngleSharp.Html.Parser;
using Shouldly;

namespace Warehouse.Corpus.Tests;

public sealed class HtmlLayoutTests
{
    [Fact]
    public void Trs_page_is_utf8_with_the_article_inside_nested_layout_tables()
    {
        var pages = Rendered.In(Layouts.HtmlTrs).Select(x => (x.Generated, Html: Encoding.UTF8.GetString(x.Bytes))).ToList();
        foreach (var (g, html) in pages)
        {
            var because = $"report {g.Index}";
            html.ShouldContain("<meta charset=\"utf-8\">", Case.Sensitive, because);
            var doc = new HtmlParser().ParseDocument(html);
            doc.QuerySelector("table td table td div.article").ShouldNotBeNull(because);
            doc.QuerySelectorAll("div.article table[border]").Length.ShouldBe(3, because);
            doc.QuerySelectorAll("div.article td[rowspan]").ShouldNotBeEmpty(because);
            doc.QuerySelectorAll("div.article td[colspan]").ShouldNotBeEmpty(because);
            doc.QuerySelector("title")!.TextContent.ShouldContain(g.Report.Agency, Case.Sensitive, because);
        }

        var all = string.Join("\n", pages.Select(p => p.Html));
        all.ShouldContain("<br/>", Case.Sensitive, "a label split by <br>");
        all.ShouldContain("<span style=\"font-size:12px\">", Case.Sensitive, "a number inside a <span>");
        foreach (var zero in new[] { "valign=\"middle\"></td>", "valign=\"middle\">&nbsp;</td>", "valign=\"middle\">-</td>", "valign=\"middle\">/</td>" })
        {
            all.ShouldContain(zero, Case.Sensitive, "zero written as blank, &nbsp;, - and /");
        }
    }

    [Fact]
    public void Hanweb_page_is_gbk_with_paragraphs_in_its_cells_and_no_layout_table()
    {
        var pages = Rendered.In(Layouts.HtmlHanwebGbk).ToList();
        foreach (var (g, bytes) in pages)
        {
            var because = $"report {g.Index}";
            Should.Throw<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), because);
            var html = Tables.Gbk.GetString(bytes);
            html.ShouldContain("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", Case.Sensitive, because);
            html.ShouldContain(g.Report.Agency, Case.Sensitive, because);
            Tables.Gbk.GetBytes(html).ShouldBe(bytes, because);
            var doc = new HtmlParser().ParseDocument(html);
            doc.QuerySelector("div.article").ShouldNotBeNull(because);
            doc.QuerySelector("table table").ShouldBeNull(because);
            doc.QuerySelectorAll("div.article > div > table[style]").Length.ShouldBe(3, because);
            doc.QuerySelectorAll("td").ShouldAllBe(td => td.TextContent.Trim().Length == 0 || td.QuerySelector("p") != null, because);
            doc.QuerySelectorAll("div.article p").Length.ShouldBeGreaterThan(10, because);
        }

        pages.ShouldContain(p => new HtmlParser().ParseDocument(Tables.Gbk.GetString(p.Bytes)).QuerySelectorAll("td").Any(td => td.QuerySelectorAll("p").Length == 2),
            "a label split over two <p>");
    }
}
