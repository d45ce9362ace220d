using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Corpus.Tests;

/// <summary>The layouts added for what real reports show: crawler text, markdown, pdftotext's text, Word documents as offices edit them.</summary>
public sealed class NewLayoutTests
{
    private static readonly IReadOnlyList<(GeneratedReport Generated, Rendition Rendition)> Streams = Rendered.Of(Layouts.TextStream, 300).ToList();

    // A row of table 三 padded at its end by a converter: the cells after its label, the padding last. The parser cannot place
    // the cells of a row that adds up in none of its sevens when the sevens differ and neither a single adding seven nor a
    // single one leaving out empty cells alone tells which: the expectation then states those cells null.
    [Theory]
    [InlineData(new[] { "", "/", "-", "7", "", "0", "0", "" }, new[] { 0, 0, 0, 7, 0, 0, 0, 0 }, new[] { 2, 3 })]
    // The same row whose first cell is a typed 0: only the seven that leaves out the padding leaves out empty cells alone.
    [InlineData(new[] { "0", "/", "-", "7", "", "0", "0", "" }, new[] { 0, 0, 0, 7, 0, 0, 0, 0 }, null)]
    // A row that adds up in one seven is that seven.
    [InlineData(new[] { "", "/", "-", "7", "", "0", "7", "" }, new[] { 0, 0, 0, 7, 0, 0, 7, 0 }, null)]
    // Seven cells: nothing to place.
    [InlineData(new[] { "", "/", "-", "7", "", "0", "0" }, new[] { 0, 0, 0, 7, 0, 0, 0 }, null)]
    public void A_padded_row_that_adds_up_in_no_seven_leaves_the_cells_its_sevens_differ_on_in_doubt(string[] texts, int[] values, int[]? inDoubt)
    {
        var data = texts.Zip(values, (t, v) => (t, (decimal)v)).ToList();
        Rendering.MarkdownRenderer.PaddedInDoubt(data).ShouldBe(inDoubt);
    }

    [Fact]
    public void Some_crawler_texts_are_saved_decoded_twice()
    {
        // Read as ISO-8859-1 and written as UTF-8: "æ¿åº" for 政府, no Chinese character left.
        var twice = Streams.Count(x => !Encoding.UTF8.GetString(x.Rendition.Bytes).Contains("政府", StringComparison.Ordinal));
        twice.ShouldBeInRange((int)(Streams.Count * TextStreamRendition.TwiceDecodedRate / 2), (int)(Streams.Count * TextStreamRendition.TwiceDecodedRate * 2));
        Streams.Where(x => !Encoding.UTF8.GetString(x.Rendition.Bytes).Contains("政府", StringComparison.Ordinal))
            .ShouldAllBe(x => Encoding.UTF8.GetString(x.Rendition.Bytes).Contains('æ') && Rendered.StreamText(x.Rendition.Bytes).Contains("政府", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_stream_puts_the_body_on_one_line_with_every_table_run_together()
    {
        var texts = Streams.Select(x => (x.Generated, Text: Rendered.StreamText(x.Rendition.Bytes), x.Rendition.Quirks)).ToList();
        foreach (var (g, text, quirks) in texts)
        {
            var lines = text.TrimEnd('\n').Split('\n');
            var body = lines[^1];
            lines.Length.ShouldBeOneOf(1, 10);
            for (var n = 1; n <= 6; n++) body.ShouldContain(quirks.Heading(n), Case.Sensitive, $"report {g.Index}");

            // Fifteen digits, or fewer with zeros written as marks or left blank (the text of a page whose cells hold bare text): a
            // blank first cell leaves the space drawn before it, and the next cell's.
            Regex.IsMatch(body, @"尚未审结总计 *\d[\d /-]{2,}").ShouldBeTrue($"report {g.Index}: table 四 as one run of digits");
            Regex.IsMatch(body, @"(来源|发布机构|信息来源|来源单位|发布部门|公开主体|供稿单位|责任单位|作者)：").ShouldBeTrue($"report {g.Index}: a byline");
        }

        var all = string.Join("\n", texts.Select(t => t.Text));
        Share(texts, t => t.Text.StartsWith("标题: ", StringComparison.Ordinal)).ShouldBe(0.6, 0.1, "the crawler's header lines");
        all.ShouldContain("==================== 正文 ====================");
        Regex.IsMatch(all, @"一、本年新收政府信息公开申请数量\d{7,}").ShouldBeTrue("a row's cells run together");
        Regex.IsMatch(all, @"\d{2,} \d+(（|[一二三四]、|\d\.)").ShouldBeTrue("a stray space at a true cell boundary");
        Regex.IsMatch(all, @"\d{7}2\.其他法律行政法规禁止公开").ShouldBeTrue("the next row's numbering glued to the digits");
        Regex.IsMatch(all, @"行政规范性文件\d{3,}第二十条").ShouldBeTrue("table 二's cells run together");
        Regex.IsMatch(all, @"行政事业性收费\d+\.\d+三、收到").ShouldBeTrue("a fee with decimals glued to the next heading");
    }

    [Fact]
    public void A_quarter_of_crawler_texts_part_their_paragraphs_by_tabs()
    {
        // A DOM's textContent keeps the page's indentation: a tab before each heading and paragraph, none inside a table.
        var texts = Streams.Select(x => (Text: Rendered.StreamText(x.Rendition.Bytes), x.Rendition.Quirks)).ToList();
        var tabbed = texts.Where(t => Regex.IsMatch(t.Text, "\t ?" + Regex.Escape(t.Quirks.Heading(1)))).ToList();
        Share(texts, t => tabbed.Contains(t)).ShouldBe(0.25, 0.08);
        tabbed.ShouldAllBe(t => !Regex.IsMatch(t.Text, @"\d\t\d"));
        texts.Except(tabbed).ShouldAllBe(t => !t.Text.Contains('\t', StringComparison.Ordinal));
    }

    [Fact]
    public void A_quarter_of_crawler_texts_write_zeros_as_marks_or_leave_them_blank()
    {
        // html-to-text's text of a page whose cells hold bare text: "13415160/-291", a blank leaving nothing.
        var marked = Streams.Where(x => Regex.IsMatch(TableThree(Rendered.StreamText(x.Rendition.Bytes)), @"\d[-/]|[-/]\d")).ToList();
        Share(Streams, x => marked.Contains(x)).ShouldBe(TextStreamRendition.VanishingRate * (1 - TextStreamRendition.ConstructedRate), 0.08);
        // A row's first cell is never a mark glued to its label, nor a 总计 a dash before the next row's number.
        marked.ShouldAllBe(x => !Regex.IsMatch(Rendered.StreamText(x.Rendition.Bytes), @"[一-鿿）][-/]\d"));
        marked.ShouldAllBe(x => !Regex.IsMatch(TableThree(Rendered.StreamText(x.Rendition.Bytes)), @"\d-\d\.[一-鿿]"));
        // Some of them leave cells open that a blank makes two readings of.
        marked.Count(x => x.Rendition.Expected.Ambiguous.Any(p => p.StartsWith("applications.", StringComparison.Ordinal))).ShouldBeGreaterThan(0);
    }

    private static string TableThree(string text)
    {
        var start = text.IndexOf("一、本年新收", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("结果维持", start + 1, StringComparison.Ordinal);
        return start < 0 || end < 0 ? "" : text[start..end];
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> which) => items.Count(which) / (double)items.Count;

    [Fact]
    public void Text_stream_expects_what_the_arithmetic_decides_and_nothing_else()
    {
        foreach (var (g, x) in Streams.Where(s => s.Generated.Injected.Count == 0))
        {
            var because = $"report {g.Index}";
            var truth = x.Source.Report;
            var ambiguous = x.Expected.Ambiguous.ToHashSet();
            foreach (var (category, cells) in x.Expected.Applications.Rows)
            {
                for (var c = 0; c < ApplicantTypes.Count; c++)
                {
                    if (cells[c] is { } v) v.ShouldBe(truth.Applications[category.Code, c]!.Value, because);
                    else if (x.Expected.Applications.Group(category.Group) is null) ambiguous.ShouldContain($"applications.{category.Code}.{c}", because);
                }
            }

            // A consistent report breaks no rule: its only errors say which cells the digits leave open.
            x.Findings.ShouldAllBe(f => f.Rule == "cells_ambiguous", because);
            x.Findings.Where(f => f.Row != null && DisposalCategories.IsKnown(f.Row)).Select(f => f.Row)
                .ShouldBe(ambiguous.Where(p => p.StartsWith("applications.", StringComparison.Ordinal)).Select(p => p.Split('.')[1]).Distinct(), ignoreOrder: true, because);
        }

        // Ambiguity also comes by chance, beyond the reports built for it.
        Streams.Count(s => s.Rendition.Source.Report == s.Generated.Report && s.Rendition.Expected.Ambiguous.Any(p => p.StartsWith("applications.", StringComparison.Ordinal))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_report_built_to_be_ambiguous_lists_exactly_the_cells_built()
    {
        var built = Streams.Where(s => s.Rendition.Source.Report != s.Generated.Report).ToList();
        Share(Streams.Where(s => s.Generated.Injected.Count == 0).ToList(), s => s.Rendition.Source.Report != s.Generated.Report)
            .ShouldBe(TextStreamRendition.ConstructedRate, 0.06);
        built.Count(s => s.Rendition.Source.Report.ReviewLitigation.Flatten().Any(v => v != 0)).ShouldBeGreaterThan(0, "table 四 built ambiguous too");
        foreach (var (g, x) in built)
        {
            var r = x.Source.Report;
            var because = $"report {g.Index}";
            var column = Enumerable.Range(0, ApplicantTypes.TotalIndex).Single(c => r.Applications["new_received", c] != 0);
            var rows = r.Applications.Rows.Where(row => row.Cells.Any(v => v != 0)).Select(row => row.Category.Code).ToList();
            rows.Count.ShouldBe(3, because);
            var cells = rows.SelectMany(code => new[] { $"applications.{code}.{column}", $"applications.{code}.{column + 1}" }).ToList();
            var findings = rows.Select(code => ("cells_ambiguous", (string?)code, (string?)ApplicantTypes.CodeAt(column))).ToList();
            var review = r.ReviewLitigation.Flatten().ToList();
            var k = review.FindIndex(v => v != 0);
            if (k >= 0)
            {
                cells.Add($"review_litigation.{ReviewLitigation.Proceedings[k / 5]}.{k % 5}");
                cells.Add($"review_litigation.{ReviewLitigation.Proceedings[k / 5]}.{(k % 5) + 1}");
                findings.Add(("cells_ambiguous", ReviewLitigation.Proceedings[k / 5], ReviewLitigation.Outcomes[k % 5]));
            }

            x.Expected.Ambiguous.ShouldBe(cells, ignoreOrder: true, because);
            x.Findings.Select(f => (f.Rule, f.Row, f.Column)).ShouldBe(findings, ignoreOrder: true, because);
            foreach (var code in rows)
            {
                x.Expected.Applications.Row(code)!.Where((_, c) => c != column && c != column + 1).ShouldBe(r.Applications.Row(code)!.Where((_, c) => c != column && c != column + 1), because);
            }
        }
    }

    [Fact]
    public void Text_stream_reports_made_inconsistent_expect_the_breaks_of_what_is_stated()
    {
        var broken = Streams.Where(s => s.Generated.Injected.Count > 0).ToList();
        broken.ShouldNotBeEmpty();
        foreach (var (g, x) in broken)
        {
            var breaks = Arithmetic.Named(Expectation.Breaks(x.Expected));
            Arithmetic.Named(x.Findings).Where(b => b.Rule is "balance" or "total_row" or "total_column" or "review_total").ShouldBe(breaks, ignoreOrder: true, $"report {g.Index}");
        }

        // A row whose digits no longer add up cannot be read at all.
        broken.SelectMany(s => s.Rendition.Findings).ShouldContain(f => f.Rule == "missing_cells");
    }

    [Fact]
    public void Markdown_writes_headings_pipe_tables_and_the_converters_habits()
    {
        var docs = Rendered.Of(Layouts.Markdown, 120).Select(x => (x.Generated, x.Rendition, Text: Encoding.UTF8.GetString(x.Rendition.Bytes))).ToList();
        foreach (var (g, _, text) in docs)
        {
            text.ShouldStartWith("# ", Case.Sensitive, $"report {g.Index}");
            // A crawler's pipe text (MarkdownRenderer.WithCrawlerPipes) has no rule ("|---|", or measured: "| ---- | -- |  |"),
            // and a row's first pipe only before an empty cell.
            if (!HasRule(text)) text.ShouldNotContain("\n| 规章", Case.Sensitive, $"report {g.Index}");
            if (!HasRule(text)) text.ShouldContain("\n规章 | ", Case.Sensitive, $"report {g.Index}");
        }

        docs.Count(d => !HasRule(d.Text)).ShouldBeInRange(10, 45, "one in five tables as a crawler's pipe text");

        var all = string.Join("\n", docs.Select(d => d.Text));
        all.ShouldContain("## 一、总体情况", Case.Sensitive, "# headings");
        all.ShouldContain("**一、总体情况**", Case.Sensitive, "bold headings");
        all.ShouldContain("| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |", Case.Sensitive, "generic headers");
        all.ShouldContain("| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", Case.Sensitive, "the applicant types as headers");
        all.ShouldContain("**（七）总计**", Case.Sensitive, "bold markers in a table");
        docs.ShouldContain(d => Regex.Count(d.Text, @"\| 自然人 \| 商业企业 \|") >= 2, "a header row repeated inside table 三");
        docs.ShouldContain(d => Regex.Count(d.Text, @"\|---") >= 9, "table 三 as one small table per group of rows");
        docs.ShouldContain(d => Regex.IsMatch(d.Text, @"\| \d+件 \|"), "units in cells");
        docs.ShouldContain(d => Regex.IsMatch(d.Text, @"\| 无 \|"), "无 for zero");
        docs.ShouldContain(d => Regex.IsMatch(d.Text, @"\| (\d+\.\d\d万元|\d+元) \|"), "a fee with its unit");
    }

    [Fact]
    public void Markdown_writes_table_three_as_a_pdf_converter_does_in_some_documents_its_wrapped_labels_apart()
    {
        var docs = Rendered.Of(Layouts.Markdown, 120)
            .Where(x => Rendering.MarkdownRenderer.LabelsApart(CorpusWriter.LayoutSeed(x.Generated, Layouts.Markdown)) is not null && !x.Rendition.Quirks.PeopleNumbers)
            .Select(x => (x.Generated, Text: Encoding.UTF8.GetString(x.Rendition.Bytes))).ToList();
        docs.Count.ShouldBeInRange(8, 32, "about one in seven documents");
        foreach (var (g, text) in docs)
        {
            var three = text[text.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal)..text.IndexOf("四、政府信息公开行政复议", StringComparison.Ordinal)];
            // Rows of numbers alone, the labels that wrapped in their cells apart as short lines of text, every zero typed.
            Regex.IsMatch(three, @"(?m)^\| [^|\p{IsCJKUnifiedIdeographs}]+ \|").ShouldBeTrue($"report {g.Index}: a row of numbers alone");
            Regex.IsMatch(three, @"(?m)^[^|\n]{1,12}$").ShouldBeTrue($"report {g.Index}: a label's pieces as lines of text");
            three.ShouldNotContain("|  |  |", Case.Sensitive, $"report {g.Index}: no zero left blank");
            three.ShouldContain("| （七）总计 |", Case.Sensitive, $"report {g.Index}: a short label stays in its row");
        }
    }

    private static bool HasRule(string markdown) => Regex.IsMatch(markdown, @"(?m)^\|[-:| ]*--[-:| ]*$");

    [Fact]
    public void Docx_edited_holds_a_frame_prompts_or_a_tracked_move_and_shows_the_expected_values()
    {
        int frames = 0, prompts = 0, moves = 0;
        foreach (var (g, x) in Rendered.Of(Layouts.DocxEdited, 60))
        {
            var because = $"report {g.Index}";
            using var stream = new MemoryStream(x.Bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart!.Document.Body!;
            var frame = body.Elements<Table>().Count() == 1 && body.Elements<Table>().Single().Descendants<Table>().Count() >= 3;
            var prompt = body.Descendants<SdtBlock>().Any(s => s.SdtProperties!.GetFirstChild<ShowingPlaceholder>() != null && s.InnerText == DocxRendererPrompt);
            var move = body.Descendants<MoveFromRun>().Any() && body.Descendants<MoveToRun>().Any(m => m.Descendants<DeletedRun>().Any() && m.Descendants<InsertedRun>().Any());
            (frame || prompt || move).ShouldBeTrue(because);
            frames += frame ? 1 : 0;
            prompts += prompt ? 1 : 0;
            moves += move ? 1 : 0;
            if (move)
            {
                // The moved-from copy holds a stale number; Word shows the moved-to copy, which the expectation holds.
                var stale = body.Descendants<TableRow>().Single(r => r.TableRowProperties?.GetFirstChild<Deleted>() != null);
                var shown = body.Descendants<TableRow>().Single(r => r.TableRowProperties?.GetFirstChild<Inserted>() != null);
                string.Concat(stale.Descendants<Text>().Select(t => t.Text)).ShouldNotBe(string.Concat(shown.Descendants<Text>().Select(t => t.Text)), because);
            }
        }

        frames.ShouldBeGreaterThan(0);
        prompts.ShouldBeGreaterThan(0);
        moves.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Text_boxdraw_draws_tables_with_box_characters_and_wraps_labels_in_their_cells()
    {
        var all = Rendered.Of(Layouts.TextBoxDraw, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        // A quarter dumped without line graphics (w3m -dump -no-graph): the same drawing in ASCII, character for character.
        var ascii = all.Where(t => !t.Contains('┼')).ToList();
        ascii.Count.ShouldBeInRange(12, 40, "a quarter of the pages ruled in ASCII");
        foreach (var t in ascii)
        {
            t.AsSpan().IndexOfAnyInRange('\u2500', '\u257F').ShouldBeLessThan(0);
            Regex.IsMatch(t, @"\n\+-+\+\n").ShouldBeTrue("the tables' corners");
            Regex.IsMatch(t, @"\n\|-+\+[-+]*\|\n").ShouldBeTrue("a rule between rows, from wall to wall, crossing the columns");
        }

        ascii.ShouldContain(t => Regex.IsMatch(t, @"\n\|[^|\d]+\|[^\n]*\n\|[^|\d]+\| *\|"), "a label wrapped over two lines of its cell");
        var texts = all.Except(ascii).ToList();
        texts.ShouldAllBe(t => t.Contains('┌') && t.Contains('┼') && t.Contains('┘'));
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n│[^│\d]+│[^\n]*\n│[^│\d]+│ *│"), "a label wrapped over two lines of its cell");
        all.ShouldContain(t => t.Contains("[site_logo]", StringComparison.Ordinal), "the portal's navigation above");
        // The site's footer below, far more lines past the signature than its own few (real pingtan-2024-w3m.txt).
        var footers = all.Count(t => t.Contains("网站标识码：", StringComparison.Ordinal));
        footers.ShouldBeInRange(15, 45, "the site's footer below, on half the pages with navigation");
        foreach (var t in all.Where(t => t.Contains("网站标识码：", StringComparison.Ordinal))) t[t.LastIndexOf("关闭", StringComparison.Ordinal)..].Split('\n').Length.ShouldBeGreaterThan(20);
        texts.Select(t => Regex.Match(t, @"\n(┌[─┬]+┐)\n").Value.Length).Distinct().Count().ShouldBeGreaterThan(3, "column widths vary");
    }

    /// <summary>
    /// markdown-html2text is a port of Python's html2text: on the portal pages the generator draws it must write what the
    /// tool itself writes, byte for byte (<c>html2markdown.py3</c> of Debian's python3-html2text, which tests/run installs).
    /// </summary>
    [Fact]
    public void Markdown_html2text_writes_what_html2text_writes_from_the_same_page()
    {
        var temp = Directory.CreateTempSubdirectory("html2text-");
        try
        {
            var pages = Rendered.Of(Layouts.HtmlTrs, 20).Select(x => (x.Rendition.Bytes, Gbk: false))
                .Concat(Rendered.Of(Layouts.HtmlHanwebGbk, 20).Select(x => (x.Rendition.Bytes, Gbk: true)));
            var differ = new List<string>();
            var k = 0;
            foreach (var (bytes, gbk) in pages)
            {
                // A page saved as UTF-16 or as a web archive (Utf16Saving, WebArchiveSaving) is not html2text's to read.
                if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 40)).Contains("MIME", StringComparison.Ordinal)) continue;
                var file = Path.Combine(temp.FullName, $"{k++:D3}.html");
                File.WriteAllBytes(file, bytes);
                var html = (gbk ? Tables.Gbk : Encoding.UTF8).GetString(bytes);
                var start = new System.Diagnostics.ProcessStartInfo("html2markdown.py3") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
                foreach (var a in new[] { file, gbk ? "gbk" : "utf-8" }) start.ArgumentList.Add(a);
                using var tool = System.Diagnostics.Process.Start(start)!;
                var written = tool.StandardOutput.ReadToEnd();
                tool.WaitForExit();
                tool.ExitCode.ShouldBe(0, file);
                if (Rendering.Html2TextRenderer.Convert(html) != written) differ.Add(file);
            }

            k.ShouldBeGreaterThan(30);
            differ.ShouldBeEmpty();
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void Text_browser_print_ends_every_page_with_the_print_header_and_footer_and_a_form_feed_or_is_weasyprint_s_that_cuts_a_row()
    {
        var texts = Rendered.Of(Layouts.TextBrowserPrint, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        var (weasyPrint, cut) = (0, 0);
        foreach (var t in texts)
        {
            var pages = t.Split('\f', StringSplitOptions.RemoveEmptyEntries);
            pages.Length.ShouldBeGreaterThan(2);
            if (!Regex.IsMatch(pages[0], @"\n\S+ \S*1/\d+\n$"))
            {
                // WeasyPrint's print: no header or footer; a row of table 三 whose numbers end a page and whose label opens the next.
                weasyPrint++;
                pages.ShouldAllBe(p => !Regex.IsMatch(p, @"\S+ \S*\d+/\d+\n$"));
                // (Not in a print whose labels stand in narrow columns.)
                if (Regex.IsMatch(t, @"\n {0,40}(?:\S+ +){6}\S+\n\f\d\.[^\n\d]+\n[^\n\d]+\n")) cut++;
                continue;
            }

            for (var p = 0; p < pages.Length; p++) Regex.IsMatch(pages[p], $@"\n\S+ \S*{p + 1}/{pages.Length}\n$").ShouldBeTrue($"page {p + 1}");
        }

        weasyPrint.ShouldBeInRange(8, 35);
        cut.ShouldBeGreaterThan(weasyPrint / 2, "a row cut: its seven numbers, the page's end, its label over two lines or more");

        texts.ShouldContain(t => Regex.IsMatch(t, @"\d\d?/\d\d?/\d\d, \d\d?:\d\d [AP]M "), "a US time of printing");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n20\d\d/\d\d?/\d\d? \d\d?:\d\d "), "a Chinese time of printing");
        texts.ShouldContain(t => Regex.IsMatch(t, @"本年新收[^\f]*\f[^\f]*总计"), "a page break inside table 三");
    }

    [Fact]
    public void Text_browser_print_in_layout_mode_sets_cells_at_columns_some_rows_at_two_heights_some_cells_above_their_rows_some_labels_narrow_and_some_numbers_held()
    {
        var texts = Rendered.Of(Layouts.TextBrowserPrint, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        // -layout: a row's cells a run of spaces apart; -raw: one space.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n（七）总计 {2,}\S+ {2,}\S+"), "a -layout print");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n（七）总计 \S+ \S+ "), "a -raw print");
        // The first cell beside the label's first line, the numbering alone, the other six beside its last line.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n[^\n\d]{6,} \d+\n\d\.\n[^\n\d]+(?: {2,}\d+){6}\n"), "a row at two heights");
        // The numbering alone below the label's first line, the cells beside its second, a third line of label.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n[^\n\d]{6,}\n\d\.\n[^\n\d]+(?: {2,}\d+){7}\n[^\n\d]+\n"), "a numbering below its label's first line");
        // A table 二 cell alone a line above its row, at its column, a blank line above it (an office suite's print).
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n[^\s\d][^\n]*(?: {2,}\S+){3}\n\n {10,}\S+\n[^\s\d][^\n\d]* {2,}\S+ {2,}\S+\n"), "a cell set above its row");
        // WeasyPrint centres a row's numbers on its label: a line of their own between its two lines.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n\d\.[^\n\d]+\n {10,}\S+(?: {2,}\S+){6}\n[^\n\d]+\n"), "numbers between a label's lines");
        // Narrow label columns: a group's merged label one space before its first row's label ("（四）无 1.本机关").
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n（[三四五六]）\S{0,3} (?:\d\.)?[^\s\d]{2,6}(?:\n| {2,})"), "a group's piece beside a row's label");
        // A row's numbers held below the first line of the next row's label, which goes on below them to its own numbers.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n(?:（[三四五六]）\S{0,3} )?\d\.[^\n\d]{1,6}\n {10,}\S+(?: {2,}\S+){6}\n[^\n\d（]+\n[^\n\d（]+(?: {2,}\S+){7}\n"), "numbers held below the next label's first line");
    }

    [Fact]
    public void Markdown_pandoc_writes_fenced_or_raw_divs_styled_or_raw_spans_and_simple_multiline_pipe_grid_or_html_tables()
    {
        var texts = Rendered.Of(Layouts.MarkdownPandoc, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        texts.ShouldAllBe(t => t.Contains("<table", StringComparison.Ordinal) && t.Contains("rowspan=", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("::: {.TRS_Editor}", StringComparison.Ordinal), "fenced divs");
        texts.ShouldContain(t => t.Contains("<div class=\"TRS_Editor\">", StringComparison.Ordinal), "raw divs (gfm)");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\[二、主动公开政府信息情况 ?\]\{style=""[^""]+""\}"), "a heading as a span with its style");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n  -{6,} -{6,}[ -]*\n  第二十条第（一）项"), "table 二 as a simple table between dash rules");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n\| 行政许可 +\| \S+ +\|"), "table 二 as a pipe table");
        texts.ShouldContain(t => t.Contains("<p>商业</p>\n<p>企业</p>", StringComparison.Ordinal), "a heading broken into paragraphs of two characters");
        // A Word export: table 二 as a grid table, a label's span wrapped inside its cell; headings in nested spans.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n\+-{6,}\+-{6,}[-+]*\n\| \[第二十条第") && t.Contains("]{style=\"FONT-SIZE: 16pt", StringComparison.Ordinal), "a grid table of styled cells");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n\| \[[^\]\n|]*\| [^\n]*\|\n\| [^\[\n|]*\]\{"), "a span wrapped over a grid cell's lines");
        // A multiline table: a label's <br> as "\" at the end of its line, a blank line between rows.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n  [^\n\\]*[^\s\d\\]\\(?: [^\n]*)?\n {2,}[^\s\d][^\n]*\n\n"), "a multiline table with a label broken over lines");
        // A Word export's simple table whose spans keep the page's line breaks in their style: each cell over two lines.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n  \[[^\]\n]+\]\{style=""[^""\n]*\n  mso-font-kerning:1\.0000pt;""\}"), "a simple table whose spans' style breaks lines");
        // markdown_strict: the page's markup as raw HTML, a tag's attributes on a line of their own, no <div> or <table> in the first 2 KB.
        texts.ShouldContain(t => t.Contains("\n| <span style=\"", StringComparison.Ordinal), "gfm's pipe table of a Word export, each cell in its raw span");
        texts.ShouldContain(t => t.Contains("<span\nstyle=\"", StringComparison.Ordinal) && !Regex.IsMatch(t, @"\A[\s\S]{0,2043}<(?:div|table)"), "markdown_strict's raw spans");
    }

    [Fact]
    public void Markdown_ocr_writes_hash_headings_one_line_html_tables_cut_tables_and_paragraphs_and_the_seal()
    {
        var texts = Rendered.Of(Layouts.MarkdownOcr, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        // No markup before the first table: only its line breaks end the title's and prose's paragraphs.
        foreach (var t in texts) t[..t.IndexOf("<table>", StringComparison.Ordinal)].Replace("<html><body>", "", StringComparison.Ordinal).ShouldNotContain("<");
        // Section 一's heading as "# " and its words (the template's, or an office's own: Quirks.Wordings).
        texts.ShouldAllBe(t => Regex.IsMatch(t, @"\n# (一、\w*(情况|概况)|二、)") && Regex.IsMatch(t, @"\n(<html><body>)?<table><tr><td[^\n]*</table>(</body></html>)?\n"));
        // MinerU's pipeline wraps each table as a page of its own in some documents, and only whole tables.
        texts.ShouldContain(t => t.Contains("\n<html><body><table><tr>", StringComparison.Ordinal), "a table wrapped as a page");
        texts.ShouldContain(t => !t.Contains("<html>", StringComparison.Ordinal), "bare tables");
        texts.ShouldAllBe(t => Regex.Count(t, "<html><body><table>") == 0 || Regex.Count(t, "<html><body><table>") == Regex.Count(t, "<table>"));
        texts.ShouldAllBe(t => !t.Contains("<table>\n", StringComparison.Ordinal), "each table on one line");
        texts.ShouldContain(t => t.Contains("rowspan=\"", StringComparison.Ordinal) && t.Contains("colspan=\"", StringComparison.Ordinal));
        // A table cut by the page: more tables than the report has (二, 三, 四), one opening with a merged label's empty rest.
        texts.ShouldContain(t => Regex.Count(t, "<table>") > 3, "a table cut in two");
        texts.ShouldContain(t => t.Contains("</table>\n\n<table><tr><td rowspan=\"", StringComparison.Ordinal) && Regex.IsMatch(t, @"</table>\n\n<table><tr><td rowspan=""\d+""></td>"), "a merged label cut");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n!\[\]\(images/[0-9a-f]{64}\.jpg\)\n\n\d{4}年\d{1,2}月\d{1,2}日"), "the seal above the date");
        texts.ShouldContain(t => t.Contains("<td>O</td>", StringComparison.Ordinal), "a zero read as the letter O");
        // Numbers of the prose as inline formulas, spaced digits, a space around: "发布各类信息 $2 0 4 1$ 条"; never in a table.
        texts.ShouldContain(t => Regex.IsMatch(t, @"[^\n ] \$\d(?: \d)+\$ [^\n ]"), "a number of the prose as an inline formula");
        texts.ShouldAllBe(t => !Regex.IsMatch(t, @"<td[^>]*>[^<]*\$"), "no formula in a table");
        // A paragraph cut where the page ended: a line that stops inside a sentence.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n[^#<!\n]{20,}[^。：；\n]\n\n[^#<!（\n]"), "a paragraph cut by the page");
    }

    [Fact]
    public void Markdown_mathpix_writes_latex_headings_and_tabulars_with_spans_rules_and_wrapped_labels()
    {
        var texts = Rendered.Of(Layouts.MarkdownMathpix, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        // Headings as commands, every table a tabular (二's four, 三 and 四 at least), no HTML and no pipe table.
        texts.ShouldAllBe(t => Regex.IsMatch(t, @"\n\\(?:sub)?section\*\{一、") && Regex.Count(t, @"\\begin\{tabular\}\{\|") >= 3 && !t.Contains("<t", StringComparison.Ordinal) && !t.Contains("|---", StringComparison.Ordinal));
        texts.ShouldContain(t => t.StartsWith("\\title{\n", StringComparison.Ordinal), "the title as \\title{…}");
        texts.ShouldContain(t => t.StartsWith("\\section*{", StringComparison.Ordinal), "the title as a section");
        texts.ShouldContain(t => t.Contains("\n\\subsection*{", StringComparison.Ordinal), "headings as subsections");
        // Spans: the template's merged cells, the covered cells left empty below ("& &", "\\multicolumn{3}{|l|}{}").
        texts.ShouldAllBe(t => t.Contains("\\multirow{", StringComparison.Ordinal) && t.Contains("\\multicolumn{", StringComparison.Ordinal));
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\multicolumn\{\d\}\{\|l\|\}\{\} &"), "a span two columns wide covered below");
        texts.ShouldContain(t => t.Contains("\\multirow{-", StringComparison.Ordinal), "a span's label in its last row");
        // Rules under every row, beside a span that goes on, or only around the table; a table on one line or a row a line.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\cline\{\d+-\d+\}"), "partial rules");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\\\ [^\n\\]"), "rows without rules between them");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\begin\{tabular\}\{[|l]+\} \\hline [^\n]+\\end\{tabular\}\n"), "a table on one line");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\begin\{tabular\}\{[|l]+\}\n\\hline\n"), "a table a row a line");
        // A label wrapped in its cell: a tabular inside it, or \makecell.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\begin\{tabular\}\{l\}[^\n]+ \\\\ [^\n]+\\end\{tabular\}"), "a label as a tabular inside its cell");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\\makecell\{[^{}\n]+ \\\\ [^{}\n]+\}"), "a label in a makecell");
        // Numbers of the prose as Mathpix's inline formulas, never in a table; the seal as an image from its CDN.
        texts.ShouldContain(t => Regex.IsMatch(t, @"[^\n ] \\\( \d{2,} \\\) [^\n ]"), "a number of the prose as an inline formula");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n!\[\]\(https://cdn\.mathpix\.com/cropped/[^)\n]+\.jpg\?height=\d+&width=\d+&top_left_y=\d+&top_left_x=\d+\)\n"), "the seal");
    }

    [Fact]
    public void The_docx_behind_pdf_gives_its_number_cells_thick_borders_of_their_own_in_some_documents()
    {
        // LibreOffice draws a 1.5 pt cell border half its width off the 0.5 pt one beside it.
        var thick = Rendered.Of(Layouts.Pdf, 60).Count(x =>
        {
            using var stream = new MemoryStream(x.Rendition.Bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            return doc.MainDocumentPart!.Document.Descendants<TableCellBorders>().Any(b => b.TopBorder?.Size?.Value == 12);
        });
        thick.ShouldBeInRange(6, 36);
    }

    private const string DocxRendererPrompt = Rendering.DocxRenderer.PlaceholderPrompt;

    [Fact]
    public void The_docx_behind_text_pdftotext_numbers_its_pages_in_some_documents()
    {
        var footers = Rendered.Of(Layouts.TextPdftotext).Count(x =>
        {
            using var stream = new MemoryStream(x.Rendition.Bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            return doc.MainDocumentPart!.FooterParts.Any(f => f.Footer.Descendants<SimpleField>().Any(s => s.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal)));
        });
        footers.ShouldBeInRange(Rendered.PerLayout / 4, Rendered.PerLayout * 9 / 10);
    }

    /// <summary>
    /// text-docx-raw's mammoth text is a port of mammoth's extractRawText: on the generated documents kept in
    /// Fixtures/Mammoth (merged cells, a title in a text box, prompts, a frame table, a tracked move) it must write what
    /// mammoth 1.13.0 wrote, byte for byte.
    /// </summary>
    [Fact]
    public void Text_docx_raw_writes_what_mammoth_writes_from_the_same_document()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mammoth");
        var documents = Directory.GetFiles(dir, "*.docx");
        documents.Length.ShouldBe(6);
        foreach (var docx in documents)
        {
            var written = File.ReadAllText(Path.ChangeExtension(docx, ".txt"));
            Encoding.UTF8.GetString(Rendering.DocxRawTextRenderer.Render(File.ReadAllBytes(docx))).ShouldBe(written, Path.GetFileName(docx));
        }
    }

    [Fact]
    public void Text_docx_raw_ends_every_paragraph_with_an_empty_line_as_mammoth_or_docx2txt_does()
    {
        var texts = Rendered.Of(Layouts.TextDocxRaw, 100).Select(x => Encoding.UTF8.GetString(x.Rendition.Bytes)).ToList();
        foreach (var text in texts)
        {
            // No line with text follows another: each paragraph, a cell's too, ends with an empty line.
            var lines = text.Split('\n');
            Enumerable.Range(0, lines.Length - 1).Count(i => lines[i].Length > 0 && lines[i + 1].Length > 0).ShouldBe(0);
            text.ShouldContain("\n\n一、本年新收政府信息公开申请数量\n\n");
        }

        // docx2txt writes the two line breaks as each paragraph begins, mammoth as it ends.
        Share(texts, t => t.StartsWith("\n\n", StringComparison.Ordinal)).ShouldBe(0.5, 0.15);
        // A blank cell is an empty paragraph: four line breaks in a row.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\d\n\n\n\n\d"), "a blank cell between two numbers");
        texts.ShouldContain(t => t.Contains("单击或点击此处输入文字。", StringComparison.Ordinal), "a content control's prompt");
    }
}

/// <summary>The text-pdftotext layout with the real LibreOffice and pdftotext: both must be installed, this test never skips.</summary>
public sealed class PdftotextTests : IDisposable
{
    // Whether the digits of number stand in text in order: together (commas and spaces between them), or wrapped, a head
    // of them ending a token and the rest a token of its own within the three lines below.
    private static bool WrittenWrapped(string text, string number)
    {
        if (Regex.IsMatch(text, string.Join(@"[\s,]*", number.ToCharArray()))) return true;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            for (var cut = 1; cut < number.Length; cut++)
            {
                var head = string.Join(",?", number[..cut].ToCharArray());
                if (!Regex.IsMatch(lines[i], $@"(?<![\d,]){head}(?![\d,])")) continue;
                var tail = string.Join(",?", number[cut..].ToCharArray());
                if (lines.Skip(i + 1).Take(3).Any(l => Regex.IsMatch(l, $@"(?<![\d,]),?{tail}(?![\d,])"))) return true;
            }
        }

        return false;
    }

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("corpus-pdftotext-tests-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Pdftotext_text_laid_out_or_raw_holds_every_number_of_tables_three_and_four_with_page_numbers_and_wrapped_labels()
    {
        SofficePdfConverter.Find().ShouldNotBeNull(SofficePdfConverter.InstallHint);
        Pdftotext.Find().ShouldNotBeNull(Pdftotext.InstallHint);
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(8, 12, [Layouts.TextPdftotext]), null, TestContext.Current.CancellationToken);

        var texts = new List<string>();
        foreach (var e in manifest.Entries)
        {
            e.File.ShouldEndWith(".txt");
            var text = File.ReadAllText(Path.Combine(_temp.FullName, e.File));
            texts.Add(text);
            var g = ReportFactory.Create(12, e.Index, 0.15);
            var plain = text.Normalize(NormalizationForm.FormKC);
            var tokens = Regex.Matches(plain.Replace(",", "", StringComparison.Ordinal), @"\d+").Select(m => m.Value).ToList();
            var written = tokens.GroupBy(t => t).ToDictionary(t => t.Key, t => t.Count());
            var cells = g.Report.Applications.Rows.SelectMany(r => r.Cells).Concat(g.Report.ReviewLitigation.Flatten()).Where(v => v != 0)
                .GroupBy(v => v!.Value.ToString(CultureInfo.InvariantCulture));
            foreach (var cell in cells)
            {
                // A long number may wrap inside its narrow cell ("２，９" over "８４", or "2,98" over the line of its row's
                // label, over "4"): its digits are there, in order, the last ones within three lines of the first.
                if (cell.Key.Length >= 4) WrittenWrapped(plain, cell.Key).ShouldBeTrue($"{e.File}: the number {cell.Key}");
                else written.GetValueOrDefault(cell.Key).ShouldBeGreaterThanOrEqualTo(cell.Count(), $"{e.File}: the number {cell.Key}");
            }

            text.ShouldContain("三、收到和处理政府信息公开申请情况");
        }

        texts.ShouldContain(t => Regex.IsMatch(t, @"\n\s*-\s*\d+\s*-\s*\n"), "a page-number footer");
        // Three in ten as -raw, in the order the PDF draws its text: no run of spaces sets a column.
        texts.ShouldContain(t => Regex.IsMatch(t, @"\S {6,}\S"), "-layout text");
        texts.ShouldContain(t => !Regex.IsMatch(t, @"\S {6,}\S"), "-raw text");
        texts.ShouldContain(t => Regex.IsMatch(t, @"\n[^\n\d]*本年新收[^\n\d]*\n"), "a label wrapped above its numbers");
        texts.ShouldContain(t => Regex.IsMatch(t, @"本年新收[\s\S]*\n\s*-\s*\d+\s*-\s*\n[\s\S]*四、结转下年度"), "a page number inside table 三");
        Directory.GetDirectories(_temp.FullName).ShouldBeEmpty();
    }
}
