using System.Text;
using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>Titles and signatures as portals write them.</summary>
public sealed class TitleAndDateTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));

    private static ParseResult WithTitle(string title, string ending = "") =>
        ReportParser.Default.Parse(Encoding.UTF8.GetBytes(Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", title, StringComparison.Ordinal) + ending), new ParseOptions());

    [Theory]
    [InlineData("赣县区商务局2023年度政府信息公开工作年度报告（全文）")]
    [InlineData("赣县区商务局关于2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局\n\n2023年政府信息公开工作年度报告")]
    [InlineData("首页 > 政务公开 > 年报\n赣县区商务局2023年政府信息公开工作年度报告\n发布时间：2024-01-20")]
    [InlineData("2023年赣县区商务局政府信息公开工作年度报告")]
    [InlineData("赣县区商务局关于2023年度政府信息公开工作的年度报告")]
    [InlineData("赣县区商务局政府信息公开工作年度报告（2023年）")]
    [InlineData("赣县区商务局 2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局　2023年度政府信息公开工作年度报告")]
    [InlineData("赣县区商务局2023年度政府信息公开工\n作年度报告")]
    [InlineData("当前位置： 首页政务公开政府信息公开政府信息公开年报 赣县区商务局2023年度政府信息公开工作年度报告 来源：赣县区人民政府 时间：2024-01-20 10:30 微信 微博")]
    [InlineData("标题: 赣县区商务局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-20 16:34")]
    [InlineData("２０２３年赣县区商务局政府信息公开工作年度报告")]
    // The year in Chinese numerals with its zero typed otherwise: a Latin O, the digit 0, full-width Ｏ.
    [InlineData("赣县区商务局二O二三年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局二0二三年度政府信息公开工作年度报告")]
    [InlineData("二o二三年赣县区商务局政府信息公开工作年度报告")]
    [InlineData("赣县区商务局政府信息公开工作年度报告（二Ｏ二三年）")]
    // The year in digits with its zero typed as a Latin O: the agency was read as "年政府".
    [InlineData("赣县区商务局2O23年政府信息公开工作年度报告")]
    [InlineData("2o23年度赣县区商务局政府信息公开工作年度报告")]
    // The report named in an office's own words; "政府信息和政务公开" gave the agency "年政府信息和".
    [InlineData("赣县区商务局2023年政府信息和政务公开工作年度报告")]
    [InlineData("赣县区商务局2023年政务公开和政府信息公开工作年度报告")]
    [InlineData("赣县区商务局2023年政府信息公开工作情况年度报告")]
    [InlineData("赣县区商务局2023年度政府信息公开工作报告")]
    // The year without its 年: the title named no agency, and the report was refused.
    [InlineData("赣县区商务局2023政府信息公开工作年度报告")]
    [InlineData("赣县区商务局 2023 政务公开工作年度报告")]
    [InlineData("赣县区商务局2023年政府信息公开年报")]
    [InlineData("赣县区商务局2023年政府信息主动公开工作年度报告")]
    // A title wrapped inside the agency's name, after its place name: alone, the second line named "商务局", of no region.
    [InlineData("赣县区\n商务局2023年政府信息公开工作年度报告")]
    [InlineData("赣县区\n\n商务局2023年度政府信息公开工作年度报告")]
    [InlineData("当前位置： 首页 > 政务公开 > 年报 赣县区 商务局2023年度政府信息公开工作年度报告 来源：赣县区人民政府 时间：2024-01-20")]
    // The year after the report's words ("政府信息公开工作2023年度报告"), the agency after 关于, or set off from the year
    // by brackets, a colon or a dash.
    [InlineData("赣县区商务局政府信息公开工作2023年度报告")]
    [InlineData("赣县区商务局政府信息公开2023年度报告")]
    [InlineData("关于赣县区商务局2023年政府信息公开工作情况的报告")]
    [InlineData("【赣县区商务局】2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局：2023年度政府信息公开工作年度报告")]
    [InlineData("赣县区商务局-2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局——2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局（2023年）政府信息公开工作年度报告")]
    [InlineData("赣县区商务局(2023年度)政府信息公开工作年度报告")]
    [InlineData("赣县区商务局【2023】政府信息公开工作年度报告")]
    [InlineData("赣县区商务局关于公布2023年政府信息公开工作年度报告的公告")]
    [InlineData("赣县区商务局关于发布2023年度政府信息公开工作年度报告的公告")]
    // A notice that issues the report, its title the report's: refused as a cited notice ("…的通知"), and the report with it.
    [InlineData("赣县区商务局关于印发2023年政府信息公开工作年度报告的通知")]
    [InlineData("赣县区人民政府办公室关于印发赣县区商务局2023年度政府信息公开工作年度报告的通知")]
    // pdftotext -layout of a title whose year is set in another font, on another baseline: the year on a line of its own,
    // under or over the gap it leaves in the title's line. The title read "…年政府信息公开工作年度报告" with no agency, and
    // the report was refused.
    [InlineData("     赣县区商务局                  年政府信息公开工作年度报告\n                                 2023")]
    [InlineData("                                 2023\n     赣县区商务局                  年政府信息公开工作年度报告")]
    [InlineData("     赣县区商务局                  年政府信息公开工作年度报告\n                                 2O23")]
    // The same with the year first (Chromium's print of a bold title, through pdftotext -layout): the year under the line's
    // start, "年上海市人民政府办公厅政府信息公开工作年度报告" over "2019"; the title began with 年 and named no agency.
    [InlineData("                            年赣县区商务局政府信息公开工作年度报告\n                         2023")]
    [InlineData("                         2023\n                            年度赣县区商务局政府信息公开工作年度报告")]
    // Plain pdftotext of the same print puts the year at the page's foot, far from its title: the title is read from 年 on,
    // its year left to the statistics period.
    [InlineData("年赣县区商务局政府信息公开工作年度报告")]
    [InlineData("年度赣县区商务局政府信息公开工作年度报告")]
    public void Agency_and_year_come_from_the_title(string title)
    {
        var report = WithTitle(title).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
    }

    [Theory]
    [InlineData("\n赣县区商务局\n2024年1月10日\n", "2024-01-10")]
    [InlineData("\n赣县区商务局\n二〇二四年一月十日\n", "2024-01-10")]
    [InlineData("\n赣县区商务局\n二〇二四年一月二十三日\n", "2024-01-23")]
    [InlineData("\n赣县区商务局\n二O二四年一月二十三日\n", "2024-01-23")]
    [InlineData("\n赣县区商务局\n二0二四年二月三日\n", "2024-02-03")]
    [InlineData("\n赣县区商务局 2024年2月3日\n", "2024-02-03")]
    [InlineData("\n如有疑问请于2024年1月10日前联系我们。\n", null)]
    // A date in figures, as a portal's editor types it, after the agency's name only.
    [InlineData("\n赣县区商务局\n2024-01-10\n", "2024-01-10")]
    [InlineData("\n赣县区商务局\n2024.1.10\n", "2024-01-10")]
    [InlineData("\n赣县区商务局 2024/1/10\n", "2024-01-10")]
    [InlineData("\n更新时间：2024-03-01\n", null)]
    [InlineData("\n网站标识码3607210001\n2024-03-01\n", null)]
    // A page dumped to text goes on past the signature with its footer.
    [InlineData("\n赣县区商务局\n2024年1月10日\n\n相关链接\n• 中国政府网\n• 江西省人民政府\n• 赣州市人民政府\n• 国务院部门网站\n• 省政府部门网站\n• 各市政府网站\n• 县区政府网站\n• 新华网\n• 人民网\n主办单位：赣县区人民政府办公室\n", "2024-01-10")]
    public void Publication_date_is_the_closing_date(string ending, string? date)
    {
        var report = WithTitle("赣县区商务局2023年政府信息公开工作年度报告", ending).Report.ShouldNotBeNull();
        (report.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(date);
    }

    [Fact]
    public void Agency_comes_from_the_signature_when_the_title_has_none()
    {
        var report = WithTitle("2023年政府信息公开工作年度报告", "\n赣县区商务局\n2024年1月10日\n").Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.RegionCode.ShouldBe("360704");
    }

    // mutool's text of a print that drew every glyph three times (as GDI makes bold) repeats each line: the line above
    // the signature's date was the date again, and the report's agency was "2024年1月10日".
    [Theory]
    [InlineData("\n赣县区商务局\n赣县区商务局\n赣县区商务局\n\n2024年1月10日\n2024年1月10日\n2024年1月10日\n")]
    [InlineData("\n赣县区商务局\n2024年1月10日\n2024年1月10日\n")]
    public void A_signature_whose_lines_are_printed_again_names_the_agency_not_the_date(string ending)
    {
        var report = WithTitle("2023年政府信息公开工作年度报告", ending).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Published.ShouldBe(new DateOnly(2024, 1, 10));
    }

    [Theory]
    [InlineData("根据《江西省人民政府办公厅关于做好2023年政府信息公开工作年度报告编制工作的通知》要求，编制本报告。")]
    [InlineData("根据《江西省人民政府办公厅关于公布2023年政府信息公开工作年度报告的通知》要求，编制本报告。")]
    [InlineData("根据《江西省人民政府办公厅关于发布2023年政府信息公开工作年度报告有关事项的通知》要求，编制本报告。")]
    [InlineData("根据江西省人民政府办公厅关于印发2023年政府信息公开工作年度报告的通知要求，编制本报告。")]
    [InlineData("《赣州市人民政府办公室关于印发2023年政府信息公开工作年度报告的通知》")]
    public void A_notice_cited_in_the_preamble_is_not_the_title(string preamble)
    {
        var text = Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", preamble, StringComparison.Ordinal) + "\n赣县区商务局\n2024年1月10日\n";
        var report = ReportParser.Default.Parse(Encoding.UTF8.GetBytes(text), new ParseOptions()).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
    }

    [Fact]
    public void Year_comes_from_the_statistics_period_when_the_title_has_none()
    {
        var report = WithTitle("赣县区商务局政府信息公开工作年度报告").Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
    }

    [Theory]
    [InlineData("统计期限自 2023 年 1 月\n1 日起至 2023 年 12 月 31 日止", 2023)]
    [InlineData("统计期限自\n2023 年 1 月 1 日起至 2023 年 12 月 31 日止", 2023)]
    // The start without its year, written so or lost past a page's edge (LibreOffice printing a wide
    // page): the end's year, 2022, not the signature's year before (2023).
    [InlineData("统计期限自 1 月 1 日起至 2022 年 12 月 31 日止", 2022)]
    [InlineData("统计期限为\n1月1 日至2022年 12 月 31日", 2022)]
    // "期限为2022年1" lost past the page's edge, as a reprint (pdftocairo) drops what lay beyond the paper.
    [InlineData("统计\n月1日至2022年12月31日", 2022)]
    public void Year_comes_from_a_statistics_period_broken_over_two_lines_or_without_its_starts_year(string period, int year)
    {
        // A text browser's dump (w3m) wraps prose at 72-80 columns, wherever the period falls.
        var text = Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", "赣县区商务局政府信息公开工作年度报告", StringComparison.Ordinal)
            .Replace("统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止", period, StringComparison.Ordinal);
        var report = ReportParser.Default.Parse(Encoding.UTF8.GetBytes(text), new ParseOptions()).Report.ShouldNotBeNull();
        report.Year.ShouldBe(year);
    }

    [Theory]
    [InlineData("来源")]
    [InlineData("信息来源")]
    [InlineData("发布机构")]
    [InlineData("来源单位")]
    [InlineData("发布部门")]
    [InlineData("发文单位")]
    [InlineData("公开主体")]
    [InlineData("供稿单位")]
    [InlineData("责任单位")]
    [InlineData("作者")]
    [InlineData("发布者")]
    public void Agency_comes_from_the_byline_when_title_and_signature_name_none(string word)
    {
        var report = WithTitle($"2023年政府信息公开工作年度报告\n发布时间：2024-01-20 {word}：赣县区商务局").Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
    }

    // 作者 and 发布者 name a person as often as an office: a person, or an office's part ("办公室"), is no agency, and the
    // byline's other words still give it.
    [Theory]
    [InlineData("作者：张明", null)]
    [InlineData("发布者：管理员", null)]
    [InlineData("作者：办公室", null)]
    [InlineData("作者：张明 来源：赣县区商务局", "赣县区商务局")]
    public void A_byline_author_is_the_agency_only_when_it_names_an_office(string byline, string? agency)
    {
        var parse = WithTitle($"2023年政府信息公开工作年度报告\n发布时间：2024-01-20 {byline}");
        parse.Report?.Agency.ShouldBe(agency);
        if (agency is null) parse.Rejection.ShouldNotBeNull();
    }

    [Fact]
    public void A_portal_page_gives_its_title_in_meta_and_title_only()
    {
        var body = string.Join("", Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", "", StringComparison.Ordinal)
            .Split('\n').Select(l => l.Contains('\t') ? "<table><tr><td>" + string.Join("</td><td>", l.Split('\t')) + "</td></tr></table>" : "<p>" + System.Net.WebUtility.HtmlEncode(l) + "</p>"));
        var html = "<html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"赣县区商务局2023年度政府信息公开工作年度报告\">" +
                   "<title>赣县区商务局2023年度政府信息公开工作年度报告_政府信息公开年报_赣县区人民政府</title></head><body><div class=\"nav\">首页 &gt; 政务公开</div>" + body + "</body></html>";
        var report = ReportParser.Default.Parse(Encoding.UTF8.GetBytes(html), new ParseOptions()).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
    }

    [Fact]
    public void Markdown_whose_tables_are_html_keeps_its_line_breaks_for_the_title_and_signature()
    {
        // As MinerU writes a report: text with no markup, each table one line of bare HTML, the seal an image.
        var body = string.Join("\n\n", Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", "# 赣县区商务局\n# 2023年政府信息公开工作年度报告", StringComparison.Ordinal)
            .Split('\n').Select(l => l.Contains('\t') ? "<table><tr><td>" + string.Join("</td><td>", l.Split('\t')) + "</td></tr></table>" : l));
        var bytes = Encoding.UTF8.GetBytes(body + "\n\n赣县区商务局\n\n![](images/0f3a9c.jpg)\n\n2024年1月12日\n");
        DocumentSniffer.Sniff(bytes).ShouldBe(DocumentKind.Text);
        var report = ReportParser.Default.Parse(bytes, new ParseOptions()).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
        report.Published.ShouldBe(new DateOnly(2024, 1, 12));

        // Tags in any case, as HTML allows them: the same tables read.
        var mixed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<table>", "<Table>", StringComparison.Ordinal).Replace("</table>", "</TABLE>", StringComparison.Ordinal));
        DocumentSniffer.Sniff(mixed).ShouldBe(DocumentKind.Text);
        var again = ReportParser.Default.Parse(mixed, new ParseOptions()).Report.ShouldNotBeNull();
        Warehouse.Core.ReportJson.Serialize(again, []).ShouldBe(Warehouse.Core.ReportJson.Serialize(report, []));

        // MinerU's pipeline wraps each table as a page of its own ("<html><body><table>…</table></body></html>"),
        // and its formula detection sets numbers as formulas ("# $2 0 2 3$ 年…", "$2 0 2 4$ 年1月 $1 2$ 日"). Before,
        // the wrapper made the file a web page: its lines ran together, and the title and the date were lost.
        // Section 一 kept short, so that a wrapped table stands in the first 2 KB, where a page's markup is looked for.
        var shortened = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(bytes), @"\n[345]\. [^\n]*\n", "\n");
        var wrapped = Encoding.UTF8.GetBytes(shortened
            .Replace("<table>", "<html><body><table>", StringComparison.Ordinal).Replace("</table>", "</table></body></html>", StringComparison.Ordinal)
            .Replace("# 2023年", "# $2 0 2 3$ 年", StringComparison.Ordinal).Replace("2024年1月12日", "$2 0 2 4$ 年1月 $1 2$ 日", StringComparison.Ordinal));
        wrapped.AsSpan().IndexOf("<html><body><table>"u8).ShouldBeInRange(0, 2000);
        DocumentSniffer.Sniff(wrapped).ShouldBe(DocumentKind.Text);
        var unwrapped = ReportParser.Default.Parse(wrapped, new ParseOptions()).Report.ShouldNotBeNull();
        Warehouse.Core.ReportJson.Serialize(unwrapped, []).ShouldBe(Warehouse.Core.ReportJson.Serialize(ReportParser.Default.Parse(Encoding.UTF8.GetBytes(shortened), new ParseOptions()).Report!, []));
        unwrapped.Year.ShouldBe(2023);
        unwrapped.Published.ShouldBe(new DateOnly(2024, 1, 12));

        // A page is HTML even when its text comes first: a crawler's fragment with paragraphs.
        DocumentSniffer.Sniff(Encoding.UTF8.GetBytes("赣县区商务局2023年政府信息公开工作年度报告\n<p>一、总体情况</p>\n<table><tr><td>1</td></tr></table>")).ShouldBe(DocumentKind.Html);
        DocumentSniffer.Sniff(Encoding.UTF8.GetBytes("<div>赣县区商务局</div>\n<table><tr><td>1</td></tr></table>")).ShouldBe(DocumentKind.Html);
    }

    [Fact]
    public void A_signature_run_on_after_the_last_sentence_is_the_closing_date()
    {
        var report = WithTitle("赣县区商务局2023年政府信息公开工作年度报告", "本机关未收取信息处理费。赣县区商务局2024年1月12日").Report.ShouldNotBeNull();
        report.Published.ShouldBe(new DateOnly(2024, 1, 12));
    }
}

/// <summary>The portal's title (<see cref="ParseOptions.PortalTitle"/>): read only when the document names no report itself.</summary>
public sealed class PortalTitleTests
{
    private const string Title = "平潭综合实验区2024年度政府信息公开工作年度报告";

    private static string Pingtan => File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-portal.html"));

    private static ParseResult Parse(string html, string? portalTitle) =>
        ReportParser.Default.Parse(Encoding.UTF8.GetBytes(html), new ParseOptions("pingtan.html", "text/html", PortalTitle: portalTitle));

    [Fact]
    public void The_real_pingtan_page_titled_only_in_its_head_title_is_read_with_its_agency_and_year()
    {
        var headOnly = Pingtan.Replace($"<meta name=\"ArticleTitle\" content=\"{Title}\"/>", "", StringComparison.Ordinal)
            .Replace($"\n                          {Title}\n", "\n", StringComparison.Ordinal);
        headOnly.Split(Title).Length.ShouldBe(2, "only <title> names the report");

        var report = Parse(headOnly, null).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("平潭综合实验区");
        report.Year.ShouldBe(2024);
    }

    [Fact]
    public void A_page_whose_body_and_head_name_no_report_is_read_by_the_portal_title_not_by_its_signing_office()
    {
        // The title is in the ArticleTitle meta, the <title> and a div above the text: all taken out.
        var untitled = Pingtan.Replace(Title, "", StringComparison.Ordinal);
        untitled.ShouldNotContain(Title);

        Parse(untitled, null).Report.ShouldNotBeNull().Agency.ShouldBe("平潭综合实验区管委会办公室", "without a title, the office that signs the page is taken for the agency");
        var report = Parse(untitled, Title).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("平潭综合实验区");
        report.Year.ShouldBe(2024);
    }

    [Fact]
    public void The_document_s_own_title_comes_before_the_portal_s()
    {
        var report = Parse(Pingtan, "某县2019年政府信息公开工作年度报告").Report.ShouldNotBeNull();
        report.Agency.ShouldBe("平潭综合实验区");
        report.Year.ShouldBe(2024);
    }
}
