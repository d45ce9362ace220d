using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// The real reports damaged as copy tools and crawlers damage documents (all lines joined, the
/// spaces between cells dropped, a label misprinted or wrapped, a page footer inside a table, a zero
/// cell as the letter O, a digit of a cell as a letter ("1O", "l41"), a heading worded otherwise or left out,
/// digits typed full-width, items numbered "2）", "2，" or "②", or without their point, "2其他法律…", characters no
/// reader sees (zero-width spaces, soft hyphens) inside words and numbers, zeros of table 三 typed as nothing in text laid
/// out by columns):
/// every cell is right or null with an error finding, and a report whose cells were all read
/// raises no error the original does not.
/// </summary>
public sealed partial class RealMutationTests
{
    private static readonly string[] TextFixtures = ["pingtan-2021", "pingtan-2024", "hongze-2024-layout", "pingtan-2024-portal", "pingtan-2022", "pingtan-2020-libreoffice-layout"];

    private static readonly string[] Labels =
    [
        "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "予以公开", "部分公开", "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”",
        "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项", "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作", "补正后申请内容仍不明确", "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息", "结转下年度继续办理", "行政规范性文件", "行政事业性收费", "行政许可", "行政处罚", "行政强制",
    ];

    public enum Damage
    {
        JoinLines,
        DropCellSpaces,
        MisprintLabel,
        WrapLabel,
        PageFooter,
        MisprintHeading,
        OcrZero,
        OcrDigit,
        WordHeading,
        DropHeading,
        WideDigits,
        Renumber,
        Invisible,
        BlankZeros,
    }

    [Fact]
    public void Damaged_real_reports_are_read_right_or_flagged_and_never_raise_a_false_alarm()
    {
        var baselines = TextFixtures.ToDictionary(n => n, n => RealReports.Read(File.ReadAllBytes(RealReports.File(n)), n));
        Gen.Select(Gen.Int[0, TextFixtures.Length - 1], Gen.Enum<Damage>(), Gen.Int[0, int.MaxValue])
            .Sample((which, damage, salt) =>
            {
                var name = TextFixtures[which];
                var original = File.ReadAllText(RealReports.File(name));
                // A -layout print that sets a cell alone on the line above its row ("442" over "行政许可  396  278")
                // states another table once its lines are joined ("行政许可 396 278 7 其他…"): no damage, a rewrite.
                if (damage == Damage.JoinLines && LoneCell().IsMatch(original)) return;
                var damaged = Apply(original, damage, new Random(salt), name.EndsWith("portal", StringComparison.Ordinal));
                var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
                var context = $"{name} after {damage} (salt {salt})";
                reading.Parse.Rejection.ShouldBeNull(context);

                var expected = RealReports.Flatten(RealReports.Expected(name));
                var baseline = baselines[name];
                var errors = reading.Findings.Where(f => f.Severity == Severity.Error).ToList();
                var lost = new List<string>();
                // Every cell the expectation states, and the cells it leaves out that the undamaged report gives
                // (the 2019 template's own columns of table 二).
                foreach (var key in expected.Keys.Union(baseline.Cells.Keys))
                {
                    if (key == "region_code" && expected.GetValueOrDefault(key) is null) continue;
                    var got = reading.Cells.GetValueOrDefault(key);
                    var before = baseline.Cells.GetValueOrDefault(key);
                    if (RealReports.Same(got, before)) continue;
                    if (got is null)
                    {
                        // A cell the damage made unreadable: null, and an error says so.
                        errors.ShouldNotBeEmpty($"{context}: {key} became null without an error finding");
                        lost.Add(key);
                        continue;
                    }

                    throw new ShouldAssertException($"{context}: {key} reads {got.ToJsonString()} where the document states {before?.ToJsonString() ?? "null"}");
                }

                if (lost.Count == 0)
                {
                    // Every cell still read: the report adds up as before, so no new error.
                    var known = baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToHashSet();
                    errors.Where(f => !known.Contains(f.Rule)).Select(f => $"{f.Rule}: {f.Message}").ShouldBeEmpty(context);
                }
            }, iter: 500, threads: 1);
    }

    [Fact]
    public void A_row_of_table_two_run_together_is_unknown_not_one_cell_and_blanks()
    {
        // "行政规范性文件   3   0   8" with its spaces dropped ("308", seed e2CsT7Uu48y2 of the test above) reads as a row
        // whose blank cells a -layout text leaves empty: 308, 0, 0, silently. With no other row of table 二 blank beyond
        // doubt, a row whose digits could be its cells run together stays unknown, with its error.
        var reading = ReadWithRow("hongze-2024-layout", "行政规范性文件          3          0       8", "行政规范性文件          308");
        new[] { "issued", "repealed", "in_force" }.Select(c => reading.Cells.GetValueOrDefault($"ad.normative_documents.{c}")).ShouldAllBe(v => v == null);
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Rule == "missing_cells" && f.Message.Contains("行政规范性文件", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_of_table_two_with_a_blank_between_cells_a_column_apart_is_placed_by_its_sub_tables_whole_row()
    {
        // "行政规范性文件       8                   66" under "规章  1  0  11": two cells a column's gap apart, each under
        // a cell of the whole row above, are 8, blank (zero), 66; that "8" and "66" hold three digits, as many as the
        // row's cells, does not make them cells run together.
        var reading = ReadWithRow("huaian-2024-layout", "行政规范性文件       8          26       66", "行政规范性文件       8                   66");
        new[] { "issued", "repealed", "in_force" }.Select(c => reading.Cells.GetValueOrDefault($"ad.normative_documents.{c}")?.ToJsonString()).ShouldBe(["8", "0", "66"]);
        reading.Findings.Where(f => f.Severity == Severity.Error && f.Message.Contains("行政规范性文件", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("—")]
    public void A_zero_mark_alone_on_its_line_after_a_row_label_of_table_two_is_that_rows_cell(string mark)
    {
        // pdftotext without -layout sets each cell on a line of its own: "行政处罚" / "-" / "行政强制" / "/". A mark
        // alone between two labels was no cell (only before a number or after one), and both rows were missing.
        var original = File.ReadAllText(RealReports.File("hongze-2024-plain"));
        var damaged = original.Replace("行政处罚\n\n2776\n", $"行政处罚\n\n{mark}\n", StringComparison.Ordinal).Replace("行政强制\n\n84\n", $"行政强制\n\n{mark}\n", StringComparison.Ordinal);
        damaged.Length.ShouldBe(original.Length - 6 + (2 * mark.Length));
        var baseline = RealReports.Read(Encoding.UTF8.GetBytes(original), "hongze-2024-plain");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), "hongze-2024-plain");
        reading.Cells.GetValueOrDefault("ad.penalty")?.ToJsonString().ShouldBe("0");
        reading.Cells.GetValueOrDefault("ad.enforcement")?.ToJsonString().ShouldBe("0");
        foreach (var (key, value) in baseline.Cells.Where(kv => kv.Key is not ("ad.penalty" or "ad.enforcement"))) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue(key);
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    // The real fixture read with one line of its text written otherwise.
    private static RealReports.Reading ReadWithRow(string name, string row, string printed)
    {
        var original = File.ReadAllText(RealReports.File(name));
        var damaged = original.Replace(row, printed, StringComparison.Ordinal);
        damaged.ShouldNotBe(original);
        return RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
    }

    [Theory]
    [InlineData("pingtan-2021", "")]
    [InlineData("pingtan-2024", " ")]
    [InlineData("pingtan-2020-libreoffice-layout", "")]
    [InlineData("pingtan-2020-libreoffice-layout", " ")]
    [InlineData("pingtan-2024-chrome-layout", " ")]
    [InlineData("huaian-2024-layout", "")]
    public void Items_numbered_without_their_point_read_as_the_original(string name, string point)
    {
        // "00000002其他法律…" run together, "不予公开 2 其他法律…" and "3补正后申请内" over "容仍不明确" in -layout
        // text: each reason's own number, not a cell, and not part of the label above.
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var damaged = Renumber(File.ReadAllText(RealReports.File(name)), point);
        damaged.ShouldNotBe(File.ReadAllText(RealReports.File(name)));
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name} [{point}]: {key}");
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    // A page that leaves a row's cells all blank, in a crawler's text whose cells run together: the row leaves its label and
    // no digit, so its label runs into the next row's ("2.其他法律行政法规禁止公开3.危及“三安全一稳定”0000000"). The next
    // row's numbers were read as the blank row's, and the next row was missing (a wrong row, with an error elsewhere). Now
    // the numbers are the last label's, and the blank row is seven blank cells, read as zeros as a grid's blank cells are
    // (a warning says so). A second row left blank whose numbers were not zeros ("1000001") is zeros as printed, and the
    // total row says the report does not add up.
    [Theory]
    [InlineData("pingtan-2024", true)]
    [InlineData("pingtan-2021", true)]
    [InlineData("pingtan-2024", false)]
    public void A_row_printed_as_its_label_alone_gives_the_next_row_its_numbers(string name, bool zeros)
    {
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var original = File.ReadAllText(RealReports.File(name));
        var damaged = Regex.Replace(original, "(2\\.其他法律行政法规禁止公开)\\s*0000000", "$1", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!zeros) damaged = Regex.Replace(damaged, "(其政府信息公开申请)\\s*(1000001)", "$1", RegexOptions.None, TimeSpan.FromSeconds(1));
        damaged.ShouldNotBe(original);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
        reading.Findings.ShouldContain(f => f.Rule == "blank_row" && f.Severity == Severity.Warning);
        foreach (var (key, value) in baseline.Cells)
        {
            if (!zeros && key.StartsWith("app.other_no_correction.", StringComparison.Ordinal)) continue;
            RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name}: {key}");
        }

        if (zeros)
        {
            reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
                .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
            return;
        }

        reading.Cells["app.other_no_correction.0"]!.GetValue<int>().ShouldBe(0);
        reading.Findings.ShouldContain(f => f.Rule == "total_row" && f.Severity == Severity.Error);
    }

    // A grid of more columns than its rows' cells, as pandoc writes the grid of Word's HTML: a cell merged across two
    // columns leaves the second empty ("| 规章 | 13 | 13 |  | 524 |" for 本年新公开数量, the rebuilt Shanghai 2019 page). Every
    // row of table 二 was a cell too many, unknown with an extra_cells error; the empty places, exactly as many as the cells
    // too many, now go (a span_empty warning).
    [Fact]
    public void Table_two_rows_with_the_empty_places_of_merged_cells_read_as_the_original()
    {
        const string name = "pingtan-2024-gfm";
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var lines = File.ReadAllText(RealReports.File(name)).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| 第二十条第（一）项", StringComparison.Ordinal));
        for (var i = start; i < start + 4; i++)
        {
            // The first number's column merged with the one after it: an empty place after it.
            var cells = lines[i].Split('|').ToList();
            cells.Insert(3, "  ");
            lines[i] = string.Join('|', cells);
        }

        var damaged = string.Join('\n', lines);
        damaged.ShouldContain("| 62                         |  | 33");
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name}: {key}");
        reading.Findings.ShouldContain(f => f.Rule == "span_empty" && f.Severity == Severity.Warning);
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    // Sections numbered as parts ("第二部分 主动公开政府信息情况"), as some offices number them. In a text whose body is one
    // line (pdfminer without layout, readability's text) the heading stood inside a paragraph beside table 二's header and
    // was not looked for: the preamble was read as a row of table 二 (an unrecognised_row error), or table 二 was lost.
    [Theory]
    [InlineData("pingtan-2022-readability")]
    [InlineData("hongze-2024-pdfminer-nolayout")]
    [InlineData("pingtan-2024")]
    [InlineData("hongze-2024-layout")]
    [InlineData("pingtan-2024-portal")]
    public void Sections_numbered_as_parts_read_as_the_original(string name)
    {
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var original = File.ReadAllText(RealReports.File(name));
        var damaged = Regex.Replace(original,
            "(?<![\\u4e00-\\u9fff])([一二三四五六])、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)",
            m => $"第{m.Groups[1].Value}部分 {m.Groups[2].Value}");
        damaged.ShouldNotBe(original);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name}: {key}");
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    [Theory]
    [InlineData("pingtan-2021")]
    [InlineData("pingtan-2024")]
    [InlineData("hongze-2024-layout")]
    [InlineData("huaian-2024-layout")]
    [InlineData("pingtan-2024-w3m")]
    [InlineData("pingtan-2019-gfm")]
    [InlineData("pingtan-2024-portal")]
    [InlineData("pingtan-2020-portal")]
    public void Characters_no_reader_sees_change_nothing(string name)
    {
        // Zero-width spaces (web editors), byte order marks (copies of WeChat articles), soft hyphens and word joiners
        // after one character in twenty, inside numbers too ("18\u00AD651.06"): taken for spaces, they cut a number in
        // two and its first part was read as the cell, silently; in a page's text they are entities as often as not.
        var original = File.ReadAllText(RealReports.File(name));
        var baseline = RealReports.Read(Encoding.UTF8.GetBytes(original), name);
        var damaged = Invisible(original, new Random(12), name.EndsWith("portal", StringComparison.Ordinal), density: 0.05);
        damaged.Length.ShouldBeGreaterThan(original.Length + 100);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(damaged), name);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name}: {key} reads {reading.Cells.GetValueOrDefault(key)?.ToJsonString() ?? "null"}");
        reading.Findings.Select(f => $"{f.Severity} {f.Rule}").Order().ShouldBe(baseline.Findings.Select(f => $"{f.Severity} {f.Rule}").Order());
    }

    [Fact]
    public void Blocks_show_a_text_as_the_parser_reads_it()
    {
        // parse --blocks is the first thing to look at when a report is misread: it must show the text without the
        // characters no reader sees, its digits narrow, as the parser reads it, not the bytes as decoded.
        var damaged = Invisible(File.ReadAllText(RealReports.File("pingtan-2024")), new Random(3), html: false, density: 0.05) + "\n合计 １２";
        var (document, why) = ReportParser.ReadDocument(Encoding.UTF8.GetBytes(damaged), new ParseOptions("pingtan-2024.txt"));
        why.ShouldBeNull();
        var texts = document!.Blocks.SelectMany(b => b switch { Documents.Paragraph p => [p.Text], Documents.TableRow r => r.Cells, _ => [] }).ToList();
        texts.Where(t => t.IndexOfAny(['\u200B', '\uFEFF', '\u00AD', '\u2060']) >= 0).ShouldBeEmpty();
        texts.ShouldContain(t => t.Contains("12", StringComparison.Ordinal) && t.Contains("合计", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hongze-2024-plain")]
    [InlineData("hongze-2024-pymupdf")]
    [InlineData("huaian-2024-pymupdf")]
    public void Cells_of_one_digit_with_their_unit_on_lines_of_their_own_stay_cells(string name)
    {
        // Text with a cell per line (pdftotext without -layout, PyMuPDF), table 三's one-digit cells written "5件": a
        // digit opening a line of words is a numbering with its point dropped ("5 要求" over "行政机"), but a unit is no word.
        var original = File.ReadAllText(RealReports.File(name));
        var lines = original.Split('\n');
        var from = Array.FindIndex(lines, l => l.Contains("本年新收", StringComparison.Ordinal));
        var to = Array.FindIndex(lines, from, l => l.Contains("结转下年度", StringComparison.Ordinal));
        var units = 0;
        for (var i = from; i <= to + 2; i++)
        {
            if (Regex.IsMatch(lines[i], @"^\s*[1-9]\s*$")) (lines[i], units) = (lines[i].Trim() + "件", units + 1);
        }

        units.ShouldBeGreaterThan(3);
        var baseline = RealReports.Read(Encoding.UTF8.GetBytes(original), name);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), name);
        foreach (var (key, value) in baseline.Cells) RealReports.Same(reading.Cells.GetValueOrDefault(key), value).ShouldBeTrue($"{name}: {key}");
        reading.Findings.Count(f => f.Severity == Severity.Error).ShouldBe(baseline.Findings.Count(f => f.Severity == Severity.Error));
    }

    public static string Apply(string text, Damage damage, Random rng, bool html) => damage switch
    {
        Damage.JoinLines => html ? text.Replace("\n", "", StringComparison.Ordinal) : text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal),
        Damage.DropCellSpaces => html ? text : DropCellSpaces(text, rng),
        Damage.MisprintLabel => Misprint(text, rng),
        Damage.WrapLabel => Wrap(text, rng, html),
        Damage.MisprintHeading => MisprintHeading(text, rng),
        Damage.OcrZero => OcrZero(text, rng, html),
        Damage.OcrDigit => OcrDigit(text, rng, html),
        Damage.WordHeading => WordHeading(text, rng),
        Damage.DropHeading => DropHeading(text, rng),
        Damage.WideDigits => WideDigits(text, rng, html),
        Damage.Renumber => Renumber(text, rng),
        Damage.Invisible => Invisible(text, rng, html, density: 0.03),
        Damage.BlankZeros => html ? text : BlankZeros(text, rng),
        _ => Footer(text, rng, html),
    };

    // "9    0    0    0   0   0    9" → "9                          9": an office that types no zeros, in text laid out by columns
    // (pdftotext -layout), where a blank cell leaves its column empty. Each zero cell of table 三 is blanked by one chance,
    // the same for the whole text, from a few to all of them.
    private static string BlankZeros(string text, Random rng)
    {
        var first = text.IndexOf("本年新收", StringComparison.Ordinal);
        var end = first < 0 ? -1 : text.IndexOf("行政复议", first, StringComparison.Ordinal);
        if (end < 0 || !LaidOut().IsMatch(text[first..end])) return text;
        var chance = 0.2 + (rng.NextDouble() * 0.8);
        return text[..first] + StandingZero().Replace(text[first..end], m => rng.NextDouble() < chance ? " " : m.Value) + text[end..];
    }

    [GeneratedRegex(@"\d {3,}\d")]
    private static partial Regex LaidOut();

    [GeneratedRegex(@"(?<= )0(?= |\r?$)", RegexOptions.Multiline)]
    private static partial Regex StandingZero();

    // "95    0    0 …" → "9500…": a row whose cells lost their boundaries (or a run that loses a stray space).
    private static string DropCellSpaces(string text, Random rng)
    {
        var rows = NumberRun().Matches(text).Where(m => m.Value.Any(char.IsWhiteSpace)).ToList();
        if (rows.Count == 0) return text;
        var m = rows[rng.Next(rows.Count)];
        return text[..m.Index] + Regex.Replace(m.Value, @"\s+", "") + text[(m.Index + m.Length)..];
    }

    private static string Misprint(string text, Random rng)
    {
        var (at, label) = PickLabel(text, rng);
        if (at < 0) return text;
        var k = rng.Next(label.Length);
        // Drop a character, or change it to a look-alike of a kind printers produce.
        var replacement = rng.Next(2) == 0 ? "" : "止".ToString();
        return text[..(at + k)] + replacement + text[(at + k + 1)..];
    }

    // The words of the numbered section headings 二 to 六 ("四、政府信息公开行政法复议、行政诉讼情况", pingtan 2022).
    private static readonly string[] Headings = ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"];

    private static string MisprintHeading(string text, Random rng)
    {
        var found = Headings.Select((h, i) => (At: text.IndexOf("二三四五六"[i] + "、" + h, StringComparison.Ordinal), Words: h))
            .Where(x => x.At >= 0).ToList();
        if (found.Count == 0) return text;
        var (at, words) = found[rng.Next(found.Count)];
        at += 2;
        // A character dropped, typed wrong or added, anywhere but the last (情况, 事项 end every heading).
        var k = rng.Next(words.Length - 1);
        return rng.Next(3) switch
        {
            0 => text.Remove(at + k, 1),
            1 => text[..(at + k)] + "止" + text[(at + k + 1)..],
            _ => text.Insert(at + k, "法"),
        };
    }

    // Headings as offices word them (Quirks.HeadingWordings, real reports).
    private static readonly string[][] Wordings =
    [
        ["二、行政机关主动公开政府信息情况", "二、主动公开政府信息情况统计"],
        ["三、行政机关收到和处理政府信息公开申请情况", "三、收到和处理信息公开申请情况"],
        ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况统计"],
        ["五、存在的不足及改进措施", "五、存在的主要问题和下一步工作打算"],
        ["六、其他事项", "六、其他需要说明的事项"],
    ];

    private static string WordHeading(string text, Random rng)
    {
        var found = Headings.Select((h, i) => (Heading: "二三四五六"[i] + "、" + h, Section: i)).Where(x => text.Contains(x.Heading, StringComparison.Ordinal)).ToList();
        if (found.Count == 0) return text;
        var (heading, section) = found[rng.Next(found.Count)];
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        return text[..at] + Wordings[section][rng.Next(Wordings[section].Length)] + text[(at + heading.Length)..];
    }

    // A heading of a section with a table, or of section 五, left out.
    private static string DropHeading(string text, Random rng)
    {
        var found = Headings.Take(4).Select((h, i) => "二三四五"[i] + "、" + h).Where(h => text.Contains(h, StringComparison.Ordinal)).ToList();
        if (found.Count == 0) return text;
        var heading = found[rng.Next(found.Count)];
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        return text[..at] + text[(at + heading.Length)..];
    }

    // A zero cell as OCR (or a typist) gives it: the letter O, o or full-width Ｏ.
    private static string OcrZero(string text, Random rng, bool html)
    {
        var zeros = (html ? CellZero() : LoneZero()).Matches(text).ToList();
        if (zeros.Count == 0) return text;
        var m = zeros[rng.Next(zeros.Count)];
        var at = m.Index + m.Value.IndexOf('0', StringComparison.Ordinal);
        return text[..at] + "OoＯ"[rng.Next(3)] + text[(at + 1)..];
    }

    // A digit 0 or 1 of a table's number typed or recognised as a letter ("1O", "l41", "3I9", a lone "l"): that cell
    // is null with an error, never another number (as label text, "l41" left 41).
    private static string OcrDigit(string text, Random rng, bool html)
    {
        var numbers = html
            ? CellNumber().Matches(text).Select(m => (m.Index + 1, m.Length - 2)).ToList()
            : NumberRun().Matches(text).SelectMany(run => Regex.Matches(run.Value, @"\d+").Select(n => (run.Index + n.Index, n.Length))).ToList();
        var digits = numbers.Where(n => text.Substring(n.Item1, n.Item2) != "0")
            .SelectMany(n => Enumerable.Range(n.Item1, n.Item2).Where(i => text[i] is '0' or '1')).ToList();
        if (digits.Count == 0) return text;
        var at = digits[rng.Next(digits.Count)];
        var letter = text[at] == '0' ? 'O' : "lI"[rng.Next(2)];
        return text[..at] + letter + text[(at + 1)..];
    }

    // Digits typed full-width ("７１　３　０", "９１１６．３６"), as some offices type a table's numbers: every
    // digit of the document, or one row's. In a page only the text between tags, never an attribute.
    private static string WideDigits(string text, Random rng, bool html)
    {
        static string Widen(string s) => string.Concat(s.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c == '.' ? '．' : c));
        if (rng.Next(2) == 0)
        {
            return html ? Regex.Replace(text, @"(?<=>)[^<]+", m => Widen(m.Value)) : Widen(text);
        }

        var rows = (html ? CellNumber() : NumberRun()).Matches(text).ToList();
        if (rows.Count == 0) return text;
        var m = rows[rng.Next(rows.Count)];
        return text[..m.Index] + Widen(m.Value) + text[(m.Index + m.Length)..];
    }

    private static readonly (string Raw, string Entity)[] InvisibleCharacters =
        [("\u200B", "&#8203;"), ("\uFEFF", "&#xFEFF;"), ("\u00AD", "&shy;"), ("\u2060", "&#8288;")];

    // After some visible characters of the text (of a page: its text between tags, raw or as an entity).
    private static string Invisible(string text, Random rng, bool html, double density)
    {
        var damaged = new StringBuilder(text.Length * 2);
        var inTag = false;
        var inEntity = false;
        foreach (var ch in text)
        {
            damaged.Append(ch);
            if (html)
            {
                if (ch == '<') inTag = true;
                else if (ch == '>') inTag = false;
                else if (ch == '&') inEntity = true;
                else if (ch == ';') inEntity = false;
                if (inTag || inEntity || ch is '<' or '>' or '&' or ';') continue;
            }

            if (char.IsWhiteSpace(ch) || char.IsSurrogate(ch) || rng.NextDouble() >= density) continue;
            var (raw, entity) = InvisibleCharacters[rng.Next(InvisibleCharacters.Length)];
            damaged.Append(html && rng.Next(2) == 0 ? entity : raw);
        }

        return damaged.ToString();
    }

    private static string Wrap(string text, Random rng, bool html)
    {
        var (at, label) = PickLabel(text, rng);
        if (at < 0 || label.Length < 2) return text;
        var k = 1 + rng.Next(label.Length - 1);
        return text[..(at + k)] + (html ? "</p><p>" : "\n") + text[(at + k)..];
    }

    // A page footer between two rows of a table, or between paragraphs.
    private static string Footer(string text, Random rng, bool html)
    {
        var (at, _) = PickLabel(text, rng);
        if (at < 0) return text;
        var footer = rng.Next(3) switch { 0 => "- 3 -", 1 => "第 3 页 共 5 页", _ => "— 12 —" };
        if (html)
        {
            var row = text.LastIndexOf("<tr", at, StringComparison.Ordinal);
            return row < 0 ? text : text[..row] + $"<tr><td colspan=\"9\">{footer}</td></tr>" + text[row..];
        }

        // Before the row's numbering ("2.重复申请"), and at the start of its line: a page ends between lines.
        var start = at;
        if (start >= 2 && text[start - 1] is '.' or '、' && char.IsAsciiDigit(text[start - 2])) start -= 2;
        var line = text.LastIndexOf('\n', Math.Max(0, start - 1));
        if (line >= 0 && text[(line + 1)..start].Trim().Length == 0) start = line + 1;
        return text[..start] + "\n" + footer + "\n" + text[start..];
    }

    private static (int At, string Label) PickLabel(string text, Random rng)
    {
        var found = Labels.Select(l => (At: text.IndexOf(l, StringComparison.Ordinal), Label: l)).Where(x => x.At >= 0).ToList();
        return found.Count == 0 ? (-1, "") : found[rng.Next(found.Count)];
    }

    // "2.重复申请" → "2）重复申请", "2)重复申请", "2，重复申请", "2 .重复申请" or "②重复申请": every item numbered
    // with a closing parenthesis alone, a comma for the point, the point a space away, or a circled number.
    // "2）", "2)", "2，", "2 .", "②", and the point dropped ("2其他法律…") or a space for it ("2 其他法律…").
    private static string Renumber(string text, Random rng) => Renumber(text, new[] { "）", ")", "，", " .", "circled", "", " " }[rng.Next(7)]);

    /// <summary>Every item's numbering "2." of <paramref name="text"/> as "2" and <paramref name="point"/>, or as "②" for "circled".</summary>
    public static string Renumber(string text, string point) =>
        ItemNumber().Replace(text, m => point == "circled" ? ((char)('①' + m.Groups[1].Value[0] - '1')).ToString() : m.Groups[1].Value + point);

    [GeneratedRegex(@"(?<![0-9.])([1-8])\.(?=[\u4e00-\u9fff“])")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"(?m)^[ ]{8,}\d+[ ]*\r?$")]
    private static partial Regex LoneCell();

    [GeneratedRegex(@"(?<![\d.])\d+(?:[ \t]+\d+){2,}")]
    private static partial Regex NumberRun();

    // A cell's text that is a zero alone: ">0<" in a page, "0" between spaces or tabs in text.
    [GeneratedRegex(@">0<")]
    private static partial Regex CellZero();

    [GeneratedRegex(@">\d+<")]
    private static partial Regex CellNumber();

    [GeneratedRegex(@"(?<=[ \t])0(?=[ \t\r\n])")]
    private static partial Regex LoneZero();
}
