using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus.Tests;

/// <summary>What every layout must state: the same report, its six sections and tables, its values as expected.</summary>
public sealed class LayoutTests
{
    public static TheoryData<string> AllLayouts() => new(Layouts.All);

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Every_layout_renders_the_same_bytes_for_the_same_report(string layout)
    {
        foreach (var i in new[] { 0, 7, 23 })
        {
            var first = CorpusWriter.Render(ReportFactory.Create(4, i, 0.5), layout);
            var second = CorpusWriter.Render(ReportFactory.Create(4, i, 0.5), layout);
            first.ShouldBe(second, $"report {i}");
            first.ShouldNotBe(CorpusWriter.Render(ReportFactory.Create(5, i, 0.5), layout), $"report {i}, seeds 4 and 5");
        }
    }

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Every_layout_states_the_expected_values_in_its_tables(string layout)
    {
        foreach (var (g, x) in Rendered.Of(layout))
        {
            var because = $"report {g.Index} ({layout})";
            // Box-drawn, print-extracted, pandoc's, html2text's, plain pdftotext's, pdfplumber's, LaTeX and mammoth's tables have no plainer reading than the parser's: PortalTextLayoutTests reads them.
            if (layout is Layouts.TextBoxDraw or Layouts.TextBrowserPrint or Layouts.MarkdownPandoc or Layouts.TextPdfPlain or Layouts.MarkdownHtml2Text or Layouts.TextPdfplumber or Layouts.MarkdownMathpix or Layouts.TextDocxRaw) return;
            if (layout == Layouts.TextStream)
            {
                var marks = TextStreamRendition.WritesZerosAsMarks(CorpusWriter.LayoutSeed(g, layout)) && x.Source.Report == g.Report;
                Tables.StreamShouldState(Rendered.StreamText(x.Bytes), x, because, marks);
            }
            else Tables.ShouldState(Tables.Read(layout, x.Bytes), x, because, loose: layout == Layouts.Markdown,
                spanless: layout == Layouts.Markdown && MarkdownRenderer.IsSpanless(CorpusWriter.LayoutSeed(g, layout)),
                splitActive: layout == Layouts.Markdown && MarkdownRenderer.SplitsActive(CorpusWriter.LayoutSeed(g, layout), x.Quirks),
                labelsApart: layout == Layouts.Markdown && MarkdownRenderer.LabelsApart(CorpusWriter.LayoutSeed(g, layout)) is not null && !x.Quirks.PeopleNumbers,
                text: Encoding.UTF8.GetString(x.Bytes));
        }
    }

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Every_layout_has_the_title_six_sections_and_the_prose_of_section_one(string layout)
    {
        foreach (var (g, x) in Rendered.Of(layout))
        {
            var r = x.Source.Report;
            var text = Rendered.PageText(layout, x.Bytes);
            // A grid table wraps a cell over lines ("| [第二十条第（一  |" / "| ）项]{style…"); with its
            // bars gone the cell's text runs on, as its only nonblank cell of the row.
            var canon = Tables.Canon(layout == Layouts.MarkdownPandoc ? text.Replace("|", "", StringComparison.Ordinal) : text);
            var because = $"report {g.Index} ({layout})";
            // A title wrapped inside the agency's name (Quirks.TitleAgencyWrappedRate) holds it over two lines.
            if (x.Quirks.Title == TitleForm.AgencyWrapped) Regex.Replace(text, @"[\s#*]+", "").ShouldContain(r.Agency, Case.Sensitive, because);
            else text.ShouldContain(r.Agency, Case.Sensitive, because);
            canon.ShouldContain($"{r.Year}年", Case.Sensitive, because);
            // Each heading as this rendering prints it (one in ten has a misprint: Quirks.Headings).
            for (var n = 1; n <= 6; n++) text.ShouldContain(x.Quirks.Heading(n), Case.Sensitive, because);
            foreach (var article in new[] { "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项" })
            {
                canon.ShouldContain(Tables.Canon(article), Case.Sensitive, because);
            }

            var received = r.Applications.Total("new_received")!.Value;
            text.ShouldContain(received == 0 ? "未收到政府信息公开申请" : $"收到政府信息公开申请{received}件", Case.Sensitive, because);

            if (g.Items == ItemsStatement.Total)
            {
                var n = g.ItemsFigure;
                // " 2041 条", or "2041条" where an OCR tool set it as a formula ("$2 0 4 1$": Rendered.PlainText) or the
                // sentence sets it without spaces ("数量为2,799条", "共主动公开2041条政府信息").
                (Regex.IsMatch(text, $@"(?<![\d,]) ?{n} ?条") || Regex.IsMatch(text, $@"(?<![\d,]) ?{Regex.Escape(n.ToString("N0", CultureInfo.InvariantCulture))} ?条"))
                    .ShouldBeTrue($"{because}: the total {n} is stated");
            }
            else
            {
                text.ShouldNotContain($" {g.ItemsFigure} 条", Case.Sensitive, because);
            }

            var closing = new Regex($"{r.Year + 1}年\\d{{1,2}}月\\d{{1,2}}日");
            if (r.Published is { } date)
            {
                // The signature writes the date in Chinese numerals when the title does its year (Quirks.YearZero), in
                // figures as a portal's editor types it (Quirks.SignatureInFigures).
                text.ShouldContain(
                    x.Quirks.YearZero is { } zero ? ChineseNumerals.Date(date, zero)
                    : x.Quirks.SignatureInFigures ? (date.Day % 2 == 0 ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{date.Year}.{date.Month}.{date.Day}")
                    : $"{date.Year}年{date.Month}月{date.Day}日",
                    Case.Sensitive,
                    because);
            }
            else
            {
                closing.IsMatch(text).ShouldBeFalse($"{because}: no closing date");
            }
        }
    }

    [Fact]
    public void Text_tab_rows_are_tab_separated_lines_like_seeds_000_and_003()
    {
        var reports = Rendered.Of(Layouts.TextTab).Select(x => (x.Generated, x.Rendition, Text: Encoding.UTF8.GetString(x.Rendition.Bytes))).ToList();
        foreach (var (g, x, text) in reports)
        {
            var lines = text.Split('\n');
            var because = $"report {g.Index}";
            lines.Where(l => l.Contains('\t')).ShouldAllBe(l => l.EndsWith('\t'), because);
            var granted = lines.Single(l => Tables.Canon(l).Contains("(一)予以公开", StringComparison.Ordinal));
            Tables.Canon(granted).ShouldStartWith("三、本年度办理结果", Case.Sensitive, because);
            if (g.Report.Template == Template.Template2021 && x.Quirks.Labels.Count == 0 && x.Quirks.Collapsed is null)
            {
                Tables.Canon(lines.Single(l => Tables.Canon(l).Contains("(三)不予公开", StringComparison.Ordinal))).ShouldContain("1.属于国家秘密", Case.Sensitive, because);
                Tables.Canon(lines.Single(l => Tables.Canon(l).Contains("(六)其他处理", StringComparison.Ordinal))).ShouldContain("1.申请人无正当理由", Case.Sensitive, because);
            }
        }

        var all = string.Join("\n", reports.Select(r => r.Text));
        all.ShouldContain("\t-\t", Case.Sensitive, "a zero written as '-'");
        Regex.IsMatch(all, @"\t\d{1,3}(,\d{3})+\t").ShouldBeTrue("a count with thousands separators");
        Regex.IsMatch(all, @"\t[０-９]+\t").ShouldBeTrue("full-width digits");
        Regex.IsMatch(all, @"\n\d\. ?\S+\t").ShouldBeTrue("a row that lost its leading tabs (seed 003)");
        Regex.IsMatch(all, "第二十条第[（(][一五六八][）)]项\t\t\t").ShouldBeTrue("a merged cell padded with empty cells (seed 000)");
        all.ShouldContain("(三) 不予公开", Case.Sensitive, "ASCII brackets (seed 003)");
        reports.ShouldContain(r => r.Text.Split('\n').Any(l => l.StartsWith("（一）", StringComparison.Ordinal) && !l.EndsWith('。')), "a page break inside a paragraph of section 一 (seed 000)");
    }

    [Fact]
    public void Text_cell_puts_each_cell_on_its_own_line_like_seeds_001_002_and_004()
    {
        var reports = Rendered.In(Layouts.TextCell).Select(x => (x.Generated, Text: Encoding.UTF8.GetString(x.Bytes))).ToList();
        foreach (var (g, text) in reports)
        {
            text.Split('\n').Where(l => l.Contains('\t')).ShouldAllBe(l => l.StartsWith('\t') && l.IndexOf('\t', 1) < 0, $"report {g.Index}");
        }

        var all = string.Join("\n", reports.Select(r => r.Text));
        all.ShouldContain("\t 0\n", Case.Sensitive, "a zero with a leading space (seed 002)");
        Regex.IsMatch(all, "\t三、\n[^\t\n]+\n").ShouldBeTrue("a wrapped label (seed 001)");
        var extra = reports.Count(r => Tables.Read(Layouts.TextCell, Encoding.UTF8.GetBytes(r.Text))
            .Single(row => row.Any(c => c is not null && Tables.Canon(c) == "(一)予以公开")).Count(c => c is not null) == 10);
        extra.ShouldBeGreaterThan(0, "an extra merged column giving eight numbers (seed 001)");
    }

    [Fact]
    public void Text_layouts_never_leave_a_cell_blank()
    {
        foreach (var layout in new[] { Layouts.TextTab, Layouts.TextCell })
        {
            foreach (var (g, x) in Rendered.Of(layout))
            {
                var text = Encoding.UTF8.GetString(x.Bytes);
                // A value cell left blank would read as a missing value: every value of table 三 is there.
                Tables.ShouldState(Tables.Read(layout, x.Bytes), x, $"report {g.Index} ({layout})");
                text.ShouldNotContain("\t \t", Case.Sensitive);
                text.ShouldNotContain("\t \n", Case.Sensitive);
            }
        }
    }
}
