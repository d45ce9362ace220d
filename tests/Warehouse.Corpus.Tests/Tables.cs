using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus.Tests;

/// <summary>
/// Reads the tables of a rendered document back as rows of cells, in the plainest way each
/// layout allows, to check that the document states the expected values. A null cell is a
/// position covered by a merged cell (or an extraction's empty filler); "" is a cell left blank.
/// </summary>
internal static class Tables
{
    public static Encoding Gbk { get; } = RegisterGbk();

    private static Encoding RegisterGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    public static List<string?[]> Read(string layout, byte[] bytes) => Rendered.Page(layout, bytes) switch
    {
        Layouts.TextTab => TextTab(Encoding.UTF8.GetString(bytes)),
        Layouts.TextCell => TextCell(Encoding.UTF8.GetString(bytes)),
        Layouts.HtmlTrs => Html(Encoding.UTF8.GetString(bytes)),
        Layouts.HtmlHanwebGbk => Html(Gbk.GetString(bytes)),
        Layouts.Markdown => Markdown(Encoding.UTF8.GetString(bytes)),
        // An OCR tool's tables are HTML with no attribute but their spans: every table is a data table.
        Layouts.MarkdownOcr => Html(Encoding.UTF8.GetString(bytes), "table"),
        Layouts.TextStream => throw new ArgumentException("Text-stream tables have no cells to read; see StreamShouldState.", nameof(layout)),
        _ => Docx(bytes),
    };

    /// <summary>
    /// Pipe tables: every line between pipes is a row, its separator line left out; a blank cell is "" (blank or merged).
    /// A crawler's pipe text (MarkdownRenderer.WithCrawlerPipes) leaves out a row's first pipe: a line ending " |" is a row too.
    /// </summary>
    private static List<string?[]> Markdown(string text) =>
        text.Split('\n')
            .Select(l => l.StartsWith('|') || !l.EndsWith(" |", StringComparison.Ordinal) ? l : "| " + l)
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => (string?)c.Replace("**", "", StringComparison.Ordinal).Trim(' ', '|')).ToArray())
            .ToList();

    /// <summary>Every line with a tab is a row; an empty cell is filler (text layouts never leave a value blank).</summary>
    private static List<string?[]> TextTab(string text) =>
        text.Split('\n').Where(l => l.Contains('\t')).Select(l => l.Split('\t').Select(c => c.Length == 0 ? null : c).ToArray()).ToList();

    /// <summary>
    /// A cell per line behind a tab, a blank line between rows; a line without a tab continues
    /// the cell above (a wrapped label), also after a blank line ("结果\n\n纠正").
    /// </summary>
    private static List<string?[]> TextCell(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<StringBuilder>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                row.Add(new StringBuilder(line[1..]));
            }
            else if (line.Length > 0 && row.Count > 0)
            {
                row[^1].Append(line);
            }
            else if (line.Length == 0 && row.Count > 0 && !(i + 1 < lines.Length && lines[i + 1].Length > 0 && !lines[i + 1].StartsWith('\t')))
            {
                rows.Add(row.Select(c => c.Length == 0 ? null : c.ToString()).ToArray());
                row.Clear();
            }
        }

        return rows;
    }

    /// <summary>The bordered tables of a page, with rowspan and colspan laid out on a grid.</summary>
    private static List<string?[]> Html(string html, string tables = "table[border]")
    {
        var doc = new HtmlParser().ParseDocument(html);
        var rows = new List<string?[]>();
        foreach (var table in doc.QuerySelectorAll(tables))
        {
            var grid = new Dictionary<(int Row, int Column), string?>();
            var trs = table.QuerySelectorAll("tr").ToList();
            for (var r = 0; r < trs.Count; r++)
            {
                var c = 0;
                foreach (var td in trs[r].Children.Where(e => e.LocalName == "td"))
                {
                    while (grid.ContainsKey((r, c))) c++;
                    var rowSpan = int.Parse(td.GetAttribute("rowspan") ?? "1", CultureInfo.InvariantCulture);
                    var colSpan = int.Parse(td.GetAttribute("colspan") ?? "1", CultureInfo.InvariantCulture);
                    for (var dr = 0; dr < rowSpan; dr++)
                    {
                        for (var dc = 0; dc < colSpan; dc++) grid[(r + dr, c + dc)] = null;
                    }

                    grid[(r, c)] = td.TextContent.Replace('\u00A0', ' ').Trim();
                    c += colSpan;
                }
            }

            var width = grid.Keys.Max(k => k.Column) + 1;
            for (var r = 0; r < trs.Count; r++)
            {
                rows.Add(Enumerable.Range(0, width).Select(c => grid.GetValueOrDefault((r, c))).ToArray());
            }
        }

        return rows;
    }

    /// <summary>
    /// The body's tables, nested ones too (a frame table holds the others); gridSpan gives filler
    /// cells, a vMerge continuation is filler. As Word shows it: a row deleted (the moved-from copy of
    /// a tracked move) is left out, deleted text and a content control's prompt are not read.
    /// </summary>
    private static List<string?[]> Docx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var rows = new List<string?[]>();
        foreach (var table in doc.MainDocumentPart!.Document.Body!.Descendants<Table>().Where(t => !t.Descendants<Table>().Any()))
        {
            foreach (var tr in table.Elements<TableRow>())
            {
                if (tr.TableRowProperties?.GetFirstChild<Deleted>() is not null) continue;
                var cells = new List<string?>();
                foreach (var tc in tr.Elements<TableCell>())
                {
                    var props = tc.TableCellProperties;
                    var continued = props?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    cells.Add(continued ? null : Shown(tc).Trim());
                    var span = props?.GridSpan?.Val?.Value ?? 1;
                    for (var i = 1; i < span; i++) cells.Add(null);
                }

                rows.Add([.. cells]);
            }
        }

        return rows;
    }

    /// <summary>A cell's text as Word shows it.</summary>
    public static string Shown(TableCell cell) =>
        string.Concat(cell.Descendants<Text>()
            .Where(t => !t.Ancestors<SdtBlock>().Any(s => s.SdtProperties?.GetFirstChild<ShowingPlaceholder>() is not null))
            .Select(t => t.Text));

    /// <summary>Labels compared as a reader would: full-width brackets and spacing do not matter.</summary>
    public static string Canon(string s) =>
        string.Concat(s.Normalize(NormalizationForm.FormKC).Where(ch => !char.IsWhiteSpace(ch)));

    /// <summary>
    /// A count as written: "1,234", full-width digits, "-", "—", "/", "无", "〇", "零", the letter O (as OCR reads a zero) or blank for zero, a
    /// unit after it ("12件", "3条", "5份", "356.20万元"), or an amount in yuan in the 万元 column ("418000元").
    /// </summary>
    public static decimal Value(string cell)
    {
        var text = cell.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal).Trim();
        if (text is "" or "-" or "/" or "—" or "无" or "〇" or "零" or "O") return 0;
        var divisor = 1m;
        if (text.EndsWith("万元", StringComparison.Ordinal)) text = text[..^2];
        else if (text.EndsWith('元'))
        {
            text = text[..^1];
            divisor = 10000;
        }
        else if (text.EndsWith('件') || text.EndsWith('条') || text.EndsWith('份')) text = text[..^1];

        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) / divisor;
    }

    /// <summary>
    /// The values of the one row that has a cell labelled <paramref name="label"/>: the cells after
    /// that label, filler left out (<paramref name="count"/> of them: the last, or with
    /// <paramref name="first"/> the first, as markdown keeps the blank cells a merged number covers).
    /// With <paramref name="loose"/>, a cell that ends with the label matches too ("三、本年度办理结果 （一）予以公开").
    /// </summary>
    public static List<string> ValuesOf(List<string?[]> rows, string label, int? count = null, bool loose = false, bool first = false)
    {
        var canon = Canon(label);
        bool Matches(string? c) => c is not null && (Canon(c) == canon || (loose && Canon(c).EndsWith(canon, StringComparison.Ordinal)));
        var found = rows.Where(r => r.Any(Matches)).ToList();
        found.Count.ShouldBe(1, $"rows labelled {label}");
        var row = found[0];
        var after = row.Skip(Array.FindLastIndex(row, Matches) + 1).Where(c => c is not null).Select(c => c!).ToList();
        return count is not { } n ? after : first ? after.Take(n).ToList() : after.TakeLast(n).ToList();
    }

    /// <summary>The label of a row of table 三 as this rendering prints it.</summary>
    public static string Label(DisposalCategory category, Template template, Quirks quirks) =>
        category.Group == "other" && template == Template.Template2019 ? DisposalCategories.GroupLabels["other"] : quirks.Label(category);

    /// <summary>
    /// Checks that the tables state every value the document prints: tables 二, 三 (a group printed as
    /// one row holds its sums, a cell written "X余件" or with a letter for a digit its text) and 四.
    /// </summary>
    /// <param name="spanless">
    /// The markdown's tables hold a cell only where the page has one (<see cref="MarkdownRenderer.IsSpanless"/>):
    /// a row's values are the seven right after its label, the empty cells after them padding.
    /// </param>
    /// <param name="splitActive">
    /// Table 二 stands on a grid of one column more, its slots empty (<see cref="MarkdownRenderer.SplitColumn"/> in a markdown
    /// that is neither a grid nor spanless): its empty places are no values, and its zeros are all typed.
    /// </param>
    /// <param name="labelsApart">
    /// Table 三 as a PDF converter writes it (<see cref="MarkdownRenderer.LabelsApart"/>): its rows are the pipe rows from
    /// 一、本年新收 to 四、结转下年度, in the template's order (a collapsed group one of them), each its label or none, then its
    /// seven cells; the labels set apart are no cells.
    /// </param>
    /// <param name="text">With <paramref name="labelsApart"/>, the document's text: table 二's rows of one or two cells are lines of it ("行政许可 97").</param>
    public static void ShouldState(List<string?[]> rows, Rendition x, string because, bool loose = false, bool spanless = false, bool splitActive = false, bool labelsApart = false, string? text = null)
    {
        var report = x.Source.Report;
        var q = x.Quirks;
        var inOrder = labelsApart ? ApartRows(rows, because) : null;
        var at = 0;
        foreach (var (category, cells) in report.Applications.Rows.Where(r => r.Category.Group != q.Collapsed || labelsApart))
        {
            if (category.Group == q.Collapsed)
            {
                // The group's one row stands where its first reason would.
                if (report.Applications.Rows.First(r => r.Category.Group == q.Collapsed).Category == category) at++;
                continue;
            }

            var written = inOrder is not null ? inOrder[at++] : ValuesOf(rows, Label(category, report.Template, q), ApplicantTypes.Count, loose, first: spanless);
            written.Count.ShouldBe(ApplicantTypes.Count, $"{because}: {category.Code}");
            for (var c = 0; c < ApplicantTypes.Count; c++)
            {
                if (q.Approximate == (category.Code, c)) written[c].ShouldEndWith("余件", Case.Sensitive, because);
                else if (q.Misread is var (row, column, printed) && row == category.Code && column == c) written[c].Trim().ShouldBe(printed, because);
                else if (q.BlankTotals && c == ApplicantTypes.TotalIndex && category.Group is not ("total" or "flow")) written[c].ShouldBeNullOrWhiteSpace($"{because}: {category.Code}'s total left blank");
                else Value(written[c]).ShouldBe(cells[c]!.Value, $"{because}: {category.Code} written as [{string.Join("|", written)}]");
            }
        }

        if (q.Collapsed is { } group)
        {
            var members = report.Applications.Rows.Where(r => r.Category.Group == group).ToList();
            var sums = Enumerable.Range(0, ApplicantTypes.Count).Select(c => (decimal)members.Sum(m => m.Cells[c]!.Value));
            ValuesOf(rows, DisposalCategories.GroupLabels[group], ApplicantTypes.Count, loose, first: spanless).Select(Value).ShouldBe(sums, $"{because}: group {group}");
        }

        // A converter's table 四 (labelsApart): its headings are text, its fifteen numbers one pipe row.
        var header = labelsApart ? rows.FindIndex(r => r.Count(c => !string.IsNullOrEmpty(c)) == 15) - 2 : rows.FindIndex(r => r.Any(c => c is not null && Canon(c) == "复议后起诉"));
        header.ShouldBeGreaterThanOrEqualTo(labelsApart ? -2 : 0, because);
        var review = rows[header + 2].Where(c => c is not null).Select(c => Value(c!)).ToList();
        review.ShouldBe(report.ReviewLitigation.Flatten().Select(v => (decimal)v!.Value), $"{because}: review and litigation");

        foreach (var (label, values) in Active(report))
        {
            var active = splitActive ? rows.Select(r => r.Where(c => c is not { Length: 0 }).ToArray()).ToList() : rows;
            // A converter's row of table 二 whose sub-table it did not take for a grid is a line of text: its label, then its numbers.
            var line = labelsApart ? text!.Split('\n').FirstOrDefault(l => l.StartsWith(label + " ", StringComparison.Ordinal)) : null;
            var written = line is not null ? line[(label.Length + 1)..].Split(' ').ToList() : ValuesOf(active, label, values.Length, loose, first: loose);
            written.Select(Value).ShouldBe(values, $"{because}: {label}");
        }
    }

    // Table 三's rows as a PDF converter writes them (LabelsApart): the pipe rows from 一、本年新收 to 四、结转下年度, each its
    // seven cells after its label, if any, without the padding after them.
    private static List<List<string>> ApartRows(List<string?[]> rows, string because)
    {
        var from = rows.FindIndex(r => r.Any(c => c is not null && Canon(c).StartsWith("一、本年新收", StringComparison.Ordinal)));
        var to = rows.FindIndex(from + 1, r => r.Any(c => c is not null && Canon(c).StartsWith("四、结转下年度", StringComparison.Ordinal)));
        from.ShouldBeGreaterThanOrEqualTo(0, because);
        to.ShouldBeGreaterThan(from, because);
        // A label holds words; a cell at most a figure written "X余件".
        static bool IsLabel(string? cell) => cell is not null && Regex.IsMatch(cell.Replace("余件", "", StringComparison.Ordinal), @"\p{IsCJKUnifiedIdeographs}");
        return rows.Skip(from).Take(to - from + 1).Select(r =>
        {
            var cells = r.Skip(IsLabel(r[0]) ? 1 : 0).ToList();
            cells.Count.ShouldBeGreaterThanOrEqualTo(ApplicantTypes.Count, because);
            cells.Skip(ApplicantTypes.Count).ShouldAllBe(c => string.IsNullOrEmpty(c), because);
            return cells.Take(ApplicantTypes.Count).Select(c => c ?? "").ToList();
        }).ToList();
    }

    /// <summary>
    /// Text-stream: each row of a table prints its label, then its cells' digits run together, with
    /// nothing but spaces between them ("行政规范性文件693665", "（二）部分公开…500000 5"). With
    /// <paramref name="marks"/>, a zero of tables 三 and 四 is written 0, "-", "/" or nothing.
    /// </summary>
    public static void StreamShouldState(string text, Rendition x, string because, bool marks = false)
    {
        var report = x.Source.Report;
        var q = x.Quirks;
        var compact = Canon(text);
        static string Digits(IEnumerable<decimal> values) =>
            string.Concat(values.Select(v => v.ToString(v == decimal.Truncate(v) ? "0" : "0.##", CultureInfo.InvariantCulture)));
        void States(string label, IEnumerable<decimal> values, string what)
        {
            if (!marks)
            {
                compact.ShouldContain(label + Digits(values), Case.Sensitive, $"{because}: {what}");
                return;
            }

            var pattern = Regex.Escape(label) + string.Concat(values.Select(v => v == 0 ? "[0/-]?" : Regex.Escape(Digits([v]))));
            Regex.IsMatch(compact, pattern).ShouldBeTrue($"{because}: {what} ({pattern})");
        }

        foreach (var (category, cells) in report.Applications.Rows.Where(r => r.Category.Group != q.Collapsed))
        {
            States(Canon(Label(category, report.Template, q)), cells.Select(v => (decimal)v!.Value), category.Code);
        }

        if (q.Collapsed is { } group)
        {
            var members = report.Applications.Rows.Where(r => r.Category.Group == group).ToList();
            var sums = Enumerable.Range(0, ApplicantTypes.Count).Select(c => (decimal)members.Sum(m => m.Cells[c]!.Value));
            States(Canon(DisposalCategories.GroupLabels[group]), sums, $"group {group}");
        }

        States("尚未审结总计", report.ReviewLitigation.Flatten().Select(v => (decimal)v!.Value), "table 四");
        foreach (var (label, values) in Active(report))
        {
            compact.ShouldContain(Canon(label + Digits(values)), Case.Sensitive, $"{because}: {label}");
        }
    }

    private static IEnumerable<(string Label, decimal[] Values)> Active(Report report)
    {
        var a = report.ActiveDisclosure;
        if (a.Template2019Columns is { } c)
        {
            decimal[] Of(string item, params string[] names) => names.Select(n => c[$"{item}.{n}"]!.Value).ToArray();
            yield return ("规章", Of("regulations", "new_made", "new_published", "total_published"));
            yield return ("规范性文件", Of("normative_documents", "new_made", "new_published", "total_published"));
            yield return ("行政许可", Of("licensing", "last_year_items", "change", "decisions"));
            yield return ("其他对外管理服务事项", Of("other_services", "last_year_items", "change", "decisions"));
            yield return ("行政处罚", Of("penalty", "last_year_items", "change", "decisions"));
            yield return ("行政强制", Of("enforcement", "last_year_items", "change", "decisions"));
            yield return ("行政事业性收费", Of("fees", "last_year_items", "change"));
            yield return ("政府集中采购", Of("procurement", "projects", "amount_10k_yuan"));
            yield break;
        }

        yield return ("规章", [a.Regulations.Issued!.Value, a.Regulations.Repealed!.Value, a.Regulations.InForce!.Value]);
        yield return ("行政规范性文件", [a.NormativeDocuments.Issued!.Value, a.NormativeDocuments.Repealed!.Value, a.NormativeDocuments.InForce!.Value]);
        yield return ("行政许可", [a.Licensing!.Value]);
        yield return ("行政处罚", [a.Penalty!.Value]);
        yield return ("行政强制", [a.Enforcement!.Value]);
        yield return ("行政事业性收费", [a.Fees10kYuan!.Value]);
    }
}
