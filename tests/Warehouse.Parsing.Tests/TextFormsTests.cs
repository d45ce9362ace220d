using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Tests;

/// <summary>Forms real text takes on its way to us: radicals from PDF fonts, markdown with HTML tables from OCR tools.</summary>
public sealed partial class TextFormsTests
{
    private static void ShouldReadLikeTheFixture(string text, string fixture)
    {
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), fixture);
        reading.Parse.Rejection.ShouldBeNull();
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(fixture)), fixture);
        var different = baseline.Cells.Where(kv => !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => $"{kv.Key}: {reading.Cells.GetValueOrDefault(kv.Key)?.ToJsonString()} (expected {kv.Value?.ToJsonString()})");
        different.ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    // pypdf (the reader of LangChain's PyPDFLoader) glues each page's number to the start of the page's first line, where WPS
    // draws the footer before the body: "-3-第二十条第（六）项" made a row of table 二 labelled "-" (an unrecognised_row error
    // on a report that adds up), "-4-2.没有现成信息…" a reason's numbering hard to see. PyMuPDF sets the same numbers on
    // lines of their own; glued to the line after them, in either spacing, the text reads as it does.
    [Theory]
    [InlineData("hongze-2024-pymupdf", false)]
    [InlineData("hongze-2024-pymupdf", true)]
    [InlineData("huaian-2024-pymupdf", false)]
    public void A_page_number_glued_to_the_pages_first_line_is_no_text_of_it(string fixture, bool spaced)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        var glued = PageNumberLine().Replace(text, m => spaced ? m.Groups[1].Value : $"-{m.Groups[2].Value}-");
        glued.ShouldNotBe(text);
        glued.ShouldNotContain("\n- 2 -\n");
        ShouldReadLikeTheFixture(glued, fixture);
    }

    // The text of a page's DOM (textContent, Readability's and lxml's) parts its paragraphs by the source's indentation, a
    // tab: read as a row's cells, a whole section was one cell, and the report was refused for want of table 三.
    [Theory]
    [InlineData("pingtan-2024")]
    [InlineData("pingtan-2021")]
    [InlineData("pingtan-2019")]
    public void Paragraphs_parted_by_tabs_read_as_the_text_without_them(string fixture)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        var tabbed = text.Replace("。", "。\t", StringComparison.Ordinal).Replace("一、总体情况", "\t一、总体情况\t", StringComparison.Ordinal);
        tabbed.ShouldContain("\t一、总体情况\t");
        ShouldReadLikeTheFixture(tabbed, fixture);
    }

    // A tab between a row's cells stays a cell's end: a line parted by tabs whose pieces are no sentences is a table's row.
    [Fact]
    public void Tabs_between_cells_stay_cells()
    {
        const string rows = "规章\t0\t0\t3\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n";
        PlainTextLayout.WithParagraphTabsAsBreaks(rows).ShouldBe(rows);
        const string prose = "2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，扎实推进政务公开工作。\t一、总体情况\t二、主动公开政府信息情况";
        PlainTextLayout.WithParagraphTabsAsBreaks(prose).Split('\n').Length.ShouldBe(3);
    }

    // mammoth's and docx2txt's text of a Word document ends every paragraph, a cell's too, with an empty line: halved, it is
    // a cell to a line, an empty cell an empty line. Text whose lines run on (a table's rows, prose) is left as it is.
    [Fact]
    public void Double_spaced_text_is_halved_and_other_text_is_not()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"段落{i}").ToList();
        var doubled = string.Join("\n\n", lines) + "\n\n";
        PlainTextLayout.WithDoubleSpacingHalved(doubled).ShouldBe(string.Join("\n", lines) + "\n");
        PlainTextLayout.WithDoubleSpacingHalved("\n\n" + doubled).ShouldBe(string.Join("\n", lines) + "\n");
        PlainTextLayout.WithDoubleSpacingHalved(doubled.Replace("段落10\n\n", "段落10\n\n\n\n", StringComparison.Ordinal)).ShouldContain("段落10\n\n段落11");
        var runOn = string.Join("\n", lines.Take(30)) + "\n\n" + doubled;
        PlainTextLayout.WithDoubleSpacingHalved(runOn).ShouldBe(runOn);
        PlainTextLayout.WithDoubleSpacingHalved("规章\n\n0\n\n1\n").ShouldBe("规章\n\n0\n\n1\n", "too short to tell");
    }

    // A row of a real grid whose cells an office left blank for zeros, its label misprinted ("3.危及“三安全稳定”"): no number
    // said it was a row, and it was missing (an error); it is a row of zeros, placed by its order, with the misprint's warning.
    [Fact]
    public void A_blank_row_with_a_misprinted_label_is_placed_by_its_order()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2022-nhm"));
        var row = Regex.Match(text, @"^\| 3\.危及“三安全一稳定” [^\n]*$", RegexOptions.Multiline);
        row.Success.ShouldBeTrue();
        var blank = Regex.Replace(row.Value.Replace("三安全一稳定", "三安全稳定", StringComparison.Ordinal), @"\| 0(?= )", "|  ");
        blank.ShouldNotContain("0");
        var changed = text.Replace(row.Value, blank, StringComparison.Ordinal);
        ShouldReadLikeTheFixture(changed, "pingtan-2022-nhm");
        RealReports.Read(Encoding.UTF8.GetBytes(changed), "blank").Findings.ShouldContain(f => f.Rule == "label_misprinted" && f.Message.Contains("三安全稳定", StringComparison.Ordinal));
    }

    // A browser's print (real pingtan-2022 through Chromium and pdftotext -layout) sets 1.'s numbers below 2.'s first line
    // ("1.本机关不掌握" / "相关政府信息" / "（四）2.没有现成信息" / numbers / "无法提需要另行制作  0 0 …"). With 1.'s label
    // misprinted ("不拿握"), the numbers were 2.'s read twice and 1. was missing (two errors); the label that carries 1.'s
    // numbering and is like its words is row 1., with the misprint's warning.
    [Fact]
    public void Numbers_set_below_the_next_label_go_to_a_misprinted_label_above()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2022-chrome-layout"));
        text.ShouldContain("     1.本机关不掌握\n");
        var changed = text.Replace("     1.本机关不掌握\n", "     1.本机关不拿握\n", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(changed, "pingtan-2022-chrome-layout");
        RealReports.Read(Encoding.UTF8.GetBytes(changed), "misprinted").Findings
            .ShouldContain(f => f.Rule == "label_misprinted" && f.Message.Contains("不拿握", StringComparison.Ordinal) && f.Message.Contains("本机关不掌握相关政府信息", StringComparison.Ordinal));
    }

    // The real print's （六） rows in a column four characters wide: 1.申请人无正当理由逾期不补正… over nine lines, its numbers
    // held below the next row's first line ("2.申请" / "2 0 … 2" / "人逾期未" …), as the generator's narrow columns set
    // them. The held numbers are 1.'s; before, the label lines kept were too few to reach 1.'s first line, and 2. was read
    // twice, 1. missing.
    [Fact]
    public void Numbers_held_below_the_next_label_go_to_a_label_wrapped_over_nine_lines()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2022-chrome-layout"));
        var at = text.IndexOf("              申请人无正当\n", StringComparison.Ordinal);
        var end = text.IndexOf("           请\n", at, StringComparison.Ordinal) + "           请\n".Length;
        at.ShouldBeGreaterThan(0);
        var narrow = """
                       1.申请
                       人无正当
                       理由逾期
                       不补正、
                       行政机关
                       不再处理
                       其政府信
                       息公开申
                  （ 六 ）请
                  其 他 处2.申请
                            2 0                    0       0   0   0   2
                  理 人逾期未
                       按收费通
                       知要求缴
                       纳费用、
                       行政机关
                       不再处理
                       其政府信
                       息公开申
                       请0 0                    0       0   0   0   0

            """;
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text[..at] + narrow + text[end..]), "pingtan-2022-chrome-narrow");
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2022-chrome-layout"));
        expected.Where(kv => kv.Key != "region_code" && !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ShouldBeEmpty();
    }

    // The lines of the next label above held numbers stay that label's: "（五）不予 1.信访" / the numbers of 3.补正后… /
    // "处理 举报投诉" / "类申请  -  0 …" is 1.信访举报投诉类申请 as printed. Before, the held numbers took those lines with
    // them, and the row was "类申请", placed by order with a warning that its label was misprinted.
    [Fact]
    public void The_label_begun_above_held_numbers_is_read_whole()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), "browser-print-held-numbers-long-label-00605.txt"));
        var reading = RealReports.Read(bytes, "browser-print-held-numbers-long-label-00605");
        reading.Cells["app.not_processed_petition.6"]?.GetValue<int>().ShouldBe(0);
        reading.Findings.ShouldNotContain(f => f.Rule == "label_misprinted");
    }

    // A group's merged label is no misprint of the row beside it, spaced out ("不 予 处4.无正当理由大" over "理 量反复申请",
    // "（ 三 ）法权益"), before the row's numbering on another baseline ("其他   3.   1 …"), on a line of its own above the
    // row ("三 、本 年 度办 理 结果" over "2.其他法律行政止公开"), or beside a numbering set below the label's first line
    // ("（ 四 ） 无 法 提 本机关不" / "1." / "供 掌握相关"). Each was quoted in a warning that the row's label was misprinted
    // ("理 量反复申请"); now only a label misprinted in the source is, quoted as printed.
    [Fact]
    public void Pieces_of_a_merged_group_label_are_no_misprint()
    {
        foreach (var name in (string[])["pingtan-2021-chrome-layout", "pingtan-2022-chrome-layout"])
        {
            RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name).Findings.Where(f => f.Rule == "label_misprinted").Select(f => f.Message).ShouldBeEmpty(name);
        }

        foreach (var name in (string[])["browser-print-spaced-group-pieces-00010.txt", "browser-print-spaced-group-pieces-glued-00152.txt"])
        {
            RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), name)), name).Findings.Where(f => f.Rule == "label_misprinted").Select(f => f.Message).ShouldBeEmpty(name);
        }

        var layout = RealReports.Read(File.ReadAllBytes(RealReports.File("hongze-2024-layout")), "hongze-2024-layout");
        layout.Findings.Where(f => f.Rule == "label_misprinted").Select(f => f.Message)
            .ShouldHaveSingleItem().ShouldStartWith("表三中的行「2.其他法律行政止公开」与模板的行名不同");
    }

    // pdftotext -layout of a table 二 whose offices left zeros blank, no row of the sub-table whole: "规章  0  _  0" over
    // "行政规范性文件  3  _  8" (the real hongze-2024 with its 本年废止件数 blanked). Nothing shows which column each number
    // stands in, so 行政规范性文件 stays unknown with an error; but 规章's numbers are zeros, and a row of zeros is zero in
    // every column whichever its blanks are (before, it was unknown too).
    [Fact]
    public void A_short_row_of_zeros_in_table_two_is_zero_where_no_whole_row_places_it()
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"));
        var regulations = Regex.Match(text, @"^规章 +0 +(0) +0$", RegexOptions.Multiline);
        var normative = Regex.Match(text, @"^行政规范性文件 +3 +(0) +8$", RegexOptions.Multiline);
        regulations.Success.ShouldBeTrue();
        normative.Success.ShouldBeTrue();
        var changed = text
            .Replace(regulations.Value, regulations.Value.Remove(regulations.Groups[1].Index - regulations.Index, 1).Insert(regulations.Groups[1].Index - regulations.Index, " "), StringComparison.Ordinal)
            .Replace(normative.Value, normative.Value.Remove(normative.Groups[1].Index - normative.Index, 1).Insert(normative.Groups[1].Index - normative.Index, " "), StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(changed), "hongze-2024-layout-blanks");
        var report = reading.Parse.Report.ShouldNotBeNull();
        report.ActiveDisclosure.Regulations.ShouldBe(new DocumentCounts(0, 0, 0));
        report.ActiveDisclosure.NormativeDocuments.ShouldBe(new DocumentCounts(null, null, null));
        reading.Findings.ShouldContain(f => f.Rule == "missing_cells" && f.Severity == Severity.Error && f.Message.Contains("行政规范性文件", StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error && f.Message.Contains("「规章」", StringComparison.Ordinal));
    }

    // Tesseract writes its words and boxes in the columns pdftotext -tsv does, in another order (block_num before par_num)
    // and in pixels of the scanned page, not points: the same report so written (hongze-2024-tsv, its columns reordered
    // and its boxes scaled to 200 dpi) reads the same, every cell right and no error.
    [Fact]
    public void Words_and_boxes_in_tesseracts_columns_and_pixels_read_as_in_pdftotexts()
    {
        var lines = File.ReadAllLines(RealReports.File("hongze-2024-tsv"));
        var head = lines[0].Split('\t');
        string[] order = ["level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height", "conf", "text"];
        var scaled = new StringBuilder(string.Join('\t', order)).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split('\t');
            scaled.AppendJoin('\t', order.Select(name =>
            {
                var value = f[Array.IndexOf(head, name)];
                return name is "left" or "top" or "width" or "height"
                    ? Math.Round(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) * 200 / 72).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : value;
            })).Append('\n');
        }

        var reading = RealReports.Read(Encoding.UTF8.GetBytes(scaled.ToString()), "hongze-2024-tesseract-columns");
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        RealReports.WrongCells(RealReports.Expected("hongze-2024-tsv"), reading).ShouldBeEmpty();
    }

    [Fact]
    public void Pypdf_text_whose_page_numbers_are_glued_reads_whole()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("hongze-2024-pypdf")), "hongze-2024-pypdf");
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        var expected = RealReports.Flatten(RealReports.Expected("hongze-2024-pypdf"));
        expected.Where(kv => kv.Key != "region_code" && !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ShouldBeEmpty();
    }

    [GeneratedRegex(@"^(- (\d+) -)\n", RegexOptions.Multiline)]
    private static partial Regex PageNumberLine();

    // pdfminer's text of a WPS PDF (its default layout analysis) sets a sub-table of table 二 as its labels, one to a line,
    // then all their numbers: "行政处罚" / "行政强制" / "2776" / "84". The last label took both numbers (extra_cells) and
    // 行政处罚 none (missing_row): two errors on a report that adds up. Rows of one cell take their numbers in order (labels
    // and numbers both run down the page); rows of three may have been read row by row or column by column, and the text
    // does not say which: unknown, each with an error that gives both readings, unless both read the same.
    [Fact]
    public void Labels_first_then_numbers_in_table_two_read_in_order_when_each_row_has_one_cell()
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-pymupdf"));
        const string rows = "行政处罚\n2776\n行政强制\n84\n";
        text.ShouldContain(rows);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(rows, "行政处罚\n行政强制\n2776\n84\n", StringComparison.Ordinal)), "labels first");
        reading.Cells["ad.penalty"]!.GetValue<int>().ShouldBe(2776);
        reading.Cells["ad.enforcement"]!.GetValue<int>().ShouldBe(84);
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        reading.Findings.ShouldContain(f => f.Rule == "table_reordered" && f.Message.Contains("「行政处罚」「行政强制」", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0\n0\n0\n3\n0\n8\n", true)]
    [InlineData("0\n3\n0\n0\n0\n8\n", true)]
    [InlineData("0\n0\n0\n0\n0\n0\n", false)]
    public void Labels_first_then_numbers_of_rows_of_three_cells_are_unknown_unless_both_orders_agree(string numbers, bool differ)
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-pymupdf"));
        const string rows = "规章\n0\n0\n0\n行政规范性文件\n3\n0\n8\n";
        text.ShouldContain(rows);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(rows, "规章\n行政规范性文件\n" + numbers, StringComparison.Ordinal)), "labels first");
        string[] cells = ["ad.regulations.issued", "ad.regulations.repealed", "ad.regulations.in_force", "ad.normative_documents.issued", "ad.normative_documents.repealed", "ad.normative_documents.in_force"];
        if (differ)
        {
            cells.ShouldAllBe(c => reading.Cells[c] == null);
            reading.Findings.Count(f => f.Severity == Severity.Error && f.Rule == "cells_ambiguous" && f.Message.Contains("按列读作", StringComparison.Ordinal)).ShouldBe(2);
        }
        else
        {
            cells.ShouldAllBe(c => reading.Cells[c]!.GetValue<int>() == 0);
            reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        }

        reading.Cells["ad.licensing"]!.GetValue<int>().ShouldBe(9487);
    }

    // Items numbered otherwise than "2.": with a closing parenthesis alone, a comma for the point or the point a
    // space away, which pdftotext -layout and w3m text read as a cell (the row's 总计 became the next row's
    // number), or with a circled number, which opened no row.
    [Theory]
    [InlineData("hongze-2024-layout", "）")]
    [InlineData("hongze-2024-layout", ")")]
    [InlineData("pingtan-2024-w3m", ")")]
    [InlineData("pingtan-2020-libreoffice-layout", "）")]
    [InlineData("pingtan-2020-libreoffice-layout", "circled")]
    [InlineData("pingtan-2022", "）")]
    [InlineData("hongze-2024-layout", "，")]
    [InlineData("pingtan-2024-w3m", "，")]
    [InlineData("pingtan-2020-libreoffice-layout", " .")]
    [InlineData("pingtan-2024-w3m", " 、")]
    public void Items_numbered_with_a_parenthesis_or_a_circled_number_read_like_the_fixture(string fixture, string numbering)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        var renumbered = RealMutationTests.Renumber(text, numbering);
        renumbered.ShouldNotBe(text);
        ShouldReadLikeTheFixture(renumbered, fixture);
    }

    // Text saved from a web page pads with no-break spaces (&nbsp;): in LibreOffice's -layout print of 2020 the
    // "7" set above its row was appended to 行政许可 as its 处理决定数量, silently wrong, as no run of spaces
    // showed the row's numbers in columns.
    [Theory]
    [InlineData("pingtan-2020-libreoffice-layout")]
    [InlineData("hongze-2024-layout")]
    [InlineData("pingtan-2024-w3m")]
    public void Text_padded_with_no_break_spaces_reads_like_the_fixture(string fixture)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        ShouldReadLikeTheFixture(text.Replace(' ', '\u00a0'), fixture);
    }

    // Text typed in Word pads with ideographic spaces (U+3000), one for each space of the print: LibreOffice's
    // -layout print of 2020 so padded read 行政许可's 处理决定数量 as 7, silently wrong (the "7" set above the
    // row below was appended to it), as no run of spaces showed the row's numbers in columns.
    [Theory]
    [InlineData("pingtan-2020-libreoffice-layout")]
    [InlineData("hongze-2024-layout")]
    [InlineData("huaian-2024-layout")]
    [InlineData("pingtan-2024-w3m")]
    public void Text_padded_with_ideographic_spaces_reads_like_the_fixture(string fixture)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        ShouldReadLikeTheFixture(text.Replace("  ", "\u3000\u3000", StringComparison.Ordinal), fixture);
    }

    // Lines ended by Unicode's line or paragraph separator, by NEL, or by the vertical tab that Word's object model
    // gives for a manual line break: each ends a line. Read as a space, a table's lines ran together (LibreOffice's
    // -layout print of 2020 read 行政许可's 处理决定数量 as 7, silently wrong), and text full of vertical tabs was
    // refused as binary data.
    [Theory]
    [InlineData("pingtan-2020-libreoffice-layout", "\u2028")]
    [InlineData("pingtan-2020-libreoffice-layout", "\v")]
    [InlineData("hongze-2024-layout", "\u2029")]
    [InlineData("hongze-2024-plain", "\u0085")]
    [InlineData("pingtan-2024-w3m", "\v")]
    [InlineData("pingtan-2024-gfm", "\u2028")]
    public void Lines_ended_by_other_line_separators_read_like_the_fixture(string fixture, string separator)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        ShouldReadLikeTheFixture(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", separator, StringComparison.Ordinal), fixture);
    }

    // Each run of spaces between cells typed as one ideographic space, or as a tab: the columns are gone, so a
    // number alone on a line between two short rows of table 二 ("442" over 行政许可 396 278, "7" over
    // 其他对外管理服务事项 10 105) belongs to either. Neither row takes it: both are null with an error, never
    // 行政许可 read as 396, 278, 7.
    [Theory]
    [InlineData("\u3000")]
    [InlineData("\t")]
    public void A_lone_number_between_rows_whose_columns_are_lost_joins_neither(string gap)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2020-libreoffice-layout"));
        var squeezed = Regex.Replace(text, @"(?<=\S) {2,}(?=\S)", gap);
        squeezed.ShouldContain($"行政许可{gap}396{gap}278");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(squeezed), "squeezed");
        reading.Parse.Rejection.ShouldBeNull();
        reading.Cells["ad.licensing"].ShouldBeNull();
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.StartsWith("表二「行政许可」", StringComparison.Ordinal));
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2020-libreoffice-layout")), "pingtan-2020-libreoffice-layout");
        reading.Cells.Where(kv => kv.Value is not null && !RealReports.Same(kv.Value, baseline.Cells.GetValueOrDefault(kv.Key)))
            .Select(kv => $"{kv.Key}: {kv.Value!.ToJsonString()} (expected {baseline.Cells.GetValueOrDefault(kv.Key)?.ToJsonString()})").ShouldBeEmpty();
    }

    // Markdown of an OCR tool that detects formulas (MinerU) sets plain numbers as inline LaTeX with a space
    // between each digit ("共发布各类信息 $2 0 4 1$ 条", "关于 $2 0 1 9$ 年度"), and a circled number as
    // "$\textcircled{2}$". Before, the title's year was lost and the report refused ("no agency name").
    [Theory]
    [InlineData("pingtan-2021")]
    [InlineData("pingtan-2022")]
    [InlineData("pingtan-2023")]
    public void Numbers_set_as_inline_formulas_read_like_the_fixture(string fixture)
    {
        var text = File.ReadAllText(RealReports.File(fixture));
        var formulas = AsInlineFormulas(text);
        formulas.ShouldContain("$2 0 2");
        ShouldReadLikeTheFixture(formulas, fixture);
    }

    [Theory]
    [InlineData("共发布各类信息 $2 0 4 1$ 条", "共发布各类信息 2041 条")]
    [InlineData("关于$2 0 1 9$年度", "关于2019年度")]
    [InlineData("采购总金额 $1 3 5 7 5 . 3 9$ 万元", "采购总金额 13575.39 万元")]
    [InlineData("增长 $9 5 \\%$", "增长 95%")]
    [InlineData("$\\mathbf{1 2}$ 件", "12 件")]
    [InlineData("$\\textcircled{2}$ 重复申请", "② 重复申请")]
    // Mathpix Markdown's delimiters.
    [InlineData("共受理 \\( 2041 \\) 件", "共受理 2041 件")]
    [InlineData("\\(\\mathbf{12}\\)件", "12件")]
    [InlineData("\\( x^{2} \\) 与 \\(\\frac{1}{2}\\)", "\\( x^{2} \\) 与 \\(\\frac{1}{2}\\)")]
    // More than a number: left as written.
    [InlineData("$x + 1$ 与 $\\frac{1}{2}$", "$x + 1$ 与 $\\frac{1}{2}$")]
    [InlineData("$$1 2$$", "$$1 2$$")]
    public void An_inline_formula_that_is_a_number_is_that_number(string text, string expected) =>
        Warehouse.Parsing.Text.InlineMath.Apply(text).ShouldBe(expected);

    // Every number of two digits or more outside a table, and each circled number, as MinerU sets some of them.
    private static string AsInlineFormulas(string text)
    {
        var parts = Regex.Split(text, @"(<table.*?</table>)", RegexOptions.Singleline);
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = Regex.Replace(parts[i], @"(?<![0-9〔（(#.,:;=""'/\-_a-zA-Z])\d{2,}(?![0-9号〕.,:;""'/\-_a-zA-Z%])", m => "$" + string.Join(' ', m.Value.ToCharArray()) + "$");
        }

        return string.Concat(parts);
    }

    [Fact]
    public void A_group_label_beside_a_row_whose_label_waits_for_its_numbers_does_not_take_them()
    {
        // WeasyPrint centres a row's numbers between its label's lines. "（四）无法提" / numbers / "供" alone is the group
        // printed as one row; with "2.没有现成信息" above, waiting for numbers, and "需要另行制作" below, it is 2.'s row, the
        // group's label beside it (corpus seed 131, a WeasyPrint print of 00021).
        var path = Path.Combine(Fixtures.Dir("Generated"), "weasyprint-layout-group-centred-on-numbers-00090.txt");
        var text = File.ReadAllText(path).Replace("（四）无法提\n                  -   0   0   0   0   0   0\n供\n",
            "2.没有现成信息\n（四）无法提\n                  1   0   0   0   0   0   1\n供\n需要另行制作\n", StringComparison.Ordinal);
        text.ShouldContain("需要另行制作");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "weasyprint-layout-row-beside-group-label.txt");
        reading.Cells["app.unavailable_needs_creation.0"]!.GetValue<int>().ShouldBe(1);
        reading.Cells["app.unavailable_needs_creation.6"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void A_table_three_whose_right_hand_columns_were_not_printed_is_refused_saying_so()
    {
        // WeasyPrint prints the 2019 page's table 三 wider than A4: pdftotext -layout keeps five of its seven columns.
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2019-weasyprint-layout")), "pingtan-2019-weasyprint-layout.txt");
        var refusal = reading.Findings.Single(f => f.Rule == "table_scrambled");
        refusal.Message.ShouldStartWith("表三各行都只有 5 个数（应为 7 个）：右侧 2 列没有印出或在抽取时丢失");
        reading.Cells["app.granted.0"].ShouldBeNull();
        // Table 二, printed within the page, is read.
        RealReports.WrongCells(RealReports.Expected("pingtan-2019-portal"), reading).ShouldAllBe(c => c.StartsWith("app.", StringComparison.Ordinal));
    }

    [Fact]
    public void Kangxi_radicals_and_compatibility_ideographs_read_as_the_characters_they_stand_for()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2024"))
            .Replace("行", "\u2F8F", StringComparison.Ordinal).Replace("一", "\u2F00", StringComparison.Ordinal).Replace("工", "\u2F2F", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "pingtan-2024");
    }

    [Fact]
    public void Zeros_written_as_dashes_around_a_zero_are_cells_not_a_page_number()
    {
        // "规章 - 0 -" (pdftotext -raw): "- 0 -" is the form of a page number, but no page is numbered 0.
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"))
            .Replace("规章               0          0       0", "规章 - 0 -", StringComparison.Ordinal);
        text.ShouldContain("规章 - 0 -");
        ShouldReadLikeTheFixture(text, "hongze-2024-layout");
    }

    [Fact]
    public void A_row_of_table_two_printed_again_with_other_numbers_is_read_from_neither_and_named()
    {
        // One of the two is some other row whose label was misread, and which one cannot be told.
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"))
            .Replace("行政强制                                                    84", "行政强制                                                    84\n\n行政处罚                                                   2777", StringComparison.Ordinal);
        text.ShouldContain("2777");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "hongze-2024-layout");
        reading.Cells["ad.penalty"].ShouldBeNull();
        reading.Cells["ad.enforcement"]!.GetValue<decimal>().ShouldBe(84);
        var finding = reading.Findings.Single(f => f.Rule == "duplicate_row");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldStartWith("表二「行政处罚」出现了两次且数字不同（「2776」与「2777」）");
    }

    [Theory]
    // A note under the table, and a sentence naming a row with another figure: prose, not rows
    // (before, "unrecognised_row" and "duplicate_row" errors on a report that adds up).
    [InlineData("注：本年度作出行政处罚决定5件，已全部按规定公开。")]
    [InlineData("本年度行政处罚决定均已按规定公开，共计2700件。")]
    public void A_sentence_under_table_two_is_prose_not_a_row(string sentence)
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"))
            .Replace("行政强制                                                    84", "行政强制                                                    84\n\n" + sentence, StringComparison.Ordinal);
        text.ShouldContain(sentence);
        ShouldReadLikeTheFixture(text, "hongze-2024-layout");
    }

    [Fact]
    public void A_row_of_table_two_printed_again_with_the_same_numbers_is_read_once_with_a_warning()
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"))
            .Replace("行政强制                                                    84", "行政强制                                                    84\n\n行政处罚                                                   2776", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "hongze-2024-layout");
        RealReports.Read(Encoding.UTF8.GetBytes(text), "hongze-2024-layout").Findings
            .ShouldContain(f => f.Rule == "duplicate_row" && f.Severity == Severity.Warning && f.Message.StartsWith("表二「行政处罚」出现了两次，读取第一次", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0无", "无无")]
    [InlineData("无0", "无 无无")]
    [InlineData("0无0", "无无无")]
    public void Zeros_written_as_wu_that_text_extraction_set_against_a_neighbour_are_cells_of_their_own(string inTotal, string inCarried)
    {
        // pdftotext -layout closes the gap between narrow cells: "（七）总计 95 0 0 0无 0 95", "无无".
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"));
        var total = "95   0   0   0    0    0   95";
        var carried = "0    0   0   0    0    0   0";
        var totalLine = text.Split('\n').Single(l => l.Contains("（七）总计", StringComparison.Ordinal));
        var carriedLine = text.Split('\n').Single(l => l.Contains("四、结转下年度继续办理", StringComparison.Ordinal));
        var zeros = inTotal.Count(c => c is '0' or '无');
        var newTotal = "95   " + string.Join("   ", Enumerable.Repeat("0", 5 - zeros)) + "   " + inTotal + "   95";
        var newCarried = string.Join("  ", Enumerable.Repeat("无", 7 - inCarried.Count(c => c == '无'))) + "  " + inCarried;
        text = text.Replace(totalLine, totalLine.Replace(total, newTotal, StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace(carriedLine, carriedLine.Replace(carried, newCarried, StringComparison.Ordinal), StringComparison.Ordinal);
        text.ShouldContain(inTotal + "   95");
        ShouldReadLikeTheFixture(text, "hongze-2024-layout");
    }

    [Theory]
    // pdftotext -layout of a 2019-template table with 无 for zero: "（七）总计 5件 2件 无 0无 2件 9件", "无无".
    [InlineData("pdftotext-wu-against-neighbour-00292.txt")]
    // A row at two heights whose cells wrapped: "377 104 12 145 5,17" above its label, "188 3件" beside
    // it, the ends "5 8件 件 件 1件" below; the cells ordered by column add up, so they are the row.
    [InlineData("pdftotext-pieces-around-label-00142.txt")]
    // A browser's print as text, 2019 template: "行政强制 - 5 -" is the row's three cells ("-" zero, 5,
    // "-" zero), not a page number "- 5 -" after a label.
    [InlineData("browser-print-dash-cells-after-label-00039.txt")]
    // Markdown whose table 四 has every value blank (zeros left empty): a row of 15 empty cells.
    [InlineData("markdown-table-four-blank-00758.md")]
    // A row whose cells with units stand high and its bare zeros half a line low ("187  20 … 57  264" over "0  0  0"):
    // read once in the wrong order (187,20,57,264,0,0,0), with only the row's sum error to show it.
    [InlineData("pdftotext-cells-set-low-00296.txt")]
    // OCR markdown whose table 三 has neither its section heading nor its header ("项目 | 数据1 | …"), its first
    // label as printed or misprinted ("…申情数量"): read once as rows of table 二.
    [InlineData("markdown-ocr-table-three-unheaded-00331.md")]
    [InlineData("markdown-ocr-table-three-unheaded-misprinted-00331.md")]
    // The ends of numbers cut at their thousands, shifted under other cells ("9 … 3" under "1,71 … 57  2,74").
    [InlineData("pdftotext-cut-ends-shifted-00064.txt")]
    // A label between the two lines of its wrapped cells ("137 … 1,86" / label / "7 件 … 1"), with the cells that did
    // not wrap beside it ("（一）予以公开  53"), and beside the ends of the row before carried past a page break.
    [InlineData("pdftotext-label-between-pieces-00096.txt")]
    [InlineData("pdftotext-total-between-pieces-00153.txt")]
    [InlineData("pdftotext-label-beside-one-cell-00194.txt")]
    [InlineData("pdftotext-ends-past-page-00254.txt")]
    // Ends past a page break that the next page lays out under other cells of the row ("4" under 219, not 182).
    [InlineData("pdftotext-ends-past-page-shifted-00262.txt")]
    // An end past a page break between two rows ("…400  222" / page / "2" / "…6  81"), set in neither's column: the row
    // above needs it (2222), the row below adds up without it (81). It was read as the row below's head (281).
    [InlineData("pdftotext-ends-past-page-over-next-row-00321.txt")]
    // A cell centred on its row over the end of the number before it ("10" over "4件" over "件").
    [InlineData("pdftotext-centred-cell-beside-unit-00051.txt")]
    // A reason's number with its point typed as a character ("2和其他法律…") or as a space ("5 要求" over "行政机" in a
    // narrow column): the row's numbering, not a cell of the row above or a row of its own.
    [InlineData("browser-print-numbering-point-typed-00044.txt")]
    [InlineData("pdftotext-numbering-point-spaced-wrapped-00010.txt")]
    // "1,27" joined with its end reached the column of "981": the numbers stay apart ("981  105件", not "981105件").
    [InlineData("pdftotext-joined-end-reaches-next-column-00140.txt")]
    // A row at three heights: "3.要求提供公开出版  34  204  242" over "（五）不予  /  4  /  /" (a piece of the group's
    // label beside the cells that did not wrap) over "物  件  件  件".
    [InlineData("pdftotext-group-piece-beside-cells-00063.txt")]
    // Every cell of a row wrapped, its ends past a page break laid out under other columns: paired in order.
    [InlineData("pdftotext-ends-past-page-in-order-00006.txt")]
    // Table 四 with no proceeding, every cell "-": a row of zeros, not the rule under a header.
    [InlineData("markdown-table-four-dashes-00013.md")]
    // A group printed as one row, its label wrapped over its last word ("（五）不予处  0 0 …" over "理"), under a
    // reason's wrapped label ("…仍不明" / "确"): the group, not that reason a second time.
    [InlineData("boxdraw-group-row-over-its-last-word-00138.txt")]
    // Ends under other columns than their numbers' ("（七）总计  164  1,55 … 3,51" over "3  6  件  件  件  5件"): every
    // ordered way of giving them out that adds up reads the same values.
    [InlineData("pdftotext-ends-shifted-by-label-00078.txt")]
    // A label between its cells' two lines, each opening with a piece of the group's label ("三、本  1,44 … 230" /
    // "（一）予以公开  440 …" / "年度办  9件 … 5件").
    [InlineData("pdftotext-label-between-pieces-beside-group-00086.txt")]
    // A page's first line at its left edge ("年度办 … 6", the end of the cut row above): still the page's head.
    [InlineData("pdftotext-page-head-at-left-edge-00047.txt")]
    // The same three heights as 00063, under a row whose unit wrapped alone ("件" under "14"): the sums decide.
    [InlineData("pdftotext-group-piece-beside-cells-under-unit-00215.txt")]
    // A label with a stray space before "无" at a line's end ("1.申请人 无" over "正当理由逾期…"): a word, not a cell.
    [InlineData("pdftotext-spaced-label-before-wu-00238.txt")]
    // A cell set a line higher beside its row's long label, over the cell "无" below it in one column
    // ("四、结转下年度继续办理  146 件" over "无  39 件 … 215 件"): it was glued on as "146无" (146 and 0, wrong, with
    // balance errors); the columns cannot order the two, the balance does (0 and 146).
    [InlineData("pdftotext-cell-stacked-over-wu-00164.txt")]
    // Table 四's narrow cells set against each other ("0-  00 - 00", "0  0 -0  0"): a dash was lost or read as "-0".
    [InlineData("pdftotext-table-four-dash-glued-00140.txt")]
    [InlineData("pdftotext-table-four-dash-glued-00206.txt")]
    // A reason's numbering with a space for its point, its words wrapped two characters in ("2 申请" over "人逾期"):
    // the "2" was read as the row's one cell (a duplicate row, null).
    [InlineData("boxdraw-numbering-point-spaced-wrapped-00249.txt")]
    // The same numbering with the row's cells beside its two words ("5 要求  288 件  12 件 …" over "行政机").
    [InlineData("pdftotext-numbering-point-spaced-beside-cells-00097.txt")]
    // A total's end at the next page's head after a unit that wrapped alone ("件  0件" under "… 168  163"): 1630.
    [InlineData("pdftotext-end-past-page-beside-unit-00024.txt")]
    // A cell misread as a letter after a "无" that follows the label ("…申请数量  无  I  无 …"): the "无" was taken for a
    // word of the label, the row short of a cell (null); now the row is read, "I" null with its own error.
    [InlineData("pdftotext-misread-cell-after-wu-00141.txt")]
    // A dash set against the unit before it ("20 件-  3件"): the unit and dash were read as a label.
    [InlineData("pdftotext-dash-against-unit-00199.txt")]
    // A row at two heights whose ends stand between two of its numbers ("8件" under "256" and "1,57"): given out in order.
    [InlineData("pdftotext-end-between-two-heights-00109.txt")]
    // A long title set justified and wrapped ("…市场监督管理局" and "2022 年政府信" at the line's two ends, over
    // "息公开工作年度报告"): long only by its spaces, the line was taken for prose and the report refused (no agency).
    [InlineData("pdftotext-title-justified-wrapped-00239.txt")]
    // Rows at three heights: wrapped cells' heads beside the label, short cells alone on the next line, the heads' ends
    // beside the label's last words ("…内容仍  993 … 15  101" / "3件  0  3件  2件" / "不明确  件 … 件  6件"): total 101, error.
    [InlineData("pdftotext-row-at-three-heights-00235.txt")]
    // The same, its label opening with a numbering whose point is a space ("5 属于三类内部事务  16 … 20"): read in printed order.
    [InlineData("pdftotext-three-heights-numbering-spaced-00171.txt")]
    // A cell of （七）总计 set a line higher, at a page's head ("1,198" over "（七）总计  2,460  159 …"): it was joined to the row
    // above, whole without it (eight cells, null, a false error); it stays apart, and the rules give the total row's cell.
    [InlineData("pdftotext-cell-above-total-past-page-00038.txt")]
    // Table 四 as a staircase past a page break ("—  —  —  4" at the left over "4  2  —  3 …" from under that 4): any
    // interleaving adding up left four cells open; a cell standing clear left of another comes first.
    [InlineData("pdftotext-table-four-staircase-by-columns-00011.txt")]
    // A number with its unit a line above its row ("34 件" over "（六）其他处理  27 件 …") took the piece below as its end
    // ("2605", （七）总计's wrapped cell): 342605, and the total row null. A number that has its unit has ended.
    [InlineData("pdftotext-cell-with-unit-not-continued-00158.txt")]
    // A browser's print with table 三's labels in narrow columns: a row at two heights around its numbering ("保护第三方合
    // 0" / "4." / "法权益  0 - 0 1 0 1"), whose six cells went to the next row ("法权益" taken for a group's piece:
    // silently wrong); a group's pieces one space before its rows' labels; a page break inside a row; "（六）其他" over
    // "处理  /  0  / …", read as 3.其他.
    [InlineData("browser-print-narrow-labels-00217.txt")]
    [InlineData("browser-print-narrow-labels-00240.txt")]
    // WeasyPrint's print (real/pingtan-2021-weasyprint-layout.txt): a row's numbers centred between its label's two lines, a
    // group printed as one row so ("（四）无法提" / "-  0  0 …" / "供", unknown, with three false errors), and a group's pieces
    // beside its first row's lines across the numbers ("（五）不予 1)信访举报" / numbers / "处理 投诉类申请", unknown).
    [InlineData("weasyprint-layout-group-centred-on-numbers-00090.txt")]
    // WeasyPrint -raw: a row's numbers after its label, then the next row's numbers at the page's foot and its label at the
    // next page's head ("0 0 0 0 0 - 0" / "- 0 0 0 / 0 0" / "\f2.申请人逾期未按收费…"): the two lines were joined into one
    // row of fourteen, and 2.申请人逾期未按收费通知… was missing.
    [InlineData("weasyprint-raw-numbers-before-label-at-page-break-00141.txt")]
    // A label in a column four characters wide over seven lines, six above its numbers ("（二）部" … "，不计其" / "他情形）  0 …"):
    // only five were kept, the numbering was lost, and （二）部分公开 was missing.
    [InlineData("browser-print-narrow-label-over-seven-lines-00137.txt")]
    // A browser's print that holds a row's numbers below the next row's first line, in narrow label columns: "4.保护" /
    // "第三方合" / "法权益" / "5.属于" / numbers / "三类内部" / "事务信息  0 0 …". The numbers were read again as 5.'s
    // (duplicate_row) and 4. was missing; where several rows are so, table 三 was refused as scrambled. 5.'s label goes
    // on over lines of its own before its numbers, and the numbers are 4.'s, whose label has none.
    // pdftotext -raw of a Word-like PDF whose numbers wrap in narrow cells: each end right after its cell, in the order
    // the PDF draws them ("（七）总计" / "1,48" / "6" / "1,44" / "0" / "243 63 165 401" / "3,79" / "8"): ten numbers, read
    // as extra cells (an error); with no thousands separator ("374" / "7" / "943 … 722" / "6,23" / "4"), table 三 was
    // refused as scrambled. Each end joins the cell before it when the row then adds up.
    [InlineData("pdftotext-raw-ends-after-their-cells-00149.txt")]
    [InlineData("pdftotext-raw-ends-without-separator-00095.txt")]
    // The same PDFs' narrow cells each a line of its own ("（七）总计" / "-" / "0" / "/" / "0" …): a zero mark alone on its
    // line was read as a label ("（七）总计-", a cell short; most rows so: table 三 refused as scrambled), and a page's last
    // cell taken for its number. In table 二, "34" / "-3" / "/" is three cells, but "本年增" / "/" / "减" a heading. The
    // date in pieces ("2022" / "年" / "1" / "月" / "13" / "日") was not found.
    [InlineData("pdftotext-raw-cells-one-to-a-line-marks-and-date-in-pieces-00311.txt")]
    [InlineData("pdftotext-raw-table-two-marks-and-heading-slash-00059.txt")]
    // -raw of a report whose cells carry units, its wrapped cells' units a line of their own after the number ("3994" / "件" /
    // "1,227 35 件 297 件 296 37 件" / "5886" / "件"): the lone 件 was read as a label, and the row as one cell.
    [InlineData("pdftotext-raw-unit-alone-after-its-number-00084.txt")]
    [InlineData("pdftotext-raw-unit-alone-after-cut-number-00141.txt")]
    // -raw of a row whose label wraps above its cells, the first a zero and the rest "无" ("5.属于三类" / "内部事务信" / "息" /
    // "0 无 无 无 无 无 无"): the 0 was read as the numbering of a label, and the row as six cells (an error).
    [InlineData("pdftotext-raw-zero-then-marks-under-wrapped-label-00540.txt")]
    // -raw of a report whose cells carry units: a wrapped number's end with its unit on a line of its own ("327" / "9 件" /
    // "1,23" / "2 件": 3279件 and 1,232件), read as extra cells; and a line of the units of cells that wrapped only their
    // unit, with a cut number's end among them ("… 144 1,54" / "件 件 件 件 2 件"), which left the row unknown.
    [InlineData("pdftotext-raw-end-and-unit-on-their-line-00278.txt")]
    [InlineData("pdftotext-raw-units-line-with-an-end-00079.txt")]
    // pdftotext -layout of a Word table whose zeros are left blank: "2.其他法律行政法规" / "0   0   0           0   0   0" /
    // "禁止公开" holds six numbers, and only the columns say which cell is blank. Rows short of a cell were unknown, and
    // with many such rows table 三 was refused as scrambled. The rows of a page that hold all seven cells give the columns.
    [InlineData("pdftotext-blank-cells-placed-by-columns-00153.txt")]
    [InlineData("pdftotext-blank-cells-across-page-break-00001.txt")]
    // A row's Chinese label moves its numbers a character against the whole row's columns ("1    0" under "/     -").
    [InlineData("pdftotext-blank-cells-moved-by-label-00566.txt")]
    // A row that pdftotext set apart from every grid ("0   /   0   -", a page's head off the other rows' columns): all its
    // printed cells are zero, and the table leaves zeros blank, so it is zero in each column whichever its blanks are.
    [InlineData("pdftotext-blank-cells-zero-row-off-the-columns-00956.txt")]
    // "（六）其他处理  /  (mark)  0  0 …": a row placed with its first cell a mark for none and its second blank. The mark was read
    // as part of the label (a mark after a label counts as a cell only when data follows it, and a blank was none).
    [InlineData("pdftotext-blank-cells-after-first-mark-00030.txt")]
    // Table 二 of such a table: "行政许可                                0              538" under a heading of three columns,
    // "规章   3                              12", and "行政强制" alone under a heading of one. A row short of cells is placed
    // by a whole row of its own sub-table (or of sub-tables as wide above and below it, which must agree); a label alone
    // with no numbers beside it left its one cell blank. Such rows were missing or read as extra cells.
    [InlineData("pdftotext-active-blanks-first-column-00000.txt")]
    [InlineData("pdftotext-active-blanks-middle-column-00056.txt")]
    [InlineData("pdftotext-active-blanks-label-alone-00221.txt")]
    // "规章        -      0" over "行政规范性文件  0      1": each row of the sub-table lacks a cell, so none places the other.
    // Their cells together cover the heading's three columns, one run of positions each.
    [InlineData("pdftotext-active-blanks-no-whole-row-00439.txt")]
    // LibreOffice's text of a Word report: each cell a line, a blank cell an empty line, a content control's prompt as
    // its text ("规章" / "-" / "" / "0", "单击或点击此处输入文字。"). The empty lines were dropped and the prompts read as
    // labels: rows short of cells, table 三 refused as scrambled, false errors on reports that add up.
    [InlineData("text-libreoffice-prompts-00000.txt")]
    [InlineData("text-libreoffice-blank-lines-00003.txt")]
    [InlineData("text-libreoffice-blank-lines-2019-00001.txt")]
    // pdfplumber's text: "2.其他法律行政法规禁公开  0 0 0 0 1 0 1" (a character dropped) / "（三）不予公开" / "0 0 0 0 0 0 0" /
    // "3.危及“三安全一稳定”". The group row between its reasons was taken for a collapsed group, so the misprinted row
    // found no row of the template to be, and 3. lacked its numbers: two rows missing.
    [InlineData("text-pdfplumber-misprint-beside-group-row-00133.txt")]
    // pdftotext without -layout of a PDF whose digits are in Word's Latin font starts a line at each change of font: the
    // title in four pieces ("…交通运输局" / "2021" / "年政府信息公" / "开工作年度报告"), refused for naming no agency when only
    // three were joined; each reason's digit over its label ("1" / ".属于国家秘密"), read as a cell.
    [InlineData("pdf-plain-latin-digits-title-in-four-00015.txt")]
    [InlineData("pdf-plain-latin-digits-numbering-apart-00004.txt")]
    // A page break after "（一）予以公开 … 439 1,69" (pdftotext -raw): the next page's repeated heading, then "年度办" /
    // "理结果" / "6", the end of 1,696, read as one label with the heading's words and not taken for the heading.
    [InlineData("pdf-raw-thousands-end-after-heading-00021.txt")]
    // mutool: the rest of a label cut by a page break, after the repeated heading, in one block with "3.其他".
    [InlineData("mutool-label-rest-after-repeated-heading-00045.txt")]
    // pdftotext -layout: table 二's heading wrapped over three lines, its own line naming one column of three; a row with a
    // blank cell was read as two cells of three.
    [InlineData("pdftotext-browser-print-table-two-heading-wrapped-00040.txt")]
    // pdftotext -layout of a PDF LibreOffice printed from a web page: "行政许可  91  /" over "其他对外管理服务事项  31  5  204".
    // The short label made the row look like a wrapped number's first pieces, and "91" was joined to "31" ("9131").
    [InlineData("pdftotext-unruled-active-blank-under-short-label-00015.txt")]
    // Table 四 of such a table: one row of fifteen cells lacking its blanks ("4   0    0   0  4     2  0         2 …").
    // The table's sums place a row of zeros ("/    -  0  0  / 0   0 …", narrow columns a space apart), and a row whose
    // headings (each character of 结果维持 … 总计 stacked over its column) were cut by a page break ("0   3    0  0  3    0 0 0
    // …": one placing adds up); the stacked headings place the others, every cell a like distance off its heading
    // ("2  0         2" under 结果维持, 结果纠正 and 总计, not 结果纠正, 其他结果 and 总计). Such rows were unknown
    // ("表四只有 12 个数").
    [InlineData("pdftotext-review-blanks-zeros-00092.txt")]
    [InlineData("pdftotext-review-blanks-headings-cut-by-page-00058.txt")]
    [InlineData("pdftotext-review-blanks-under-headings-00193.txt")]
    [InlineData("browser-print-held-numbers-label-goes-on-00153.txt")]
    [InlineData("browser-print-held-numbers-beside-group-pieces-00066.txt")]
    // Table 四 all "无" at two heights, two of them glued ("无无") and two more under the row: the glued pair was dropped
    // from the row and the two below glued to a cell ("无无" again), 13 of 15 cells.
    [InlineData("pdftotext-table-four-zero-marks-glued-00151.txt")]
    // Run-together text with "8，于行政查询事项": the reason's numbering with a comma for its point and 属 dropped; the 8
    // was read as the row above's 总计.
    [InlineData("stream-comma-numbering-first-word-dropped-00286.txt")]
    // A row at three heights ("1.信访举报投诉类申  19  24  18" / "5件  -  O  66" / "请  件  件  件") whose zero is typed
    // as the letter O: the O was no cell to the joining of the heights, and the row was left null.
    [InlineData("pdftotext-three-heights-letter-o-00185.txt")]
    // "（六）其他处理/    2  …": the first cell, a slash for zero, set against the label's last word. The row read as
    // six cells and an unknown label; 3.其他 of the 2019 template was missing.
    [InlineData("pdftotext-zero-mark-against-label-00474.txt")]
    [InlineData("pandoc-markdown-of-docx-escaped-zero-marks-00000.md")]
    [InlineData("markdown-circled-numbering-blank-row-00123.md")]
    [InlineData("markdown-chinese-numbered-other-blank-row-00174.md")]
    [InlineData("html-hanweb-gbk-invisible-entities-00038.html")]
    [InlineData("text-boxdraw-invisible-characters-00143.txt")]
    [InlineData("browser-print-first-cell-against-label-00004.txt")]
    [InlineData("browser-print-two-cells-beside-label-start-00134.txt")]
    [InlineData("browser-print-numbering-on-second-line-00104.txt")]
    // node-html-markdown's padding: "| 3.其他 | 0 | 2 | 0 | 0 | 0 | 0 | 2 |  |" read as 2, 0, 0, 0, 0, 2, 0 (its leading 0 dropped).
    [InlineData("markdown-spanless-padded-row-00167.md")]
    // The padding beside blank zeros and blank totals: "| 6.属于四类过程性信息 |  | 22 | 0 | 1 | 0 | 0 |  |  |" reads as 0, 22, …
    // with its total left blank, or as 22, 0, … with a zero and its total blank; the total row decides.
    [InlineData("markdown-spanless-blank-totals-00504.md")]
    // pdf-parse's text of a PDF read without layout: "- \t1 \t-" and "-- 1 of 3 --" between the pages. The page's
    // number ended table 二's row: 行政许可 read 0 (its 556 a row of its own), silently.
    [InlineData("pdf-parse-page-marks-00109.txt")]
    // node-html-markdown's rule under table 四's header leaves a column no cell fills empty: read as a row of "-" zeros.
    [InlineData("nhm-of-hanweb-page-rule-empty-cell-00001.md")]
    // A blank 总计 beside a group printed as one row with its total: the blank adds up only with the group counted.
    [InlineData("markdown-blank-totals-beside-collapsed-group-00186.md")]
    // Zeros written "-", "/" or nothing among cells run together, numbers with thousands separators (html-to-text's
    // kind): marks glued to digits were labels, a blank was never a reading (二、上年结转 read 149, 4, 9, 2, 60, 22, 246
    // for 149, 49, 26, 0, 22, blank, 246), table 二 read one way where a blank makes it two, "561,067" one number.
    [InlineData("text-stream-vanishing-zeros-00180.txt")]
    [InlineData("text-stream-vanishing-zeros-00145.txt")]
    [InlineData("text-stream-vanishing-zeros-thousands-00449.txt")]
    // A reason's comma numbering before its words with a stray space in them ("…00000002，重 复申请"): the "2" was
    // read as a cell of the row before, which then added up no way.
    [InlineData("text-stream-comma-numbering-spaced-words-00040.txt")]
    // Tables as a grid, a merged cell's number repeated in each column it spans (docling, pandas' read_html):
    // "行政许可 | 2,953 | 2,953 | 2,953" and 2019's "政府集中采购 | 0 | 341.75 | 341.75" had too many cells, unknown with an error.
    [InlineData("markdown-grid-spans-repeated-00221.md")]
    [InlineData("markdown-grid-spans-repeated-00222.md")]
    // Totals left blank (the Shanghai form) and a zero written blank in a row of eight cells: "（一）予以公开 |  | 0 | 1 | 0 |
    // 0 | 0 | 1 |  |" adds up as printed from its first blank (a blank zero, 总计 1) and with its total left blank (总计 2);
    // the first was taken, and the total row was wrong in four columns.
    [InlineData("markdown-crawler-pipes-blank-total-or-blank-zero-00066.md")]
    // A zero mark glued to a number with thousands separators among cells run together ("…1,17902702-1,208" for
    // 1,179, 0, 27, 0, 2, -, 1,208): "-1,208" was no count, the row unknown, and with it the column rules left seven
    // rows of table 三 with several readings (35 cells null, with errors).
    [InlineData("text-stream-zero-mark-before-thousands-00466.txt")]
    // A label wrapped right before its 、 with the row's first cell between its lines ("1.申请人无正当理由逾期不补正" /
    // "3" / "、行政机关不再处理其政府信息公"): "3、行政机关…" was read as a numbered label, and table 三 lost 29 cells.
    [InlineData("pdf-plain-first-cell-before-comma-wrap-00335.txt")]
    // pdftotext -layout of table 二 with zeros left blank and no whole row to place a short one: "行政事业性收费  0" alone under
    // 上一年项目数量 and 本年增/减 was unknown (an error); a row of zeros is zero in every column.
    [InlineData("pdftotext-table-two-zero-row-blanks-00214.txt")]
    // A browser's print with a narrow label column, a row's numbers held below the next label's first line ("7.属于" /
    // "和政执法" / "案卷" / "8.属于" / numbers / "行政查询" / "事项  0 0 …"), the passed label misprinted: the numbers were
    // taken for 8.'s, 8. was read twice and 7. was missing (two errors). A label that carries the row's numbering and is
    // like its words is that row, with the misprint's warning.
    [InlineData("browser-print-held-numbers-misprinted-label-00057.txt")]
    // The same with the longest labels: 1.申请人无正当理由逾期不补正… wrapped over nine lines four characters wide, its
    // numbers held below "2.申请", then 2.'s eight lines more. Only eight label lines were kept, so 1.'s first line was
    // forgotten: its numbers were taken for 2.'s, 2. read twice and 1. missing (two errors).
    [InlineData("browser-print-held-numbers-long-label-00605.txt")]
    // Held numbers below "3.危及“三", whose label ends on a line of its closing quote alone ("安全一稳定" / "”  -  0 …"): the
    // quote is no word, so 3. was not seen to go on below them; they were taken for 3.'s, and 2. was missing, 4. twice.
    [InlineData("browser-print-held-numbers-label-ends-in-quote-00531.txt")]
    // A group's merged label spaced out to its cell's width and glued to the row's label ("（ 五 ） 信访举报投  0" / "1." /
    // "不 予 处诉类申请  -  0 …" / "理2.重复申"; "（ 三 ）1.属于国家" / "不 予 公秘密  0 …" / "开2.其他法律"): "理" and "开" were
    // taken for the label's, which then started no row, and a row was read twice, another missing (two errors each).
    [InlineData("browser-print-spaced-group-pieces-00010.txt")]
    [InlineData("browser-print-spaced-group-pieces-glued-00152.txt")]
    // An office that types no zeros, its PDF read by pdftotext -layout: table 三's second and third pages hold no row of
    // all seven cells ("23   161      14     198"), and the nearest whole rows, a page above and below, were laid out a
    // few characters apart: they placed the rows differently, and nine rows were short of cells (nine errors).
    [InlineData("pdftotext-zeros-typed-as-nothing-00005.txt")]
    // The same office's other reports, no zero typed nor marked: a row of zeros is its label alone, wrapped over five
    // lines ("2.其他" / "法律行" / … / "开": missing rows), and tables 三 and 四 of an office without applications, reviews or
    // suits hold no number at all (the report was refused as having no table 三; table 四 was an error).
    [InlineData("pdftotext-no-zeros-typed-no-applications-6161-00009.txt")]
    [InlineData("pdftotext-no-zeros-typed-6161-00052.txt")]
    // One more: table 二's rows of zeros print their labels alone under three headings ("规章", "规范性文件"; missing rows).
    [InlineData("pdftotext-no-zeros-typed-6161-00018.txt")]
    // The 2019 template's sub-tables of one row under two headings, the first cell blank: "行政事业性收费     5" under
    // "上一年项目数量   本年增/减", "政府集中采购     670.17" under "采购项目数量   采购总金额". No whole row of the sub-table
    // places the cell (two errors); the heading it stands under, well nearer than the other, does.
    [InlineData("pdftotext-two-column-subtable-blank-7272-00004.txt")]
    // A crawler's text of a page that leaves its zeros blank (saved decoded twice): rows of table 三 printed blank leave
    // their labels alone, run into the next row's. The next row's label is misprinted ("2.重复申请3.要求提供开出版物000/0/0"),
    // or is a group printed as one row ("4.无正当理由大量反复申请5.要求行政机关确认或重新出具已获取信息（六）其他处理0-000"): the
    // numbers were read as the first blank row's, the rows after it missing. Now each blank row is zeros, and the numbers
    // go to the misprinted row (placed as any misprinted label) or to the group.
    [InlineData("stream-blank-row-before-misprinted-label-00014.txt")]
    [InlineData("stream-blank-rows-before-group-row-00029.txt")]
    // Table 三 on a grid of one column more ("| 零 | 1 | 零 | 零 | 1 | 1 |  | 3 |"), its counts written as people write them
    // ("12件", "零"): only seven rows held three figures, too few to take the grid for table 三's, and the surplus slot stayed;
    // a first cell dropped instead read rows that add up, wrong (balance errors). Counts with units and 零 now count.
    [InlineData("markdown-split-column-people-numbers-4711-00782.md")]
    // Table 三 as a PDF converter writes it: pipe rows of the cells it read as a grid, the labels that wrapped in their
    // narrow cells apart as lines of text near, but not always before, their rows ("4.无正当理由大量反复" / "申请" over the
    // numbers of the row before it). Each row of numbers alone took the label lines above it: rows read twice, wrong or
    // missing (unrecognised_row and missing_row errors). Now such a row takes no label from the text: its order places it.
    [InlineData("markdown-labels-apart-515-00005.md")]
    [InlineData("markdown-labels-apart-2019-template-515-00024.md")]
    // The same, with a group printed as one row in the grid ("| （三）不予公开 | 0 | 1 | … |"): the rows of numbers alone
    // before and after it were placed between the rows that carry labels, across the group, and were too few (four errors).
    // The group's row bounds them now: before it the rows before its reasons, after it the rows after.
    [InlineData("markdown-labels-apart-collapsed-group-4242-00187.md")]
    // A converter's pipe table that writes only the page's cells, each row padded at its end to the widest (node-html-markdown),
    // zeros left blank, and a row the report got wrong ("| 四、结转下年度继续办理 |  | / | - | 7 |  | 0 | 0 |  |": its 总计
    // does not hold the 7 wherever the 7 stands). The row adds up in none of its sevens, so which blank is its own and which
    // the converter's cannot be told: the 7 was read as though the blank at its start were padding, a guess. The cells its
    // sevens differ on are now null, with an extra_cells error that gives the readings. (Where a row of the table begins
    // with blank slots of merged labels, the blanks after a label are such slots, and the row is read as laid out.)
    [InlineData("markdown-padding-in-doubt-9090-00813.md")]
    // Table 三 on a grid of one column more (其他 split in two, its second slot empty in every row), zeros left blank: most
    // rows hold one or two numbers ("| ３ |  |  |  |  |  |  | 3 |"), too few rows held three to take the grid for table 三's,
    // and each row of eight was read alone. Its lone 1 of 法律服务机构 went to 社会公益组织 in three rows ("8.属于行政查询事项"
    // by the one edge a row can drop; "二、上年结转" and "（七）总计" as a number "wrapped" into the empty cell before it), the
    // columns still balancing: silently wrong. Rows with any number now find the empty slot; and a wrapped number's end is
    // never joined to an empty cell (that only moves the number).
    [InlineData("markdown-split-column-zeros-blank-9191-00002.md")]
    // The same grid with every merged cell repeated ("| 0 | 0 |" for 其他 and its slot), in a table of mostly zeros: 社会公益组织
    // and 法律服务机构 repeat the column before them in every row too, so which slot is the surplus was left open (eight
    // extra_cells errors). The header row names it ("其他 | 其他", where each real column has a name of its own).
    [InlineData("markdown-grid-split-column-alike-columns-9191-00169.md")]
    // The slot after 自然人, under a converter's header that names every slot ("数据1 … 数据8") and the page's own header rows
    // ("自然人 |  | 法人或其他组织", "|  | 商业企业 | 科研机构 | …"): moving commercial's numbers into the slot adds up as well, so
    // the rows cannot tell; the page's header rows name every real column but leave the slot unnamed. ("数据2" names nothing.)
    [InlineData("markdown-split-column-generic-header-9191-01121.md")]
    // Each row padded at its end (node-html-markdown) in a table that leaves 总计 blank in its result rows and its zeros too:
    // no row stood at seven cells, so the blank totals went unseen, and rows whose only seven adding up fills a blank total
    // were left unknown (the padded row in doubt above). The padding each row certainly has is set aside first now.
    [InlineData("markdown-spanless-totals-blank-9191-00944.md")]
    // pdftotext -raw of a PDF whose title box is drawn inside table 三 and wraps inside the agency's name ("定西市" /
    // "交通运输局 2020 年政府信息公开工作年度报告"), no signature: the agency was read as 交通运输局, of no region, with a
    // warning only (silently wrong). A title found past section 一 is completed from the line above, as a head's is.
    [InlineData("pdftotext-title-box-wrapped-in-name-3131-00030.txt")]
    // pdftohtml's XML cuts a number's run where the PDF changed the font ("430" / ".9" / "1", no gap between them):
    // a space between them made table 二's fee "430 .9 1", a row of numbers without a label (an error).
    [InlineData("pdftohtml-xml-runs-cut-at-font-7272-00002.xml")]
    public void Generated_reports_of_these_kinds_read_as_expected(string fixture) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), fixture));

    // A small office that types no zeros, its PDF read by pdftotext -layout: every row of table 三 holds two or three cells
    // ("11    3     14", "1   …   1"), so no row of seven places another, and the columns the cells cover are three, not
    // seven (the table was refused as scrambled). Each row is now read in every placing of its cells with blanks between
    // them: the column rules fix some rows (the cells_placed warning), and leave the others with several placings, whose
    // cells that differ are null with an error that gives the placings. Never a guess: every cell read is right.
    // An office that leaves its zeros blank and types "-" and "/" for some (00069, no application, its marks scattered
    // over lines of wrapped labels) prints no "0" at all: it is read so too, though its marks are no zero typed (before,
    // 28 of 206 cells: the table was refused as scrambled).
    [Theory]
    [InlineData("pdftotext-no-zeros-typed-few-columns-6161-00000.txt", true)]
    [InlineData("pdftotext-zeros-typed-as-nothing-marks-kept-6161-00069.txt", false)]
    public void Rows_of_few_cells_that_no_column_places_are_read_by_the_column_rules_or_left_unknown(string fixture, bool placed)
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), fixture);
        var reading = RealReports.Read(File.ReadAllBytes(path), fixture);
        var expected = RealReports.Flatten(JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject());
        var read = expected.Where(kv => kv.Key.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(kv.Key) is not null).ToList();
        read.Where(kv => !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ShouldBeEmpty();
        read.Count.ShouldBeGreaterThan(100);
        if (placed) reading.Findings.ShouldContain(f => f.Rule == "cells_placed" && f.Severity == Severity.Warning);
        var unknownRows = expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null)
            .Select(k => k.Split('.')[1]).Distinct().ToList();
        unknownRows.ShouldNotBeEmpty();
        foreach (var row in unknownRows) reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Row == row, row);
    }

    // Text in drawing order (pdftotext -raw of a LibreOffice print) keeps no trace of a blank cell: 13 rows of table 三 hold
    // fewer than seven numbers, each beside its own label, in the template's order. The table was refused whole, saying its
    // labels and numbers were scrambled, which they were not; each short row is now unknown on its own, with its reason,
    // and the rows printed whole are read. Never a guess: every cell read is right.
    [Fact]
    public void Rows_short_of_blank_cells_in_text_without_layout_are_unknown_each_and_the_whole_rows_read()
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), "pdftotext-raw-blank-cells-lost-7272-00015.txt");
        var reading = RealReports.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        var expected = RealReports.Flatten(JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject());
        reading.Findings.ShouldNotContain(f => f.Rule == "table_scrambled");
        var read = expected.Where(kv => kv.Key.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(kv.Key) is not null).ToList();
        read.Where(kv => !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ShouldBeEmpty();
        read.Count.ShouldBeGreaterThan(80);
        var unknownRows = expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null)
            .Select(k => k.Split('.')[1]).Distinct().ToList();
        unknownRows.ShouldNotBeEmpty();
        foreach (var row in unknownRows) reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Row == row, row);
    }

    // The real hongze-2024 pdftotext -layout text, its zeros typed as nothing: on table 三's first page every zero, on its
    // second the rows all of zeros. Rows then print their label alone ("1.属于国家秘密", "2.其他法律行政止公开", "（六）其他处理")
    // and were missing (fifteen errors); "3.危及“三安全一稳定”  1 … 1" is placed by the whole rows of its own page.
    [Fact]
    public void Rows_whose_zeros_are_typed_as_nothing_read_as_zeros()
    {
        var original = File.ReadAllText(RealReports.File("hongze-2024-layout"));
        var lines = original.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains("1.属于国家秘密", StringComparison.Ordinal));
        var footer = Array.FindIndex(lines, start, l => l.Trim() == "-3-");
        var end = Array.FindIndex(lines, footer, l => l.Contains("四、结转下年度继续办理", StringComparison.Ordinal));
        var blanked = 0;
        for (var i = start; i <= end; i++)
        {
            var numbers = Regex.Matches(lines[i], @"(?<=\s)\d+(?=\s|$)");
            if (numbers.Count == 0 || (i > footer && numbers.Any(m => m.Value != "0"))) continue;
            lines[i] = Regex.Replace(lines[i], @"(?<=\s)0(?=\s|$)", " ");
            blanked++;
        }

        blanked.ShouldBeGreaterThan(15);
        var baseline = RealReports.Read(Encoding.UTF8.GetBytes(original), "hongze-2024-layout");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "hongze-2024-layout");
        baseline.Cells.Where(kv => !RealReports.Same(reading.Cells.GetValueOrDefault(kv.Key), kv.Value))
            .Select(kv => $"{kv.Key}: want {kv.Value?.ToJsonString()}, got {reading.Cells.GetValueOrDefault(kv.Key)?.ToJsonString()}").ShouldBeEmpty();
        reading.Findings.Select(f => $"{f.Severity} {f.Rule}").Order().ShouldBe(baseline.Findings.Select(f => $"{f.Severity} {f.Rule}").Order());
    }

    // Tables that print their labels and headings and no number are read as zeros, with the warning that the report does
    // not state them (rule 9), as a blank HTML or DOCX table is: not refused, and not unknown.
    [Fact]
    public void Tables_three_and_four_without_a_number_are_blank_tables()
    {
        var reading = Generated("pdftotext-no-zeros-typed-no-applications-6161-00009.txt");
        reading.Parse.Rejection.ShouldBeNull();
        var blank = reading.Findings.Where(f => f.Rule == "table_blank").Select(f => f.Message).ToList();
        blank.ShouldContain(m => m.StartsWith("表格「三、收到和处理政府信息公开申请情况」各格均为空白", StringComparison.Ordinal));
        blank.ShouldContain(m => m.StartsWith("表格「四、政府信息公开行政复议、行政诉讼情况」各格均为空白", StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    // mutool's text of a browser's print: each row ends with an empty line, and a blank cell is left out. Read as
    // LibreOffice's cells-a-line form (an empty line a blank cell), "规章" / "0" / "5" / "" was 0, 5, 0, and 现行有效件数
    // silently 0 where the page has 5. Every cell is now the page's, or null beside an error.
    [Fact]
    public void Mutools_empty_lines_after_rows_are_no_blank_cells()
    {
        const string Name = "mutool-browser-print-rows-end-with-empty-lines-00016";
        var reading = Generated(Name + ".txt");
        reading.Parse.Rejection.ShouldBeNull();
        reading.Parse.Layout.ShouldNotBe("text-paragraph-cells");
        var page = RealReports.Flatten(JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), Name + ".page.json")))!.AsObject());
        page.Where(kv => kv.Key is not ("region_code" or "layout") && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: want {kv.Value?.ToJsonString()}, got {reading.Cells[kv.Key]?.ToJsonString()}")
            .ShouldBeEmpty();
        if (page.Keys.Any(k => reading.Cells.GetValueOrDefault(k) is null && page[k] is not null)) reading.Findings.ShouldContain(f => f.Severity == Severity.Error);
    }

    // A tool's text of a portal page must raise what the page raises, warnings included: html2text's line of spaces after a
    // table's last row ran the next section's heading into the next table's first row, and sections 三 and 四 were reported
    // missing on a report that holds them (every cell still right).
    [Theory]
    [InlineData("pingtan-2019-html2markdown", "pingtan-2019-portal")]
    [InlineData("pingtan-2024-html2markdown", "pingtan-2024-portal")]
    [InlineData("pingtan-2024-links", "pingtan-2024-portal")]
    [InlineData("pingtan-2025-w3m-nograph", "pingtan-2025-portal")]
    [InlineData("pingtan-2019-crawler-rows", "pingtan-2019-portal")]
    [InlineData("pingtan-2024-crawler-cells", "pingtan-2024-portal")]
    [InlineData("pingtan-2022-nhm", "pingtan-2022-portal")]
    public void A_tool_made_text_of_a_page_raises_what_the_page_raises(string name, string page)
    {
        static List<string> Raised(string fixture) => RealReports.Read(File.ReadAllBytes(RealReports.File(fixture)), fixture).Findings
            .Select(f => $"{f.Severity} {f.Rule} {f.Row} {f.Column}").Order(StringComparer.Ordinal).ToList();

        Raised(name).ShouldBe(Raised(page));
    }

    private static RealReports.Reading Generated(string fixture)
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), fixture);
        return RealReports.Read(File.ReadAllBytes(path), fixture);
    }

    private static JsonObject GeneratedExpected(string fixture) =>
        JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Path.Combine(Fixtures.Dir("Generated"), fixture), ".expected.json")))!.AsObject();

    // A table refused as a whole: each of its cells (keys starting with cellPrefix) null, and one table_scrambled error that says why.
    private static void ShouldRefuseTable(RealReports.Reading reading, string cellPrefix, string messageStart)
    {
        reading.Cells.Where(kv => kv.Key.StartsWith(cellPrefix, StringComparison.Ordinal)).ShouldNotBeEmpty();
        reading.Cells.Where(kv => kv.Key.StartsWith(cellPrefix, StringComparison.Ordinal)).ShouldAllBe(kv => kv.Value == null);
        var scrambled = reading.Findings.Single(f => f.Rule == "table_scrambled");
        scrambled.Severity.ShouldBe(Severity.Error);
        scrambled.Message.ShouldStartWith(messageStart);
    }

    // Cells one to a line are counted (ParagraphCells) only where empty lines stand for blank cells and merged columns:
    // pdftotext -raw sets a narrow table's cells one to a line but drops its blank cells, and counting its lines would
    // take the next row's cells. A label followed by more cells than its row holds is no such text either.
    [Fact]
    public void Cells_a_line_each_are_counted_only_where_empty_lines_keep_the_blank_cells()
    {
        string Layout(string fixture) => Text.PlainTextLayout.Read(File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), fixture))).Layout;
        Layout("text-libreoffice-blank-lines-00003.txt").ShouldBe(Text.PlainTextLayout.ParagraphCellsLayout);
        Layout("pdftotext-raw-cells-one-to-a-line-marks-and-date-in-pieces-00311.txt").ShouldBe(Text.PlainTextLayout.TabRows);
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Dir("Generated"), "text-libreoffice-blank-lines-00003.txt")).ToList();
        lines.Insert(lines.FindIndex(l => l.StartsWith("二、上年结转", StringComparison.Ordinal)) + 8, "5");
        Text.PlainTextLayout.Read(string.Join('\n', lines)).Layout.ShouldBe(Text.PlainTextLayout.TabRows);
    }

    // pdfplumber sets a row's numbers on the line above its label where the label's type stands lower: "（五）不予处理" /
    // "0 0 0 0 0 0 0" / "4.无正当理由大量反复 申请" (real hongze-2024). The group row's numbers are the missing reason's, or a
    // subtotal of the group; the total row less the other rows decides, and is taken only where the group row confirms it.
    [Theory]
    [InlineData("0 0 0 0 0 0 0", true, "与该行印出的数字一致")]
    // A subtotal of the group (1.信访举报投诉类申请 holds 1): the reason is the subtotal less its siblings, 0.
    [InlineData("1 0 0 0 0 0 1", true, "与小计减去同组其他各项一致")]
    // Neither: the group row's numbers are no reading the total row allows, and the reason stays missing.
    [InlineData("2 0 0 0 0 0 2", false, "")]
    public void A_reason_without_numbers_under_a_group_row_with_numbers_is_read_where_the_total_row_confirms_them(string group, bool read, string says)
    {
        var text = File.ReadAllText(RealReports.File("hongze-2024-pdfplumber"));
        const string Printed = "（五）不予处理\n0 0 0 0 0 0 0\n4.无正当理由大量反复 申请";
        text.ShouldContain(Printed);
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text.Replace(Printed, $"（五）不予处理\n{group}\n4.无正当理由大量反复 申请", StringComparison.Ordinal)), "hongze-2024-pdfplumber.txt");
        var excessive = reading.Parse.Report!.Applications.Row("not_processed_excessive") ?? [];
        if (read)
        {
            excessive.Count.ShouldBe(7);
            excessive.ShouldAllBe(v => v == 0);
            reading.Findings.ShouldContain(f => f.Rule == "derived_value" && f.Row == "not_processed_excessive" && f.Message.Contains(says, StringComparison.Ordinal));
            reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        }
        else
        {
            excessive.ShouldAllBe(v => v == null);
            reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "missing_row" && f.Row == "not_processed_excessive");
        }
    }

    [Fact]
    public void Table_fours_headings_with_its_numbers_are_no_row_of_table_three()
    {
        // antiword's text (0.37, its default width) of LibreOffice's .doc of a generated report lost table 三's rows and
        // section 四's heading; table 四's headings came wrapped with its numbers ("|结果纠正 |其他结果 |尚未审结 |总计 | |0 |- …")
        // and were read as （七）总计, the next line of numbers as 四、结转下年度继续办理 by its place: values from table 四
        // beside 23 missing rows. A label with table 四's headings is no row of table 三: table 三 is refused, saying so.
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), "antiword-doc-table-three-lost-00002.txt"));
        var parse = ReportParser.Default.Parse(bytes, new ParseOptions("antiword.txt"));
        parse.Report.ShouldBeNull();
        parse.Rejection.ShouldStartWith("是政府信息公开工作年度报告，但表三（三、收到和处理政府信息公开申请情况）缺失或没有可识别的行");
    }

    [Fact]
    public void A_tab_parted_row_shaped_like_a_page_number_is_a_row_unless_its_tabs_follow_spaces()
    {
        // pdf.js (pdf-parse) puts " \t" between a line's items: "- \t2 \t-" is the page's number. A bare tab parts cells
        // (Word's text export, catdoc): "-\t0\t-" is three cells of a row, and "-- 2 of 5 --" is pdf-parse's page mark.
        static List<string> Rows(string text) => Text.PlainTextLayout.Read(text).Blocks.OfType<Documents.TableRow>().Select(r => string.Join("|", r.Cells)).ToList();
        const string Before = "行政许可\t9487\n行政处罚\t2776\n";
        Rows(Before + "- \t2 \t-\n行政强制\t84\n").ShouldBe(["行政许可|9487", "行政处罚|2776", "行政强制|84"]);
        Rows(Before + "\n-- 2 of 5 --\n\n行政强制\t84\n").ShouldBe(["行政许可|9487", "行政处罚|2776", "行政强制|84"]);
        Rows(Before + "-\t0\t-\n行政强制\t84\n").ShouldBe(["行政许可|9487", "行政处罚|2776", "-|0|-", "行政强制|84"]);
    }

    [Fact]
    public void Padded_rows_that_two_readings_leave_open_are_null_with_the_readings()
    {
        // node-html-markdown pads a group's later rows at their end; with a zero written blank and 总计 left blank,
        // "|  | 5 | 0 | 0 | 0 | 0 |  |  |" is 0, 5, 0, 0, 0, 0 (total 5) or 5, 0, 0, 0, 0, 0 and a blank zero. Two such rows
        // whose fives the total row takes either way: 自然人 and 商业企业 of both stay null, with the readings.
        var text = File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), "markdown-spanless-blank-totals-00504.md"));
        string Swap(string text, string from, string to)
        {
            text.ShouldContain(from);
            return text.Replace(from, to, StringComparison.Ordinal);
        }

        text = Swap(text, "| 2.重复申请 | 1 | 0 | 0 | 7 | 12 | 110 |  |  |", "| 2.重复申请 |  | 5 | 0 | 0 | 0 | 0 |  |  |");
        text = Swap(text, "| 3.要求提供公开出版物 | 35 | 79 | 0 | 35 | 19 | 0 |  |  |", "| 3.要求提供公开出版物 |  | 5 | 0 | 0 | 0 | 0 |  |  |");
        // The two rows held 36, 79, 0, 42, 31, 110 (298); they now hold 5 and 5 (10): new applications and the total row lose the rest.
        text = Swap(text, "| 一、本年新收政府信息公开申请数量 | 237 | 930 | 144 | 226 | 231 | 609 | **2377** |", "| 一、本年新收政府信息公开申请数量 | 206 | 856 | 144 | 184 | 200 | 499 | **2089** |");
        text = Swap(text, "| （七）总计 | 237 | 930 | **136** | 241 | 231 | 563 | 2,338 |", "| （七）总计 | 206 | 856 | **136** | 199 | 200 | 453 | 2,050 |");
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(text), "padded.md");

        foreach (var row in new[] { "not_processed_duplicate", "not_processed_publication" })
        {
            reading.Cells[$"app.{row}.0"].ShouldBeNull();
            reading.Cells[$"app.{row}.1"].ShouldBeNull();
            reading.Cells[$"app.{row}.2"]!.GetValue<int>().ShouldBe(0);
            reading.Cells[$"app.{row}.6"]!.GetValue<int>().ShouldBe(5);
        }

        var errors = reading.Findings.Where(f => f.Severity == Severity.Error).ToList();
        errors.Select(e => e.Rule).ShouldBe(["cells_ambiguous", "cells_ambiguous"]);
        errors[0].Message.ShouldStartWith("表三「（五）不予处理 2.重复申请」印有多于七格，哪七格属于本行（两端的空格或 0 是本行的格还是转换补上的）由本行不能确定，按勾稽关系仍有 2 种读法");
    }

    [Fact]
    public void Table_four_with_a_cell_stacked_over_another_leaves_the_two_orders_cells_null()
    {
        // "无  5件" over "无  无  5件  无  3 …": the 5件 (行政复议's 其他结果) stands over the "无" of 结果纠正 in one column.
        // Read in printed order it gave 0, 5, 0, 0, 5 for 0, 0, 5, 0, 5, silently wrong: both add up. Both cells are null
        // with an error that gives their values; the rest of table 四 is read.
        var reading = Generated("pdftotext-table-four-cell-stacked-00082.txt");
        reading.Cells["rl.review.1"].ShouldBeNull();
        reading.Cells["rl.review.2"].ShouldBeNull();
        reading.Cells["rl.review.4"]!.GetValue<int>().ShouldBe(5);
        reading.Cells["rl.litigation_after_review.3"]!.GetValue<int>().ShouldBe(5);
        RealReports.WrongCells(GeneratedExpected("pdftotext-table-four-cell-stacked-00082.txt"), reading).ShouldBe(["rl.review.1: want 0, got null", "rl.review.2: want 5, got null"], ignoreOrder: true);
        var error = reading.Findings.Single(f => f.Severity == Severity.Error);
        error.Rule.ShouldBe("cells_ambiguous");
        error.Message.ShouldContain("表四「行政复议」结果纠正可为 0 或 5；表四「行政复议」其他结果可为 0 或 5");
    }

    [Fact]
    public void Table_four_printed_as_a_staircase_that_adds_up_in_no_order_is_the_reports_error_its_cells_unknown()
    {
        // pdftotext -layout of table 四 whose cells stand at three heights ("0 0 0 5件 5件  4件 0" / "4件 1件0 0  7" /
        // "0  0  1件"), in a report whose table 四 does not add up (one of its cells raised by 7): in printed order it read
        // wrong cells with two errors. The order is in doubt, so no cell is taken; and since no order of its numbers adds
        // up, the error is the report's own (review_total), not a scramble. Table 三 is read as usual.
        var reading = Generated("pdftotext-table-four-staircase-00234.txt");
        reading.Cells.Where(kv => kv.Key.StartsWith("rl.", StringComparison.Ordinal)).ShouldAllBe(kv => kv.Value == null);
        reading.Cells["app.new_received.6"].ShouldNotBeNull();
        var error = reading.Findings.Where(f => f.Severity == Severity.Error).ShouldHaveSingleItem();
        error.Rule.ShouldBe("review_total");
        error.Message.ShouldContain("无论怎样排列，都不能使各项总计等于前四项之和");
    }

    [Theory]
    [InlineData("1-       6")]
    [InlineData("1/       6")]
    [InlineData("1     -6")]
    [InlineData("1     /6")]
    [InlineData("1     —6")]
    public void A_cell_of_table_three_set_against_a_zero_mark_is_two_cells(string glued)
    {
        // "（七）总计  1  3  1  0  1  /  6" with the "/" (or a dash) against the cell before or after it, as pdftotext sets
        // narrow cells: "1/", "-6". Read as one cell, the mark was lost or the cell was read as a sign ("-6").
        var path = Path.Combine(Fixtures.Dir("Generated"), "pdftotext-table-four-dash-glued-00140.txt");
        var text = File.ReadAllText(path);
        const string Spaced = "1         /       6";
        text.ShouldContain(Spaced);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(Spaced, glued, StringComparison.Ordinal)), "glued.txt");
        RealReports.WrongCells(GeneratedExpected("pdftotext-table-four-dash-glued-00140.txt"), reading).ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Stacked_cells_that_the_arithmetic_orders_are_derived_with_a_warning()
    {
        var reading = Generated("pdftotext-cell-stacked-over-wu-00164.txt");
        reading.Cells["app.carried_forward.0"]!.GetValue<int>().ShouldBe(0);
        reading.Cells["app.carried_forward.1"]!.GetValue<int>().ShouldBe(146);
        reading.Parse.Report!.Derived.ShouldBe(["applications.carried_forward.0", "applications.carried_forward.1"], ignoreOrder: true);
        reading.Findings.ShouldContain(f => f.Rule == "cells_stacked" && f.Severity == Severity.Warning
            && f.Message.StartsWith("表三有 1 行有数印在上一行、与下一行的数同列相叠", StringComparison.Ordinal));
    }

    [Fact]
    public void Stacked_cells_that_no_order_makes_add_up_are_null_with_an_error_naming_the_row()
    {
        // The same report with 本年新收's first two cells changed (704, 710 to 705, 709; the row still adds up): the
        // balance holds for neither order of "146" and "无", so neither is taken.
        var path = Path.Combine(Fixtures.Dir("Generated"), "pdftotext-cell-stacked-over-wu-00164.txt");
        var text = File.ReadAllText(path);
        const string Received = "                   704 件   710 件    135 件";
        text.ShouldContain(Received);
        text = text.Replace(Received, "                   705 件   709 件    135 件", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "stacked-inconsistent.txt");
        reading.Cells["app.new_received.0"]!.GetValue<int>().ShouldBe(705);
        Enumerable.Range(0, 7).Select(c => reading.Cells[$"app.carried_forward.{c}"]).ShouldAllBe(v => v == null);
        var error = reading.Findings.Single(f => f.Severity == Severity.Error);
        error.Rule.ShouldBe("cells_stacked");
        error.Row.ShouldBe("carried_forward");
        error.Message.ShouldStartWith("表三「四、结转下年度继续办理」有数印在上一行、与下一行的数同列相叠，两格的先后版面不能确定，可读作 (146,0,39,9,16,5,215) 或 (0,146,39,9,16,5,215)");
    }

    [Fact]
    public void Table_three_of_a_browser_print_extracted_without_layout_is_refused_with_that_reason()
    {
        // pdftotext (no -layout) of Chromium's print of a portal page: the labels come in pieces
        // among the numbers ("（三|1.属于国家秘密|）不予公开 2.其他法律行政法规禁|0|0|…"), a few numbers
        // beside each. No order puts them back: one error says so, not a row-by-row list of guesses.
        var reading = Generated("chrome-print-pdftotext-plain-00003.txt");
        reading.Parse.Rejection.ShouldBeNull();
        ShouldRefuseTable(reading, "app.", "表三的行名与数字在抽取时被打乱（");
        reading.Findings.Where(f => f.Message.StartsWith("表三", StringComparison.Ordinal) && f.Rule is "unrecognised_row" or "duplicate_row" or "missing_cells").ShouldBeEmpty();
    }

    [Fact]
    public void Markdown_from_an_ocr_tool_with_its_tables_in_html_is_read()
    {
        var html = File.ReadAllText(RealReports.File("pingtan-2024-portal"));
        var body = html[html.IndexOf("<div class=TRS_Editor>", StringComparison.Ordinal)..];
        body = body[..body.IndexOf("</div>", StringComparison.Ordinal)];
        var markdown = new StringBuilder("# 平潭综合实验区2024年度政府信息公开工作年度报告\n\n");
        var at = 0;
        foreach (Match table in Table().Matches(body))
        {
            foreach (Match p in Paragraph().Matches(body[at..table.Index])) markdown.Append(Strip(p.Value)).Append("\n\n");
            markdown.Append(table.Value).Append("\n\n");
            at = table.Index + table.Length;
        }

        foreach (Match p in Paragraph().Matches(body[at..])) markdown.Append(Strip(p.Value)).Append("\n\n");
        var text = markdown.ToString().Replace("一、总体情况", "## 一、总体情况", StringComparison.Ordinal).Replace("二、主动公开政府信息情况", "## **二、主动公开政府信息情况**", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "pingtan-2024-portal");
    }

    // Table 三 as `pdftotext -layout` writes it: the merged cells at the left (三、本年度办理结果, the
    // groups) wrap vertically centred beside their rows, and their pieces land on any line: beside a
    // row's first line, beside the continuation of a wrapped label, beside a row's numbers, or on a
    // line of their own between a row's first line and its numbers.
    private const string WrappedOuterLabels = """
          某县某局 2024 年政府信息公开工作年度报告
        三、收到和处理政府信息公开申请情况
                                  申请人情况
                                      法人或其他组织
                                  自然            社会 法律
                                        商业 科研                 总计
                                  人             公益 服务 其他
                                      企业 机构
                                                组织 机构
        一、本年新收政府信息公开申请数量           2    1     0  0   0    0   3
        二、上年结转政府信息公开申请数量           0    0     0  0   0    0   0
        三、本     （一）予以公开            1    0     0  0   0    0   1
              （二）部分公开（区分处理的，只计
                                    0    0   0   0   0    0   0
              这一情形，不计其他情形）
                      1.属于国家秘密      0    0   0   0   0    0   0
                      2.其他法律行政法规
                                    0    0   0   0   0    0   0
                      禁止公开
                      3.危及“三安全一稳
                                    0    0   0   0   0    0   0
                      定”
                      4.保护第三方合法权
              （三）不予                 1    0   0   0   0    0   1
                      益
                      5.属于三类内部事务
                                    0    0   0   0   0    0   0
                      信息
                      6.属于四类过程性信
              公开
                                    0    0   0   0   0    0   0
                      息
        办             7.属于行政执法案
                                    0    0   0   0   0    0   0
        理             卷
                      8.属于行政查询事项    0    0   0   0   0    0   0
                      1.本机关不掌握相关
                                    0    0   0   0   0    0   0
                      政府信息
              （四）无法   2.没有现成信息需要
                                    0    0   0   0   0    0   0
              提供      另行制作
                      3.补正后申请内容仍
                                    0    1   0   0   0    0   1
        年度办           不明确
        理结果           1.信访举报投诉类申
                                    0    0   0   0   0    0   0
                      请
                      2.重复申请        0    0   0   0   0    0   0
                      3.要求提供公开出版
                                    0    0   0   0   0    0   0
              （五）不予   物
              处理      4.无正当理由大量反
                                    0    0   0   0   0    0   0
                      复申请
                      5.要求行政机关确认
                      或重新出具已获取信     0    0   0   0   0    0   0
                      息
                      1.申请人无正当理由
                      逾期不补正、行政机
                                    0    0   0   0   0    0   0
                      关不再处理其政府信
                      息公开申请
              （六）其他   2.申请人逾期未按收
              处理      费通知要求缴纳费
                      用、行政机关不再处     0    0   0   0   0    0   0
                      理其政府信息公开申
                      请
                      3.其他          0    0   0   0   0    0   0
              （七）总计                 2    1   0   0   0    0   3
        四、结转下年度继续办理                 0    0   0   0   0    0   0
        四、政府信息公开行政复议、行政诉讼情况
        """;

    // Table 三's row by its code, as parse --json gives it.
    private static int?[] ApplicationRow(Reading reading, string code) =>
        reading.Json["applications"]![code]!.AsArray().Select(v => v?.GetValue<int?>()).ToArray();

    private static readonly string[] TableRules = ["missing_row", "duplicate_row", "unrecognised_row", "extra_cells", "label_misprinted"];

    [Fact]
    public void Pieces_of_merged_labels_beside_rows_in_pdftotext_layout_neither_start_a_row_nor_take_its_numbers()
    {
        var reading = Reading.Of(Encoding.UTF8.GetBytes(WrappedOuterLabels), "wrapped.txt");
        int?[] Row(string code) => ApplicationRow(reading, code);
        Row("granted").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row("denied_third_party_rights").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row("denied_law_enforcement_file").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        Row("unavailable_still_unclear").ShouldBe([0, 1, 0, 0, 0, 0, 1]);
        Row("not_processed_petition").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        Row("not_processed_publication").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        Row("total_processed").ShouldBe([2, 1, 0, 0, 0, 0, 3]);
        reading.Findings.Where(f => TableRules.Contains(f.Rule)).Select(f => f.Message).ShouldBeEmpty();
        reading.Findings.Where(f => f.Rule is "balance" or "total_row" or "total_column").Select(f => f.Message).ShouldBeEmpty();
    }

    [Fact]
    public void A_cell_cut_by_a_page_break_joins_its_row_in_the_column_the_next_page_gives_it()
    {
        // "1" at the foot of page 1, "0" at the head of page 2: the total 10, in the column of the next
        // page's numbers (pdftotext lays out each page afresh, and the row's label shifts its numbers).
        var text = WrappedOuterLabels
            .Replace("一、本年新收政府信息公开申请数量           2    1     0  0   0    0   3", "一、本年新收政府信息公开申请数量          11    1     0  0   0    0  12", StringComparison.Ordinal)
            .Replace("三、本     （一）予以公开            1    0     0  0   0    0   1", "三、本     （一）予以公开        10    0     0  0   0    0   1\n\n\n                          -1-\n\f" + new string(' ', 54) + "0", StringComparison.Ordinal)
            .Replace("（七）总计                 2    1   0   0   0    0   3", "（七）总计                11    1   0   0   0    0  12", StringComparison.Ordinal);
        var reading = Reading.Of(Encoding.UTF8.GetBytes(text), "page-break.txt");
        var applications = reading.Json["applications"]!.AsObject();
        applications["granted"]!.AsArray().Select(v => v?.GetValue<int?>()).ShouldBe([10, 0, 0, 0, 0, 0, 10]);
        applications["partially_granted"]!.AsArray().Select(v => v?.GetValue<int?>()).ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        reading.Findings.Where(f => TableRules.Contains(f.Rule) || f.Rule is "balance" or "total_row" or "total_column").Select(f => f.Message).ShouldBeEmpty();
    }

    [Fact]
    public void Numbers_wrapped_above_and_below_their_row_in_pdftotext_layout_join_in_their_columns()
    {
        // LibreOffice wraps a number too wide for its column ("1167" as "116" over "7", "1,444" as
        // "1,44" over "4", "74件" as "74" over "件") and centres the cell on its row, so pdftotext
        // prints the pieces on the lines above and below the row's own, in the cell's column; the
        // lines of pieces hold as many numbers as a row of few cells. Beside a row whose label wraps
        // above and below it, the pieces share their lines with that label, or with a piece of a
        // group's label ("三、本").
        var text = WrappedOuterLabels
            .Replace("一、本年新收政府信息公开申请数量           2    1     0  0   0    0   3",
                "                           116  1,44                  261\n一、本年新收政府信息公开申请数量                      0  0   0    0\n                            7    4                     1", StringComparison.Ordinal)
            .Replace("三、本     （一）予以公开            1    0     0  0   0    0   1",
                "三、本                        116  1,36                  253\n      （一）予以公开                         0  0   0    0\n                            6    9                     5", StringComparison.Ordinal)
            .Replace("              3.要求提供公开出版\n                            0    0   0   0   0    0   0\n      （五）不予   物",
                "              3.要求提供公开出版         74\n                            0        0   0   0    0   74\n      （五）不予   物                  件", StringComparison.Ordinal)
            .Replace("      （七）总计                 2    1   0   0   0    0   3",
                "                           116  1,44                  261\n      （七）总计                          0   0   0    0\n                            7    4                     1", StringComparison.Ordinal)
            .Replace("              4.保护第三方合法权\n      （三）不予                 1    0   0   0   0    0   1\n              益",
                "              4.保护第三方合法权                              1\n      （三）不予                 1    0   0   0   0    0\n              益                                       件", StringComparison.Ordinal);
        var reading = Reading.Of(Encoding.UTF8.GetBytes(text), "wrapped-numbers.txt");
        int?[] Row(string code) => ApplicationRow(reading, code);
        Row("new_received").ShouldBe([1167, 1444, 0, 0, 0, 0, 2611]);
        Row("granted").ShouldBe([1166, 1369, 0, 0, 0, 0, 2535]);
        Row("not_processed_publication").ShouldBe([0, 74, 0, 0, 0, 0, 74]);
        Row("denied_third_party_rights").ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Row("total_processed").ShouldBe([1167, 1444, 0, 0, 0, 0, 2611]);
        Row("carried_forward").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        reading.Findings.Where(f => TableRules.Contains(f.Rule) || f.Rule is "balance" or "total_row" or "total_column").Select(f => f.Message).ShouldBeEmpty();
    }

    [Fact]
    public void Few_numbers_beside_a_row_that_no_wrapped_piece_pairs_with_stay_cells_of_their_own()
    {
        // Cells set high and low in one row ("7  4  无" on the label's line, "无  1  1  13" under it)
        // and a row's cells on two lines are no wrapped numbers: "13" and "无" make no number, so the
        // line under the row is not joined to the row below it as pieces.
        var text = WrappedOuterLabels
            .Replace("      （七）总计                 2    1   0   0   0    0   3",
                "      （七）总计                 2    1   无\n                                         无   0    0   3", StringComparison.Ordinal)
            .Replace("四、结转下年度继续办理                 0    0   0   0   0    0   0",
                "四、结转下年度继续办理                 无    无   无\n                                         无   0    无   无", StringComparison.Ordinal);
        var reading = Reading.Of(Encoding.UTF8.GetBytes(text), "high-and-low.txt");
        int?[] Row(string code) => ApplicationRow(reading, code);
        Row("total_processed").ShouldBe([2, 1, 0, 0, 0, 0, 3]);
        Row("carried_forward").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
    }

    [Theory]
    [InlineData("pdftotext-wrapped-00237.txt", true)]
    [InlineData("pdftotext-wrapped-00120.txt", true)]
    [InlineData("pdftotext-two-heights-00012.txt", false)]
    [InlineData("pdftotext-units-wrapped-00579.txt", false)]
    [InlineData("pdftotext-narrow-labels-00024.txt", false)]
    public void Pieces_of_wrapped_numbers_that_no_column_places_join_the_row_the_arithmetic_allows(string fixture, bool joinedByArithmetic)
    {
        // And a row whose cells stand at two heights ("一、本年新收…  2075  1,288  4,432" over
        // "204 件  142 件  211 件  512 件"): its numbers go into their columns' order, not the lines'.
        // And a row every cell of which wrapped with its unit: "3,62  1,02  49 …" over the label, then
        // "6件  6件  件 …" (3,626件, 1,026件, 49件), beside one number of the row's own at most.
        // And labels in a column three characters wide, wrapped over five lines ("三、补" beside its
        // numbers, then "正后申", "请内容", "仍不明", "确"), named by the lines below their numbers.
        // Table 三 of generated reports (pdftotext -layout of LibreOffice's PDF of the DOCX layout):
        // "115 … 3,02" at the foot of a page and "4  9" at the head of the next, or "3,48 1,47 … 5,78"
        // over "4  5  3" that pdftotext set off their columns. The pieces follow the row in its
        // columns' order; one way of joining them adds up (1154, 3,029).
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Generated", fixture);
        var reading = Reading.Of(File.ReadAllBytes(path), fixture);
        var expected = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!["applications"]!.AsObject();
        var applications = reading.Json["applications"]!.AsObject();
        foreach (var (code, row) in expected) applications[code]!.ToJsonString().ShouldBe(row!.ToJsonString(), code);
        reading.Findings.Where(f => f.Severity == Severity.Error && f.Message.StartsWith("表三", StringComparison.Ordinal)).Select(f => f.Message).ShouldBeEmpty();
        if (!joinedByArithmetic) return;
        reading.Findings.ShouldContain(f => f.Rule == "cells_wrapped" && f.Severity == Severity.Warning && f.Message.StartsWith("表三有 1 行的数字在窄列中折行", StringComparison.Ordinal));
        reading.Json["derived"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_row_that_takes_the_label_of_the_row_below_is_not_read_over_that_row()
    {
        // The piece beside the continuation is no label of the template, and the label's first line is cut
        // before the row's own words ("3.补正后申请"): the numbers of 3.补正后… can only be read with the
        // label below them, so 1.信访举报… is named twice with different numbers.
        var text = WrappedOuterLabels.Replace("3.补正后申请内容仍", "3.补正后申请", StringComparison.Ordinal)
            .Replace("年度办           不明确", "某某某           不明确", StringComparison.Ordinal)
            .Replace("理结果           1.信访", "某某某           1.信访", StringComparison.Ordinal);
        var reading = Reading.Of(Encoding.UTF8.GetBytes(text), "wrapped.txt");
        var applications = reading.Json["applications"]!.AsObject();
        foreach (var code in new[] { "unavailable_still_unclear", "not_processed_petition" })
        {
            (applications[code]?.AsArray() ?? []).ShouldAllBe(v => v == null, code);
            reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Row == code, code);
        }
    }

    // html2text 1.3.2a (-utf8 -nobs) pads table cells to their width with underscores and cuts a
    // character's bytes where a cell ends, leaving stray bytes in UTF-8 text ("|29\x99|0\x80|"). Read as
    // GB18030 the whole page was another text and it was refused as no report.
    [Fact]
    public void Html2text_dump_with_characters_cut_reads_as_utf8_and_flags_only_the_cut_cells()
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-html2text.txt")), "pingtan-2024-html2text");
        reading.Parse.Rejection.ShouldBeNull();
        var expected = RealReports.Expected("pingtan-2024-portal");
        var wrong = RealReports.Flatten(expected).Where(kv => kv.Key != "region_code" && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: {reading.Cells[kv.Key]?.ToJsonString()}");
        wrong.ShouldBeEmpty();
        reading.Cells["app.new_received.6"]!.GetValue<int>().ShouldBe(218);
        reading.Cells["rl.litigation_after_review.4"]!.GetValue<int>().ShouldBe(19);
        var unknown = RealReports.Flatten(expected).Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null).ToList();
        unknown.ShouldNotBeEmpty();
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "missing_cells" && f.Row == "partially_granted");
    }

    [Fact]
    public void A_misprinted_wrapped_label_is_not_named_by_the_words_it_shares_with_the_next_row()
    {
        // "…行政机" over "关不再处理其政府信息公开申请  1 0 …": with 逾期 misprinted 逾公 the row's own lines name no
        // row, and its last line's words are also the next row's ("…行政机关不再处理其政府信息公开申请"). Read
        // with the next row's label, it was taken for 2.申请人逾期未按收费通知… (two rows of one name, both unknown).
        var text = File.ReadAllText(RealReports.File("pingtan-2024-chrome-raw"));
        const string Rows = "1.申请人无正当理由逾期不补正、行\n政机关\n不再处理其政府信息公开申请\n1 0 0 0 0 0 1\n2.申请人逾期未按收费通知要求缴纳\n费用、\n行政机关不再处理其政府信息公开申\n请\n0 0 0 0 0 0 0";
        text.ShouldContain(Rows);
        text = text.Replace(Rows, "1.申请人无正当理由逾公不补正、行政机\n关不再处理其政府信息公开申请 1 0 0 0 0 0 1\n2.申请人逾期未按收费通知要求缴纳费用\n、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "pingtan-2024-chrome-raw");
        // The warning quotes the label as printed, from its first line.
        RealReports.Read(Encoding.UTF8.GetBytes(text), "misprinted").Findings.ShouldContain(f => f.Rule == "label_misprinted"
            && f.Message.StartsWith("表三中的行「1.申请人无正当理由逾公不补正、行政机关不再处理", StringComparison.Ordinal) && f.Message.Contains("读作表三「（六）其他处理 1.申请人无正当理由逾期不补正", StringComparison.Ordinal));
    }

    [Fact]
    public void Pandocs_multiline_table_under_a_header_is_joined_and_a_simple_table_is_left_as_it_is()
    {
        // pandoc 2.17 -t markdown of two tables with <th>: the first has a <br> in a label (a multiline table
        // between full-width rules), the second none (a simple table, which no rule closes).
        const string Markdown = """
              -----------------------------------------------------------------------
              信息内容                            本年制发件数
              ----------------------------------- -----------------------------------
              规章                                0

              行政规范性\                         62
              文件
              -----------------------------------------------------------------------

            二、主动公开

              信息内容              本年处理决定数量
              --------------------- ------------------
              行政许可              45

            三、收到和处理

              -------- ------
              行政处罚 12
              -------- ------
            """;
        var blocks = Text.PlainTextLayout.Read(Markdown).Blocks;
        var rows = blocks.OfType<Documents.TableRow>().Select(r => string.Join("|", r.Cells)).ToList();
        rows.ShouldBe(["信息内容|本年制发件数", "规章|0", "行政规范性文件|62"]);
        // The simple table's rule is not taken for the opening of the next table, another table's rule: the
        // heading between them stays prose, and so do the simple tables' rows.
        var prose = blocks.OfType<Documents.Paragraph>().Select(p => p.Text).ToList();
        prose.ShouldContain("二、主动公开");
        prose.ShouldContain("三、收到和处理");
        prose.ShouldContain(t => t.StartsWith("行政许可", StringComparison.Ordinal));
    }

    // LibreOffice's print of the 2020 page through pdftotext -layout sets 行政许可's 本年增/减 a line above its row.
    private const string LiftedCell = "                       442\n行政许可         396               278";

    [Fact]
    public void A_table_two_cell_set_a_line_above_its_row_is_put_back_at_its_column()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2020-libreoffice-layout")), "pingtan-2020-libreoffice-layout");
        var columns = reading.Parse.Report!.ActiveDisclosure.Template2019Columns!;
        columns["licensing.last_year_items"].ShouldBe(396);
        columns["licensing.change"].ShouldBe(442);
        columns["licensing.decisions"].ShouldBe(278);
        columns["other_services.change"].ShouldBe(7);
        columns["normative_documents.new_made"].ShouldBe(77);
    }

    [Theory]
    // Touching the label: it may be the label's own number.
    [InlineData("      442\n行政许可         396               278")]
    // One space from the row's first number: it may be that number's wrapped start.
    [InlineData("                 442\n行政许可         396               278")]
    // Under a line of numbers: it may be a wrapped end of that row, whose short numbers the row, once
    // whole, would also take for its own wrapped pieces (5396, 9278).
    [InlineData("其他事项         5                 9\n                       442\n行政许可         396               278")]
    [InlineData("其他事项         5         7       9\n                       442\n行政许可         396               278")]
    // Over a row followed by a line of numbers: the same, below it.
    [InlineData("                       442\n行政许可         396               278\n其他事项         5                 9")]
    public void A_lone_number_that_could_be_another_cells_piece_is_not_moved_into_the_row(string lifted)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2020-libreoffice-layout"));
        text.ShouldContain(LiftedCell);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(LiftedCell, lifted, StringComparison.Ordinal)), "lifted");
        reading.Parse.Report!.ActiveDisclosure.Template2019Columns!["licensing.change"].ShouldBeNull();
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.Contains("行政许可", StringComparison.Ordinal));
    }

    // pdftotext -layout of Chromium's prints of generated portal pages (Fixtures/Generated, seed 128, pdf-browser):
    // - 00140: a row's numbers come in another order than its columns ("488  286 101  508 2,505  1,037  85" for 488 1,037
    //   286 101 85 508 2,505); read as printed, four rows broke their totals (false total_column errors) and the rows that
    //   added up held numbers of other columns. One number of each failing row is the sum of the other six: table 三 is
    //   refused (table_scrambled), not read wrong.
    // - 00014: the title in two fonts, its year on the line below ("拉萨市生态环境局      年政府信息…" over "2023") and
    //   the side menu's "政策" above: the agency read "政策拉萨市生态环境局年". No agency's name ends with 年.
    // - 00248: the title beside the side menu ("概况  广安区人力资源和社会保障局" / "文件 2021  年度政府…"): read as
    //   "概况广安区人力资源和社会保障局政策文件". The print's header holds the page's title whole; it is read first.
    [Theory]
    [InlineData("chrome-layout-columns-misplaced-00140")]
    [InlineData("chrome-layout-year-below-title-00014")]
    [InlineData("chrome-layout-title-beside-side-menu-00248")]
    public void A_browser_print_laid_out_by_pdftotext_gives_no_cell_and_no_agency_it_does_not_print(string name)
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), name + ".txt");
        var reading = RealReports.Read(File.ReadAllBytes(path), name);
        var expected = RealReports.Flatten(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject());
        var wrong = expected.Where(kv => kv.Key != "region_code" && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: {reading.Cells[kv.Key]?.ToJsonString()} for {kv.Value?.ToJsonString()}");
        wrong.ShouldBeEmpty();
        RealReports.Same(expected["agency"], reading.Cells["agency"]).ShouldBeTrue();
        if (name.Contains("columns-misplaced", StringComparison.Ordinal))
        {
            reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "table_scrambled" && f.Message.Contains("各列错位", StringComparison.Ordinal));
            reading.Findings.ShouldNotContain(f => f.Rule == "total_column");
        }
    }

    // pdfminer with boxes_flow=None sets each row of table 二 with its numbers above its label. When one sub-table is
    // printed label first (here the fee's, moved), the form is not the whole table's, and a label with a line of numbers
    // before it and another after it may own either: 规章 took 行政规范性文件's "62 33 440" and 行政处罚 行政强制's "65".
    // Those rows are now unknown, each with an error; the rows left over are missing, as before.
    [Fact]
    public void A_label_between_two_lines_of_numbers_is_unknown_when_the_order_is_not_the_whole_tables()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2024-libreoffice-pdfminer"));
        const string fee = "18651.06\n\n行政事业性收\n费";
        text.ShouldContain(fee);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(fee, "行政事业性收\n费\n\n18651.06", StringComparison.Ordinal)), "fee label first");
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2024-libreoffice-pdfminer"));
        var wrong = expected.Where(kv => kv.Key != "region_code" && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: {reading.Cells[kv.Key]?.ToJsonString()}");
        wrong.ShouldBeEmpty();
        reading.Cells["ad.regulations.issued"].ShouldBeNull();
        reading.Cells["ad.penalty"].ShouldBeNull();
        reading.Cells["ad.fees_10k_yuan"]!.GetValue<decimal>().ShouldBe(18651.06m);
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "cells_ambiguous" && f.Row == "regulations");
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "cells_ambiguous" && f.Row == "penalty");
    }

    // Printers' text of the portal pages (Word's HTML export) that cannot carry every cell. Not every
    // row is put back; a row that is not is null with an error, and no cell read is other than the
    // page states.
    // - pdftotext -layout of Chromium's print of the 2020 and 2022 pages (narrow label columns): group
    //   labels printed a character or two a line ("（ 三 ）", "三、本年 / 度办理结 / 果"), a numbering
    //   alone between a label's lines. Table 四 is read whole.
    // - pdftotext -layout of LibreOffice's print of the 2020 page: a cell of table 二 set a line above
    //   its row ("442" over "行政许可   396     278"), the next row's likewise ("7" between 行政许可
    //   and 其他对外管理服务事项). Appended to the row above, "7" was read as 行政许可's 处理决定数量;
    //   now each is put back at its column (A_table_two_cell_set_a_line_above_its_row_is_put_back_at_its_column).
    // - pdftotext without -layout of Chromium's print of the 2025 page: table 四's numbers one to a
    //   line in the order of their baselines ("25 8 0 0 0 0 3 36 …" for 25 3 8 0 36 …). Read in that
    //   order no proceeding adds up; the table is refused as scrambled, not read as printed.
    [Theory]
    [InlineData("pingtan-2020-chrome-layout", "pingtan-2020-portal", true)]
    [InlineData("pingtan-2022-chrome-layout", "pingtan-2022-portal", true)]
    [InlineData("pingtan-2020-libreoffice-layout", "pingtan-2020-portal", true)]
    [InlineData("pingtan-2025-chrome-plain", "pingtan-2025-portal", false)]
    // pdfminer sets a page's cells column by column: "447228" (行政许可's) under table 二 (六)'s heading, before
    // 行政处罚 and 行政强制, was read as 行政处罚's. A number before two rows' labels is nobody's.
    [InlineData("huaian-2024-pdfminer", "huaian-2024", true)]
    // pdfminer's default analysis of the hongze PDF sets table 二's sub-tables labels first, then numbers, and table 三's two
    // pages each as their labels and then their columns, the 总计 column before 其他: table 三 is refused (which column is
    // which the text does not say), 行政处罚 and 行政强制 read in order, 规章 and 行政规范性文件 unknown (row or column order).
    [InlineData("hongze-2024-pdfminer", "hongze-2024", true)]
    // PyMuPDF's get_text(sort=True) orders blocks by their tops: a number centred on a tall row of table 三 may come
    // before its label, and each label then took the numbers of the row below (无法提供 1 read as 0 for 4, 2 as 3
    // for 0, their sums unchanged). A row of numbers without a label, then rows up to one whose label has no numbers:
    // those rows are unknown, each with an error.
    [InlineData("pingtan-2020-chrome-pymupdf-sorted", "pingtan-2020-portal", true)]
    public void Printed_page_as_text_is_never_silently_wrong(string name, string page, bool reviewWhole)
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), name + ".txt")), name);
        reading.Parse.Rejection.ShouldBeNull();
        var expected = RealReports.Flatten(RealReports.Expected(page));
        var wrong = expected.Where(kv => kv.Key != "region_code" && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: {reading.Cells[kv.Key]?.ToJsonString()}");
        wrong.ShouldBeEmpty();
        var unknown = expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null).ToList();
        if (unknown.Count > 0) reading.Findings.ShouldContain(f => f.Severity == Severity.Error);
        var review = expected.Keys.Where(k => k.StartsWith("rl.", StringComparison.Ordinal)).ToList();
        if (reviewWhole)
        {
            review.ShouldAllBe(k => RealReports.Same(expected[k], reading.Cells.GetValueOrDefault(k)));
        }
        else
        {
            review.ShouldAllBe(k => reading.Cells.GetValueOrDefault(k) == null);
            reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "table_scrambled" && f.Row == "review");
        }

        var unknownActive = expected.Keys.Where(k => k.StartsWith("ad.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null).ToList();
        if (unknownActive.Count > 0) reading.Findings.ShouldContain(f => f.Severity == Severity.Error && (f.Rule == "missing_cells" || f.Rule == "unrecognised_row" || f.Rule == "cells_ambiguous"));
    }

    // Chromium's print of the 2020 page in narrow label columns: each group's merged label sets its pieces one space before
    // its first rows' labels ("（四）无 2.信息需要另" over "法提供 行制作  0 0 …"), and a numbering stands alone between a
    // label's lines ("保护第三" / "4." / "方合法权益  0 0 …"). Eight rows were no row of the template, and the table was
    // refused as scrambled; it now reads whole.
    [Fact]
    public void A_print_with_narrow_label_columns_reads_table_three_whole()
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "pingtan-2020-chrome-layout.txt")), "narrow");
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2020-portal"));
        var table = expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal)).ToList();
        table.Count.ShouldBeGreaterThan(100);
        table.Where(k => !RealReports.Same(expected[k], reading.Cells.GetValueOrDefault(k))).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Rule == "table_scrambled" || f.Rule == "unrecognised_row");
    }

    // Chromium's print of the 2022 page in narrow label columns: a row at two heights keeps its numbering and its first
    // two cells on the label's first line, the first set against its last word ("不 予 公5.属于三类内部1 0" over
    // "开 事务信息   0   0   0   0   1"), or has its numbering, and its group's, open the second line ("要求提供公开0 0"
    // over "（ 五 ）3.出版物   0   0   0   0   0"). Both rows were null, each with an error; they read as the page states.
    [Fact]
    public void A_row_at_two_heights_with_its_first_cells_against_its_label_reads_as_the_page()
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "pingtan-2022-chrome-layout.txt")), "narrow");
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2022-portal"));
        foreach (var row in (string[])["denied_internal_affairs", "not_processed_publication"])
        {
            var cells = expected.Keys.Where(k => k.StartsWith($"app.{row}.", StringComparison.Ordinal)).ToList();
            cells.Count.ShouldBe(7);
            cells.Where(k => !RealReports.Same(expected[k], reading.Cells.GetValueOrDefault(k))).ShouldBeEmpty(row);
        }

        reading.Findings.ShouldNotContain(f => f.Rule == "unrecognised_row");
    }

    [Fact]
    public void Rows_that_may_hold_the_next_rows_numbers_are_unknown_and_each_named()
    {
        // "4 0 0 0 0 0 4" without a label, then 无法提供 1 and 2 each with the numbers after its label, then 3 with none.
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2020-chrome-pymupdf-sorted")), "pingtan-2020-chrome-pymupdf-sorted");
        foreach (var row in (string[])["unavailable_not_held", "unavailable_needs_creation"])
        {
            reading.Cells.Where(kv => kv.Key.StartsWith($"app.{row}.", StringComparison.Ordinal)).ShouldNotBeEmpty();
            reading.Cells.Where(kv => kv.Key.StartsWith($"app.{row}.", StringComparison.Ordinal)).ShouldAllBe(kv => kv.Value == null);
            var finding = reading.Findings.Single(f => f.Rule == "cells_ambiguous" && f.Row == row);
            finding.Severity.ShouldBe(Severity.Error);
            finding.Message.ShouldContain("可能属于下一行");
            finding.Message.ShouldContain("「4 0 0 0 0 0 4」");
        }

        // The rows before the label-less numbers keep their reading.
        reading.Findings.ShouldNotContain(f => f.Rule == "cells_ambiguous" && f.Row == "denied_administrative_inquiry");
        reading.Cells["app.denied_administrative_inquiry.0"]!.GetValue<decimal>().ShouldBe(0);
    }

    [Fact]
    public void Utf8_with_a_few_stray_bytes_is_read_as_utf8_not_as_gbk()
    {
        var text = string.Concat(Enumerable.Repeat("平潭综合实验区政府信息公开工作年度报告。", 10));
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.Insert(30, 0x99);
        bytes.Insert(90, 0xE5);
        Warehouse.Parsing.Text.TextDecoding.Decode(bytes.ToArray(), null, lookForMeta: false).ShouldContain("平潭综合实验区政府信息公开工作年度报告");
    }

    private static string Strip(string html) => System.Net.WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<p\b.*?</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    // Rows of more than seven cells are looked at for a converter's padding with buffers on the stack; a row of
    // hundreds of thousands of numbers (a malformed or hostile document) overflowed the stack and killed the process,
    // a crawl with it. Its trailing zeros are padding; the report is read as without them.
    [Fact]
    public void A_row_of_hundreds_of_thousands_of_numbers_does_not_exhaust_the_stack()
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Dir("Real"), "huaian-2024-layout.txt"));
        var row = Array.FindIndex(lines, l => l.Contains("（一）予以公开", StringComparison.Ordinal));
        lines[row] += string.Concat(Enumerable.Repeat(" 0", 200_000));
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines));
        RealReports.Reading? reading = null;
        // A thread with a stack of 1 MiB, as small as a thread pool's: 200,000 cells took 1.8 MB of it.
        var thread = new Thread(() => reading = RealReports.Read(bytes, "long-row"), 1024 * 1024);
        thread.Start();
        thread.Join();
        RealReports.WrongCells(RealReports.Expected("huaian-2024"), reading!).ShouldBeEmpty();
    }
}
