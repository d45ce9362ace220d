using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Text extracted without layout gives table 三's labels in one run and its numbers in another:
/// put back when the template's arithmetic allows one order only, refused with the reason otherwise.
/// </summary>
public sealed class ScrambledTextTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));

    // The real 2024 table of 平潭综合实验区 (non-zero in several columns).
    private static readonly Dictionary<string, int[]> Table = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-portal.expected.json")))!["applications"]!
        .AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(v => (int)v!).ToArray());

    private static string WithTable(IEnumerable<int> numbers)
    {
        var start = Seed.IndexOf("### 三、", StringComparison.Ordinal);
        var end = Seed.IndexOf("#### 四、", StringComparison.Ordinal);
        var section = new StringBuilder("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n");
        foreach (var category in DisposalCategories.For(Template.Template2021)) section.Append(category.Label).Append('\n');
        foreach (var n in numbers) section.Append(n).Append('\n');
        return Seed[..start] + section + Seed[end..];
    }

    private static IEnumerable<int[]> Rows => DisposalCategories.For(Template.Template2021).Select(c => Table[c.Code]);

    private static ParseResult Parse(string text) => ReportParser.Default.Parse(Encoding.UTF8.GetBytes(text), new ParseOptions("scrambled.txt"));

    [Fact]
    public void Numbers_extracted_column_by_column_are_put_back_when_only_that_order_adds_up()
    {
        var result = Parse(WithTable(Enumerable.Range(0, 7).SelectMany(c => Rows.Select(r => r[c]))));
        var report = result.Report.ShouldNotBeNull();
        foreach (var (code, cells) in Table) report.Applications.Row(code)!.Select(v => v!.Value).ShouldBe(cells, code);
        result.Findings.ShouldContain(f => f.Rule == "table_reordered" && f.Message.Contains("按列", StringComparison.Ordinal));
        result.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    // One run of five rows printed column by column, its labels after its numbers, among rows
    // printed whole after their labels: too little to look scrambled, but the row before the run
    // holds the run's numbers. Put back because one cut into runs makes every rule hold.
    [Fact]
    public void A_single_run_of_rows_printed_column_by_column_among_whole_rows_is_put_back()
    {
        var rows = DisposalCategories.For(Template.Template2021).ToList();
        var section = new StringBuilder("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n");
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 4)
            {
                var run = rows.GetRange(4, 5);
                for (var c = 0; c < 7; c++) run.ForEach(r => section.Append(Table[r.Code][c]).Append('\n'));
                run.ForEach(r => section.Append(r.Label).Append('\n'));
                i += 4;
                continue;
            }

            section.Append(rows[i].Label).Append('\n');
            foreach (var v in Table[rows[i].Code]) section.Append(v).Append('\n');
        }

        var start = Seed.IndexOf("### 三、", StringComparison.Ordinal);
        var end = Seed.IndexOf("#### 四、", StringComparison.Ordinal);
        var result = Parse(Seed[..start] + section + Seed[end..]);
        var report = result.Report.ShouldNotBeNull();
        foreach (var (code, cells) in Table) report.Applications.Row(code)!.Select(v => v!.Value).ShouldBe(cells, code);
        result.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        result.Findings.ShouldContain(f => f.Rule == "table_reordered");
    }

    [Fact]
    public void Numbers_extracted_row_by_row_after_the_labels_are_put_back()
    {
        var result = Parse(WithTable(Rows.SelectMany(r => r)));
        var report = result.Report.ShouldNotBeNull();
        foreach (var (code, cells) in Table) report.Applications.Row(code)!.Select(v => v!.Value).ShouldBe(cells, code);
    }

    [Fact]
    public void Numbers_in_an_order_no_rule_explains_are_refused_with_the_reason()
    {
        var shuffled = Rows.SelectMany(r => r).OrderBy(_ => 0).ToList();
        (shuffled[0], shuffled[100]) = (shuffled[100], shuffled[0]);
        (shuffled[7], shuffled[50]) = (shuffled[50], shuffled[7]);
        var result = Parse(WithTable(shuffled));
        var report = result.Report.ShouldNotBeNull();
        report.Applications.Rows.ShouldAllBe(r => r.Cells.All(v => v == null));
        result.Findings.ShouldContain(f => f.Rule == "table_scrambled" && f.Severity == Severity.Error && f.Message.StartsWith("表三", StringComparison.Ordinal));
        report.Agency.ShouldBe("赣县区商务局");
    }

    // pdftotext without -layout (poppler 22.12.0) of the real WPS-made PDF: table 三's labels come
    // apart from its numbers; the rows keep their order, but two runs of rows come out column by
    // column ("0 0 1 0 0 1 1 0 31": the first cells of nine rows) and (六)/(七) as pairs. One cut
    // into runs makes every row and the columns add up: the table is read (every cell is checked
    // against the hand-transcribed values in RealReportTests), and a warning says how.
    [Fact]
    public void Real_pdf_text_without_layout_puts_back_runs_of_rows_printed_column_by_column()
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "hongze-2024-plain.txt")), "hongze-2024-plain");
        RealReports.WrongCells(RealReports.Expected("hongze-2024"), reading).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
        reading.Findings.ShouldContain(f => f.Rule == "table_reordered" && f.Message.Contains("按列排出", StringComparison.Ordinal));
        reading.Findings.ShouldContain(f => f.Rule == "label_misprinted" && f.Message.Contains("2.其他法律行政止公开", StringComparison.Ordinal));
    }

    // pdftotext without -layout of a browser's (Chromium) or an office suite's (LibreOffice) print of the portal
    // page: where a label wraps in its cell, the row's first cell (自然人) stands level with one of the label's
    // lines, and the extractor writes it there ("2.没有现成信息需要另行制" / "3" / "提供"), away from the row's
    // other six numbers, before or after them, or far from both (2023: 重复申请's "1" after the table's last row).
    // Table 三 was refused as scrambled (190 cells null); each such number now may be any row's first cell, its
    // value fixed by that row's other six, and the table is taken only when exactly one placement makes every row
    // and column rule hold. Labels cut before their distinctive words
    // ("2.没有现成信息需要另行制" / "作") name their row by their first words.
    [Theory]
    [InlineData("pingtan-2024-libreoffice-plain", "pingtan-2024-portal")]
    [InlineData("pingtan-2025-chrome-plain", "pingtan-2025-portal")]
    [InlineData("pingtan-2023-chrome-plain", "pingtan-2023-portal")]
    public void First_cells_printed_beside_wrapped_labels_go_back_to_their_rows(string name, string page)
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), name + ".txt")), name);
        var expected = RealReports.Flatten(RealReports.Expected(page));
        var applications = expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal)).ToList();
        applications.Count.ShouldBeGreaterThan(150);
        applications.Where(k => !RealReports.Same(expected[k], reading.Cells.GetValueOrDefault(k))).ShouldBeEmpty();
        reading.Findings.ShouldContain(f => f.Rule == "table_reordered" && f.Severity == Severity.Warning && f.Message.Contains("自然人", StringComparison.Ordinal));
        reading.Findings.Where(f => f.Severity == Severity.Error && f.Message.StartsWith("表三", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    // The same print with the label wrapped right before its 、 ("申请人无正当理由逾期不补正" / "8" / "、行政机关不再处理…",
    // as a narrower cell sets it): the first cell alone before a line that opens with 、 was read as the numbering
    // "8、" of a row (pdftotext -raw's "1" / "、属于国家秘密"), the row lost its number, and table 三 was not read.
    // After a line that ends in the middle of a word, a digit is a numbering only before the reason it numbers.
    [Fact]
    public void A_first_cell_before_a_label_line_that_opens_with_a_comma_stays_a_cell()
    {
        const string Printed = "申请人无正当理由逾期不\n补正、行政机关\n8\n不再处理其政府信息公开申\n请\n";
        var original = File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "pingtan-2025-chrome-plain.txt"));
        original.ShouldContain(Printed);
        var text = original.Replace(Printed, "申请人无正当理由逾期不补正\n8\n、行政机关不再处理其政府信息公开申\n请\n", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "pingtan-2025-chrome-plain-rewrapped");
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2025-portal"));
        expected.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && !RealReports.Same(expected[k], reading.Cells.GetValueOrDefault(k))).ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error && f.Message.StartsWith("表三", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    // The same print with one such number changed (3 for 4): no placement adds up, so table 三 is not read, and
    // an error says why; no cell is taken from the numbers as printed.
    [Fact]
    public void First_cells_beside_labels_that_no_placement_adds_up_leave_table_three_unread()
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "pingtan-2025-chrome-plain.txt"))
            .Replace("需要另行制\n3\n", "需要另行制\n4\n", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "pingtan-2025-chrome-plain-changed");
        var expected = RealReports.Flatten(RealReports.Expected("pingtan-2025-portal"));
        expected.Where(kv => kv.Key.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => kv.Key).ShouldBeEmpty();
        reading.Cells.Where(kv => kv.Key.StartsWith("app.unavailable_needs_creation.", StringComparison.Ordinal)).ShouldAllBe(kv => kv.Value == null);
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.StartsWith("表三", StringComparison.Ordinal));
    }

    // pdftotext without -layout of the PDF LibreOffice prints from the real portal page: table 四's
    // headings are set in narrow cells, and its numbers come out as "2 4 0 19", headings, "2 3 1 7 0 0
    // 0 0 0 13 1". In that order the totals do not add up: the order is in doubt, so nothing is read
    // (before, the fifteen were read in printed order and reported as the report's own errors).
    [Fact]
    public void Table_four_whose_numbers_come_between_its_headings_and_do_not_add_up_is_not_read()
    {
        var reading = RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Real"), "pingtan-2024-libreoffice-plain.txt")), "pingtan-2024-libreoffice-plain");
        var report = reading.Parse.Report.ShouldNotBeNull();
        report.ReviewLitigation.Flatten().ShouldAllBe(v => v == null);
        reading.Findings.ShouldContain(f => f.Rule == "table_scrambled" && f.Severity == Severity.Error && f.Message.StartsWith("表四", StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Rule == "review_total");
    }

    // mutool's text of the real hongze-2023.pdf (WPS) gives table 四's numbers one to a line, in the printed order, and
    // the report's own totals are wrong ("10 1 0 0 0" for 行政复议: 总计 0). The table was refused as scrambled, a false
    // reason, and the report's error went unreported. No order of these fifteen numbers adds up, so the report breaks the
    // rule whatever the text did: that is the error now; the cells stay unknown, since their order is still in doubt.
    [Fact]
    public void Table_four_whose_numbers_add_up_in_no_order_is_the_reports_own_error()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("hongze-2023-mutool")), "hongze-2023-mutool.txt");
        var report = reading.Parse.Report.ShouldNotBeNull();
        report.ReviewLitigation.Flatten().ShouldAllBe(v => v == null);
        RealReports.WrongCells(RealReports.Expected("hongze-2023"), reading).ShouldAllBe(w => w.StartsWith("rl.", StringComparison.Ordinal));
        var error = reading.Findings.Where(f => f.Severity == Severity.Error).ShouldHaveSingleItem();
        error.Rule.ShouldBe("review_total");
        error.Message.ShouldStartWith("表四的 15 个数（10 1 0 0 0 0 0 0 0 0 5 0 0 0 0）无论怎样排列");
    }

    // pdftotext without -layout of generated PDFs (LibreOffice's, of the DOCX layout) whose tables
    // come out scattered: table 四's numbers after numbers left over from table 三 (00050); table
    // 三's labels apart from nearly all its numbers (00162); cells of dashes and slashes taken for
    // labels (00013, 00052). A row or table read from the numbers that happened to follow its label was
    // silently wrong; now such a table is not read, and an error says why.
    [Theory]
    [InlineData("pdftotext-plain-00050", "表四")]
    [InlineData("pdftotext-plain-00162", "表三")]
    [InlineData("pdftotext-plain-00013", "表三")]
    [InlineData("pdftotext-plain-00052", "表三")]
    public void Tables_scattered_by_extraction_are_refused_with_the_reason_never_read_from_wrong_numbers(string name, string refused)
    {
        var path = Path.Combine(Fixtures.Dir("Generated"), name + ".txt");
        var reading = RealReports.Read(File.ReadAllBytes(path), name);
        var expected = RealReports.Flatten(JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject());
        var tables = expected.Where(kv => kv.Key.StartsWith("app.", StringComparison.Ordinal) || kv.Key.StartsWith("rl.", StringComparison.Ordinal)).ToList();
        tables.Where(kv => reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: {reading.Cells[kv.Key]!.ToJsonString()} (expected {kv.Value?.ToJsonString()})").ShouldBeEmpty();
        var prefix = refused == "表三" ? "app." : "rl.";
        tables.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ShouldAllBe(kv => reading.Cells.GetValueOrDefault(kv.Key) == null);
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.StartsWith(refused, StringComparison.Ordinal)
            && (f.Rule == "table_scrambled" || f.Rule == "extra_cells"));
    }

    // pdftotext without -layout numbers the pages as printed ("-3-") and puts the form feed at the
    // head of the next page's first line. In a table printed a cell per line that line is a cell
    // ("\f0"), beside every break inside the table: it was taken for a bare page number (one
    // beside half the breaks or more), though the pages carry numbers of their own form.
    [Fact]
    public void A_cell_after_a_page_break_is_kept_when_the_pages_are_numbered_in_their_own_form()
    {
        var lines = File.ReadAllText(Path.Combine(Fixtures.Dir("Real"), "hongze-2024-plain.txt")).Split('\n');
        var from = Array.IndexOf(lines, "计其他情形）");
        var page = 10;
        for (var i = from; i < lines.Length && page < 16; i++)
        {
            if (lines[i] != "0" || lines[i - 1] != "0") continue;
            lines[i] = $"-{page++}-\n\n\f0";
            i += 5;
        }

        var reading = RealReports.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "hongze-2024-plain-breaks");
        RealReports.WrongCells(RealReports.Expected("hongze-2024"), reading).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    // Generated reports (Fixtures/Generated/README.md) of kinds that once read wrong, whole, with the
    // generator's values and error findings: pdftotext without -layout of a WPS or Word PDF
    // (text-pdf-plain) with a signed 本年增/减 cell alone on its line ("-2", read as a label "-"),
    // a table 二 label wrapped over two lines ("其他对外管理服务事" / "项"), a misprinted reason
    // label right after its group's label, a run printed after a group printed as one row, a
    // table whose per-row readings could be mixed across cuts but whose one consistent cut
    // decides every cell (00096), and one whose cuts truly leave cells open (00013: null, with
    // cells_ambiguous); and a box-drawn table whose group printed as one row has its label
    // wrapped below its numbers ("（六）其他处" / "理"), taken as 3.其他 before.
    [Theory]
    [InlineData("pdf-plain-signed-cells-00299")]
    [InlineData("pdf-plain-wrapped-item-00032")]
    [InlineData("pdf-plain-misprint-after-group-00158")]
    [InlineData("pdf-plain-group-holds-run-00262")]
    [InlineData("pdf-plain-one-cut-00096")]
    [InlineData("pdf-plain-ambiguous-00013")]
    [InlineData("boxdraw-group-wrapped-below-00948")]
    public void Generated_forms_read_every_cell_the_document_decides_and_name_the_rest(string name) =>
        RealReports.ShouldReadAsExpected(Path.Combine(Fixtures.Dir("Generated"), name + ".txt"));
}
