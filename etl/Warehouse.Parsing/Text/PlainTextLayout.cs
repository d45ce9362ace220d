using System.Text;
using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Reads text extracted from PDF or DOCX. Two forms are met: each table row on one line
/// with tab-separated cells, or each cell on its own line behind a tab with a blank line
/// between rows. Both split long labels over several lines ("三、\n本年\n度办\n理结\n果").
/// </summary>
public static partial class PlainTextLayout
{
    public const string TabRows = "text-tab-rows";
    public const string CellPerLine = "text-cell-per-line";

    /// <summary>Text saved with each table cell a line of its own, a blank cell an empty line (<see cref="ParagraphCells"/>).</summary>
    public const string ParagraphCellsLayout = "text-paragraph-cells";

    private static readonly System.Buffers.SearchValues<char> LineEnds = System.Buffers.SearchValues.Create("\u2028\u2029\u0085\v");

    /// <summary>
    /// The text with each line that ends otherwise than by a line feed or a carriage return ended by a line feed:
    /// Unicode's line and paragraph separators (U+2028, U+2029), NEL (U+0085), and the vertical tab that Word's
    /// object model gives for a manual line break (<c>Range.Text</c>), which text taken out of Word by a script
    /// keeps. Each ends a line, as Unicode says; read as a space, the lines of a table ran together.
    /// </summary>
    internal static string WithLineFeeds(string text) =>
        text.AsSpan().IndexOfAny(LineEnds) >= 0 ? OtherLineEnd().Replace(text, "\n") : text;

    public static ReportDocument Read(string text)
    {
        // Text copied or saved from a web page keeps its &nbsp; padding as U+00A0 ("行政许可\u00a0\u00a0396"), and
        // text typed in Word pads with the ideographic space U+3000 ("行政许可　　396"): each is one character of
        // the line like any other, so as a space the runs between cells stay runs of spaces and columns stay.
        if (text.Contains('\u00a0', StringComparison.Ordinal)) text = text.Replace('\u00a0', ' ');
        if (text.Contains('\u3000', StringComparison.Ordinal)) text = text.Replace('\u3000', ' ');
        text = InlineMath.Apply(WithLineFeeds(text));
        if (text.Contains('\t', StringComparison.Ordinal)) text = WithParagraphTabsAsBreaks(text);
        // Word's prompt in an empty content control ends its cell: docx2txt runs it into the next cell's text when the
        // control's paragraph has no attributes ("单击或点击此处输入文字。0").
        if (text.Contains("此处输入", StringComparison.Ordinal)) text = PromptRunOn().Replace(text, "$1\n");
        // Tables in LaTeX (Mathpix Markdown, MinerU's StructEqTable): read as the HTML tables they stand for.
        if (text.Contains('\\', StringComparison.Ordinal) && LatexTables.Holds(text)) text = LatexTables.AsHtml(text);
        if (text.Contains("[bookmark:", StringComparison.Ordinal)) text = BookmarkMarker().Replace(text, "");
        if (text.Contains("---|---", StringComparison.Ordinal) && Html2TextTables.IsHtml2Text(text)) text = Html2TextTables.AsPipeRows(text);
        else text = PipeRows.AsRowsOrCells(text.Contains("\n\n", StringComparison.Ordinal) ? WithDoubleSpacingHalved(text) : text);
        if (text.Contains("|--", StringComparison.Ordinal) && text.Contains("-+", StringComparison.Ordinal)) text = WithoutAsciiRules(text);
        if (text.Contains("+--", StringComparison.Ordinal)) text = WithGridTablesAsPipes(text);
        if (text.Contains("---", StringComparison.Ordinal) && SimpleTableRule().IsMatch(text)) text = WithMultilineTablesAsPipes(text);
        if (text.Contains("]{", StringComparison.Ordinal) || text.Contains(":::", StringComparison.Ordinal)) text = WithoutPandocMarkup(text);
        // Markdown writers escape what markdown would read as markup: pandoc a cell's zero mark ("\-") and a label's
        // quote or bracket, html2text a number and its point at a line's start ("1\."). The escaped character is the
        // text; an escaped pipe stays escaped, a cell's own pipe, not a column's (GridBar reads it so).
        if (text.Contains('\\')) text = MarkdownEscape().Replace(text, "$1");
        // A simple table's rules are no row: read as cells, each run of dashes would be a zero.
        if (text.Contains("---", StringComparison.Ordinal)) text = SimpleTableRule().Replace(text, "");
        // Any case, as the sniffer finds it (DocumentSniffer sends text with HTML tables here) and as HtmlTable() matches.
        if (text.Contains("<table", StringComparison.OrdinalIgnoreCase) && text.Contains("</", StringComparison.Ordinal)) return WithHtmlTables(text);
        // A page ends a line: pdfminer without layout analysis (pdf2txt -n) writes each page as one line and a form feed
        // between them, the next page's number glued after it ("…31\f-4-2.没有现成…").
        if (text.Contains('\f', StringComparison.Ordinal)) text = FormFeedInLine().Replace(text, "\n\f");
        var raw = RowNumbering.WithDigitsJoined(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));
        if (text.AsSpan().IndexOfAnyInRange('\u2500', '\u257F') >= 0) raw = WithoutBoxRules(raw);
        var lines = WithoutPageFurniture(raw, closeBreaks: false);
        var titles = PrintHeaderTitles(raw);
        // A word processor's text has no pages: text with form feeds is a PDF's (mutool ends each block of a page, a row, with an
        // empty line, which is no blank cell).
        if (!text.Contains('\f', StringComparison.Ordinal) && ParagraphCells.Rows(lines) is { } rows) return new ReportDocument(ReadTabRows(lines, rows), ParagraphCellsLayout, titles);
        return IsCellPerLine(lines)
            ? new ReportDocument(ReadCellPerLine(lines), CellPerLine, titles)
            : new ReportDocument(ReadTabRows(BlankCells.Apply(WrappedNumbers.Apply(CellsAboveRows.Apply(BlankCells.ActiveRows(WithoutPageFurniture(raw, closeBreaks: true)))))), TabRows, titles);
    }

    /// <summary>
    /// The page's title as a browser prints it in each page's header, after the time of printing ("2022/4/25 03:58
    /// 广安区人力资源和社会保障局2021年度政府信息公开工作年度报告_政府信息公开年报"), when it names a report: the
    /// header goes as page furniture, but its title is the page's &lt;title&gt;, whole where the body's title may be
    /// set beside a portal's side menu ("概况  广安区人力资源和社会保障局" / "政策" / "文件 2021  年度政府…").
    /// </summary>
    private static List<string> PrintHeaderTitles(string[] lines)
    {
        var titles = new List<string>();
        foreach (var line in lines)
        {
            if (PrintedAt().Match(line) is not { Success: true } at) continue;
            var title = line[(at.Index + at.Length)..].Trim();
            if (title.Length >= 8 && title.Contains("报告", StringComparison.Ordinal) && !titles.Contains(title)) titles.Add(title);
        }

        return titles;
    }

    /// <summary>
    /// True when text holds markdown that a page's text never does: a pipe table's rule ("|---|"),
    /// a pandoc span with attributes ("]{") or a fenced div (":::"). Markdown written from a web page
    /// (<c>pandoc -t gfm</c>, <c>-t markdown</c>) keeps the page's divs as HTML, so it reads as HTML
    /// whose text between the tags is markdown.
    /// </summary>
    public static bool IsMarkdown(string text) =>
        text.Contains('\n') && (text.Contains("|--", StringComparison.Ordinal) || text.Contains("|:--", StringComparison.Ordinal)
            || text.Contains("]{", StringComparison.Ordinal) || text.Contains(":::", StringComparison.Ordinal) || SimpleTableRule().IsMatch(text));

    /// <summary>
    /// Markdown written by OCR and conversion tools (MinerU, pandoc) keeps the tables that pipes
    /// cannot hold (merged cells) as HTML: those are read as HTML tables, the text around them as text.
    /// </summary>
    private static ReportDocument WithHtmlTables(string text)
    {
        var blocks = new List<Block>();
        var at = 0;
        foreach (Match m in HtmlTable().Matches(text))
        {
            if (m.Index > at) blocks.AddRange(Read(WithoutInlineHtml(text[at..m.Index])).Blocks);
            blocks.AddRange(Html.HtmlLayout.Read("<html><body>" + m.Value + "</body></html>").Blocks.Select(b => b is TableRow r ? r with { Exact = true } : b));
            at = m.Index + m.Length;
        }

        if (at < text.Length) blocks.AddRange(Read(WithoutInlineHtml(text[at..])).Blocks);
        return new ReportDocument(blocks, TabRows);
    }

    /// <summary>
    /// Markdown that keeps a page's markup as raw HTML (<c>pandoc -t markdown_strict</c> of a Word
    /// export: "&lt;span\nstyle=\"FONT-FAMILY: 黑体; FONT-SIZE: 16pt\"&gt;&lt;span\nstyle=…&gt;二、主动公开…&lt;/span&gt;")
    /// between its tables: the tags go, with their attributes and the line breaks inside them, and
    /// the text stays ("二、主动公开…"); a tag that ends a block (&lt;br&gt;, &lt;/p&gt;, &lt;/div&gt;)
    /// ends the line. Text without tags is returned as it is.
    /// </summary>
    private static string WithoutInlineHtml(string text)
    {
        if (!InlineTag().IsMatch(text)) return text;
        text = BlockEnd().Replace(text, "\n");
        return System.Net.WebUtility.HtmlDecode(InlineTag().Replace(text, ""));
    }

    /// <summary>
    /// Markdown read as HTML (gfm keeps a page's divs) whose pipe tables hold the page's styled cells as
    /// raw spans ("| &lt;span style=\"FONT-SIZE: 12pt\"&gt;行政许可&lt;/span&gt; | … |"): the tags on a pipe-table
    /// line go, so the row stays one line of text for the markdown reader. Other lines are untouched.
    /// </summary>
    public static string WithoutTagsInPipeRows(string html)
    {
        if (!html.Contains("|--", StringComparison.Ordinal) && !html.Contains("|:--", StringComparison.Ordinal)) return html;
        var lines = html.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].AsSpan().TrimStart() is ['|', ..] && lines[i].Contains('<', StringComparison.Ordinal)) lines[i] = InlineTag().Replace(lines[i], "");
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<(?:br\b[^>]*|/(?:p|div|h\d|li|tr)\s*)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex InlineTag();

    /// <summary>
    /// Text browsers (<c>w3m -dump</c>, <c>links -dump</c>) draw a table's ruling with box-drawing
    /// characters ("│217│1 │0 │", "├───┼──┤"). Each character takes one column, so with the ruling
    /// lines dropped and each bar made a space the table reads as <c>pdftotext -layout</c> text does:
    /// cells at their columns, merged labels wrapped beside their rows.
    /// </summary>
    private static string[] WithoutBoxRules(string[] lines)
    {
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (line.AsSpan().IndexOfAnyInRange('\u2500', '\u257F') < 0)
            {
                kept.Add(line);
                continue;
            }

            // A ruling line holds bars and corners only; a line of cells keeps its text at its columns.
            if (line.AsSpan().IndexOfAnyExcept(BoxOrSpace) < 0) continue;
            kept.Add(string.Create(line.Length, line, static (span, l) =>
            {
                for (var i = 0; i < l.Length; i++) span[i] = l[i] is >= '\u2500' and <= '\u257F' ? ' ' : l[i];
            }));
        }

        return kept.ToArray();
    }

    /// <summary>
    /// Text browsers that rule tables in ASCII (<c>links -dump</c>, <c>w3m -dump -no-graph</c>): "+-----+" at the
    /// table's corners, "|----+----|" between rows, "|" for every wall, and under a merged cell a rule only across
    /// the columns it does not span ("|   |（三）不予公开|------+--|"). A row's lines stand between two rules, its
    /// label wrapped above and below its numbers ("|1.申请人无正当理由逾期|   |" / "|   |1  |0 |" / "|不再处理其…|   |"),
    /// so each line read as a markdown row gave a label without numbers and numbers without a label. As with
    /// box-drawing characters (<see cref="WithoutBoxRules"/>), the rules and walls become spaces and the cells
    /// stay at their columns. Only a block of lines between walls that holds a rule from its wall ("|---") and a
    /// junction ("-+") is such a table: a markdown table's rule ("|---|---|") has no junction and a pandoc grid
    /// table's ("+---+---+") no rule from a wall, and both keep their form.
    /// </summary>
    private static string WithoutAsciiRules(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        var i = 0;
        while (i < lines.Length)
        {
            var end = i;
            while (end < lines.Length && IsBetweenWalls(lines[end])) end++;
            if (end == i)
            {
                kept.Add(lines[i++]);
                continue;
            }

            var block = lines[i..end];
            var ruled = block.Any(l => l.AsSpan().TrimStart().StartsWith("|--", StringComparison.Ordinal))
                && block.Any(l => l.Contains("-+", StringComparison.Ordinal) || l.Contains("+-", StringComparison.Ordinal));
            foreach (var line in block)
            {
                if (!ruled)
                {
                    kept.Add(line);
                    continue;
                }

                var open = WithoutAsciiRule(line);
                if (open.AsSpan().Trim().Length > 0) kept.Add(open);
            }

            i = end;
        }

        return string.Join('\n', kept);
    }

    /// <summary>True for a line that starts and ends at a wall or a corner ("|规章 |0 |", "+-----+").</summary>
    private static bool IsBetweenWalls(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length >= 2 && t[0] is '|' or '+' && t[^1] is '|' or '+';
    }

    /// <summary>
    /// One line of an ASCII-ruled table with its walls, corners and rules as spaces, its text at its columns.
    /// A stretch of dashes between walls is a rule when the line holds a junction or a stretch of two dashes
    /// or more; a lone "-" in a narrow column of a line without either is a cell (a zero mark) and stays.
    /// </summary>
    private static string WithoutAsciiRule(string line)
    {
        var segments = line.Split('|');
        var rules = line.Contains("-+", StringComparison.Ordinal) || line.Contains("+-", StringComparison.Ordinal)
            || segments.Any(s => s.Length >= 2 && s.AsSpan().IndexOfAnyExcept("-+") < 0);
        for (var k = 0; k < segments.Length; k++)
        {
            var s = segments[k];
            if (rules && s.Length > 0 && s.AsSpan().IndexOfAnyExcept("-+") < 0) segments[k] = new string(' ', s.Length);
        }

        return string.Join(' ', segments);
    }

    private static readonly System.Buffers.SearchValues<char> BoxOrSpace = System.Buffers.SearchValues.Create(
        " \t\u3000" + string.Concat(Enumerable.Range(0x2500, 0x80).Select(c => (char)c)));

    /// <summary>
    /// Pandoc's own markdown (<c>pandoc -t markdown</c> of a portal page) keeps the page's styling:
    /// spans as "[四、政府信息公开行政复议、行政诉讼情况]{style="text-indent: 0em"}", attributes after
    /// links, and fenced divs ("::: {.article_source}"). The text of a span is kept, the attributes
    /// and fences go: their digits ("0em", "trt-col-9") are no cells of a table.
    /// </summary>
    private static string WithoutPandocMarkup(string text)
    {
        // Word's HTML export nests its spans ("[[四、…]{style="font-family:黑体"}]{style="FONT-SIZE: 16pt"}"):
        // the innermost go first, then the ones around them.
        for (var depth = 0; depth < 4; depth++)
        {
            var plain = PandocSpan().Replace(text, "$1");
            if (plain.Length == text.Length) break;
            text = plain;
        }

        text = PandocAttributes().Replace(text, "");
        // A backslash ends a line ("[\]" a hard line break inside a cell) or escapes the character after it.
        if (text.Contains('\\')) text = text.Replace("\\", "", StringComparison.Ordinal);
        return PandocFence().Replace(text, "");
    }

    /// <summary>
    /// Pandoc's grid tables (<c>pandoc -t markdown</c> of cells with styled text): each row between
    /// rules of "+---+---+", each cell's text wrapped over as many lines as its column is narrow,
    /// anywhere in a word ("[规" / "范性文件]{style" / "=\"FONT-FAMILY:"). Each row's lines are joined
    /// column by column into one pipe-table row ("| 规范性文件 | 89 | 89 | 89 |"), which the rest
    /// reads as any markdown table. Lines whose bars do not match the row's first line keep their
    /// form (a cell holding "|" is escaped by pandoc, "\|", and is not split).
    /// </summary>
    private static string WithGridTablesAsPipes(string text)
    {
        var lines = text.Split('\n');
        var output = new List<string>(lines.Length);
        List<StringBuilder>? row = null;
        var held = new List<string>();

        void Flush()
        {
            if (row is not null && row.Any(c => c.Length > 0)) output.Add("| " + string.Join(" | ", row) + " |");
            output.AddRange(held);
            (row, held) = (null, []);
        }

        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (GridRule().IsMatch(trimmed))
            {
                Flush();
                row = [];
                continue;
            }

            if (row is not null && trimmed.Length >= 2 && trimmed[0] == '|' && trimmed[^1] == '|' && held.Count == 0)
            {
                var cells = GridBar().Split(trimmed[1..^1]);
                if (row.Count == 0) row.AddRange(cells.Select(_ => new StringBuilder()));
                if (cells.Length == row.Count)
                {
                    for (var k = 0; k < cells.Length; k++) row[k].Append(cells[k].Trim());
                    continue;
                }
            }

            if (row is null)
            {
                output.Add(line);
                continue;
            }

            // A line that is no row of the grid: the table ends at a line that is not one of its bars.
            held.Add(line);
            if (trimmed.Length == 0 || trimmed[0] != '|') Flush();
        }

        Flush();
        return string.Join('\n', output);
    }

    /// <summary>
    /// Pandoc's tables whose cells take several lines (<c>pandoc -t markdown</c> of a Word export,
    /// real/pingtan-2020-pandoc.md): a rule of dashes over each column ("  ----- -----"), each cell's
    /// text at its column, a closing rule; with a header, a full-width rule above the header's lines
    /// and the column rule under them. A multiline table has a blank line between rows. A simple table
    /// whose cells' spans keep the page's line breaks in their style ("[0]{style=\"font-family:仿宋_GB2312;"
    /// / "font-size:12.0000pt;\"}") has none: there a row ends at the first line after which every
    /// column's brackets and braces are closed. The lines are cut at the columns (in display columns:
    /// a CJK character takes two, as pandoc pads them) and each row is joined into one pipe-table row.
    /// A table whose text crosses the gap between two columns, or whose every line is a row of its own
    /// (a simple table, read as it is), keeps its form.
    /// </summary>
    private static string WithMultilineTablesAsPipes(string text)
    {
        var lines = text.Split('\n');
        var output = new List<string>(lines.Length);
        var i = 0;
        while (i < lines.Length)
        {
            if (!SimpleTableRule().IsMatch(lines[i]) || MultilineTable(lines, i) is not { } table)
            {
                output.Add(lines[i++]);
                continue;
            }

            // The header's lines and the full-width rule above them were already copied: they give way to the header's row.
            output.RemoveRange(output.Count - (i - table.Start), i - table.Start);
            output.AddRange(table.Rows);
            i = table.End + 1;
        }

        return string.Join('\n', output);
    }

    private sealed record MultilineTableRows(int Start, int End, List<string> Rows);

    /// <summary>The table whose column rule is line <paramref name="rule"/>, as pipe rows; null when it is no such table.</summary>
    private static MultilineTableRows? MultilineTable(string[] lines, int rule)
    {
        var columns = DashRuns(lines[rule]);
        // A header: non-blank lines under a full-width rule, right above the column rule.
        var start = rule;
        var top = rule - 1;
        while (top >= 0 && lines[top].Trim().Length > 0 && !FullRule().IsMatch(lines[top])) top--;
        if (top >= 0 && top < rule - 1 && FullRule().IsMatch(lines[top])) start = top;

        // The body ends at the next rule, full-width or of columns.
        var end = rule + 1;
        var blanks = false;
        for (; end < lines.Length && end < rule + 2000; end++)
        {
            if (FullRule().IsMatch(lines[end]) || SimpleTableRule().IsMatch(lines[end])) break;
            if (lines[end].Trim().Length == 0) blanks = true;
            else if (!FitsColumns(lines[end], columns)) return null;
        }

        if (end >= lines.Length || end >= rule + 2000) return null;
        // pandoc closes the table with the rule it opened with (headerless) or a full-width one (under a header).
        // Another rule is the next table's: a simple table with a header has no closing rule, and its end is a
        // blank line; the text down to the next table is no row of it.
        if (start < rule ? !FullRule().IsMatch(lines[end]) : !DashRuns(lines[end]).SequenceEqual(columns)) return null;
        if (start < rule && !Enumerable.Range(start + 1, rule - start - 1).All(h => FitsColumns(lines[h], columns))) return null;

        var rows = new List<string>();
        var spansOverLines = false;
        void Rows(string[] block)
        {
            var cells = columns.Select(_ => new StringBuilder()).ToArray();
            var depth = new int[columns.Count];
            for (var l = 0; l < block.Length; l++)
            {
                var pieces = CutAtColumns(block[l], columns);
                for (var k = 0; k < cells.Length; k++)
                {
                    // A backslash at the end of a cell's line is pandoc's hard line break (a <br> in the cell).
                    var piece = pieces[k].Trim();
                    cells[k].Append(piece.EndsWith('\\') ? piece[..^1] : piece);
                    depth[k] += Depth(piece);
                }

                // Without blank lines between rows, a row ends where every cell's spans are closed.
                if (l < block.Length - 1 && (blanks || depth.Any(d => d > 0))) continue;
                spansOverLines |= l > 0 && !blanks;
                if (cells.Any(c => c.Length > 0)) rows.Add("| " + string.Join(" | ", cells.Select(c => c.ToString())) + " |");
                foreach (var c in cells) c.Clear();
                Array.Clear(depth);
            }
        }

        if (start < rule) Rows(lines[(start + 1)..rule]);
        var from = rule + 1;
        for (var k = rule + 1; k <= end; k++)
        {
            if (k < end && (!blanks || lines[k].Trim().Length > 0)) continue;
            if (k > from) Rows(lines[from..k]);
            from = k + 1;
        }

        return blanks || spansOverLines ? new MultilineTableRows(start, end, rows) : null;
    }

    // How many more brackets and braces a piece of a cell opens than it closes (pandoc escapes literal ones: "\[").
    private static int Depth(string piece)
    {
        var depth = 0;
        for (var k = 0; k < piece.Length; k++)
        {
            if (k > 0 && piece[k - 1] == '\\') continue;
            depth += piece[k] switch { '[' or '{' => 1, ']' or '}' => -1, _ => 0 };
        }

        return depth;
    }

    // Each run of dashes of a rule, as [from, to) in display columns.
    private static List<(int From, int To)> DashRuns(string rule)
    {
        var runs = new List<(int, int)>();
        var at = 0;
        var open = -1;
        foreach (var ch in rule)
        {
            if (ch == '-' && open < 0)
            {
                open = at;
            }
            else if (ch != '-' && open >= 0)
            {
                runs.Add((open, at));
                open = -1;
            }

            at += DisplayWidth(ch);
        }

        if (open >= 0) runs.Add((open, at));
        return runs;
    }

    // A line of the table keeps every gap between two columns blank: no character covers one.
    private static bool FitsColumns(string line, List<(int From, int To)> columns)
    {
        var at = 0;
        foreach (var ch in line)
        {
            var width = DisplayWidth(ch);
            // The gap before column g is the display columns [columns[g-1].To, columns[g].From).
            for (var g = 1; g < columns.Count; g++)
            {
                if (ch != ' ' && ch != '\t' && at < columns[g].From && at + width > columns[g - 1].To) return false;
            }

            at += width;
        }

        return true;
    }

    // The line's text under each column, the last taking the rest of the line.
    private static string[] CutAtColumns(string line, List<(int From, int To)> columns)
    {
        var pieces = new StringBuilder[columns.Count];
        for (var k = 0; k < pieces.Length; k++) pieces[k] = new StringBuilder();
        var at = 0;
        foreach (var ch in line)
        {
            var k = columns.Count - 1;
            while (k > 0 && at < columns[k].From) k--;
            pieces[k].Append(ch);
            at += DisplayWidth(ch);
        }

        return pieces.Select(p => p.ToString()).ToArray();
    }

    /// <summary>
    /// Display columns of a character as pandoc pads tables: two for East Asian wide and full-width
    /// characters (CJK, Hangul, full-width forms; a surrogate pair counts its high half), one otherwise.
    /// </summary>
    internal static int DisplayWidth(char ch) => ch switch
    {
        >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE10' and <= '\uFE19' or >= '\uFE30' and <= '\uFE6F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            or >= '\uD840' and <= '\uD8BF' => 2,
        >= '\uDC00' and <= '\uDFFF' => 0,
        _ => 1,
    };

    [GeneratedRegex(@"^[ \t]*-{3,}[ \t]*$")]
    private static partial Regex FullRule();

    [GeneratedRegex(@"^\+(?:[-=:]+\+)+$")]
    private static partial Regex GridRule();

    // A cell's bar: not pandoc's escaped "\|".
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex GridBar();

    /// <summary>A backslash before an ASCII punctuation character other than the pipe: markdown's escape.</summary>
    [GeneratedRegex(@"\\([-!""#$%&'()*+,./:;<=>?@\[\]^_`{}~\\])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"\[([^\[\]]*)\]\{[^{}]*\}")]
    private static partial Regex PandocSpan();

    [GeneratedRegex(@"(?<=\))\{[#.\w][^{}]*\}")]
    private static partial Regex PandocAttributes();

    [GeneratedRegex(@"^[ \t]*:::.*$", RegexOptions.Multiline)]
    private static partial Regex PandocFence();

    // Pandoc's simple and multiline tables open and close with a rule of dashes under each column.
    [GeneratedRegex(@"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SimpleTableRule();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTable();

    private static bool IsCellPerLine(string[] lines)
    {
        int single = 0, multi = 0;
        foreach (var line in lines)
        {
            var tabs = line.AsSpan().Count('\t');
            if (tabs == 0) continue;
            if (tabs == 1 && line[0] == '\t') single++;
            else multi++;
        }

        return single > multi;
    }

    // rows: rows read already (ParagraphCells), each in place of its lines.
    private static List<Block> ReadTabRows(string[] lines, List<ParagraphCells.Row>? rows = null)
    {
        var blocks = new List<Block>(lines.Length);
        // Rows of the pipe table being read: its rule stands under its first (the header).
        var pipeRows = 0;
        var pipeStart = -1;
        var next = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (rows is not null && next < rows.Count && rows[next].From == i)
            {
                blocks.Add(rows[next].Cells);
                i = rows[next++].To - 1;
                continue;
            }

            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var pipe = line.Contains('\t') ? null : MarkdownRow(line);
            if (pipe is null)
            {
                if (pipeRows > 0) SpanSlots.Drop(blocks, pipeStart);
                pipeRows = 0;
            }
            else if (pipeRows == 0)
            {
                pipeStart = blocks.Count;
            }

            if (line.Contains('\t')) blocks.Add(new TableRow(line.Split('\t')));
            else if (pipe is { } cells)
            {
                // OCR and conversion tools write tables in markdown: "| 一、本年新收… | 3 | 0 |". A row of dashes
                // is the rule under the header ("|---|---|", "|:-|-:|"), but not a row of cells written "-" for
                // zero further down ("| - | - | … |", table 四 with no proceeding): that is a row of zeros. A rule
                // with a long dash may leave a column's cell empty (node-html-markdown, for a column no cell fills:
                // "| ---- | -- | - |  | - |").
                pipeRows++;
                var rule = cells.All(c => c.All(ch => ch is '-' or ':' or ' ')) && cells.Any(c => c.Length > 0)
                    && (cells.Any(c => c.Contains("--", StringComparison.Ordinal) || c.Contains(':')) || (pipeRows == 2 && cells.All(c => c.Length > 0)));
                if (!rule) blocks.Add(new TableRow(cells, Exact: true));
            }
            else if (line.Contains('*') || line.Contains('#') || line.Contains('>') || line.Contains('_')) blocks.Add(new Paragraph(MarkdownText(line.Trim())));
            else blocks.Add(new Paragraph(line.Trim()) { Indent = line.Length - line.TrimStart().Length });
        }

        if (pipeRows > 0) SpanSlots.Drop(blocks, pipeStart);
        return blocks;
    }

    // A pipe-table row, its cells trimmed ("|---|---|", the rule under a header, too).
    private static List<string>? MarkdownRow(string line)
    {
        if (line.AsSpan().TrimStart() is not ['|', ..]) return null;
        var text = line.Trim();
        if (text.Length < 3 || text[0] != '|' || text.IndexOf('|', 1) < 0) return null;
        var inner = text.EndsWith('|') ? text[1..^1] : text[1..];
        // html2text pads a cell to its column's width with underscores ("|217|1_|0____|"); gfm keeps a
        // styled cell's raw span ("| <span style="FONT-SIZE: 12pt">行政许可</span> |"), whose digits are no cell.
        var tagged = inner.Contains('<', StringComparison.Ordinal);
        if (tagged) inner = InlineTag().Replace(inner, "");
        var cells = inner.Split('|').Select(c => MarkdownText((tagged ? System.Net.WebUtility.HtmlDecode(c) : c).Trim()).Trim('_').Trim()).ToList();
        return cells;
    }

    // "**一、总体情况**", "## 二、…", "> 注：…": the markup, not the text.
    private static string MarkdownText(string text)
    {
        var t = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        return t.TrimStart('#', '>', ' ').Trim();
    }

    /// <summary>
    /// Lines that a printer puts on every page, not into the report: page numbers ("- 3 -",
    /// "第 3 页 共 5 页", "3/5"), and a bare number just before or after a page break (form feed)
    /// in text that pdftotext wrote. A number on its own line elsewhere is kept: in some
    /// extractions it is a table cell. With <paramref name="closeBreaks"/> (rows, where blank lines
    /// separate nothing) the blank lines of a page's bottom and top margins go too: a table row cut
    /// by a page break then stands next to its continuation on the next page, as a wrapped cell
    /// ("108" at the foot of one page, "6" at the head of the next) stands next to its row, and
    /// the first line of each page, when indented, holds a form feed for its first space (WrappedNumbers
    /// takes it away).
    /// </summary>
    private static string[] WithoutPageFurniture(string[] lines, bool closeBreaks)
    {
        lines = WithoutGluedPageNumbers(lines);
        // Most text has no page furniture: then the lines are returned as they are.
        var any = false;
        var printed = false;
        for (var i = 0; i < lines.Length && !printed; i++) printed = IsPageAddress(lines, i);
        for (var i = 0; i < lines.Length && !any; i++) any = printed || IsFurniture(lines, i, bareNumbers: true) || lines[i].Contains('\f');
        if (!any) return lines;
        var titles = printed ? PrintTitles(lines) : [];
        var bareNumbers = !printed && BareNumbersArePageNumbers(lines);
        var kept = new List<string>(lines.Length);
        var pageHead = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsFurniture(lines, i, bareNumbers) || (printed && IsBrowserFurniture(lines[i], titles)))
            {
                pageHead |= closeBreaks && line.Contains('\f');
                continue;
            }

            if (closeBreaks && line.Contains('\f'))
            {
                while (kept.Count > 0 && string.IsNullOrWhiteSpace(kept[^1])) kept.RemoveAt(kept.Count - 1);
                line = line.Replace("\f", "", StringComparison.Ordinal);
                pageHead = true;
                if (string.IsNullOrWhiteSpace(line))
                {
                    // The break's own line, and the top margin of the next page.
                    while (i + 1 < lines.Length && string.IsNullOrWhiteSpace(lines[i + 1]) && !lines[i + 1].Contains('\f')) i++;
                    continue;
                }
            }

            if (line.Contains('\f')) line = line.Replace("\f", "", StringComparison.Ordinal);
            // The first line of a page keeps a form feed, in place of its first space when indented (no column
            // moves), else before it, where pdftotext's own stood ("年度办 … 6", a group's label at the page's left
            // edge): WrappedNumbers reads the columns of a page's head as laid out afresh, and puts a space for it.
            if (pageHead && !string.IsNullOrWhiteSpace(line)) (line, pageHead) = (line[0] == ' ' ? "\f" + line[1..] : "\f" + line, false);
            kept.Add(line);
        }

        return kept.ToArray();
    }

    /// <summary>
    /// Page numbers glued to the start of the page's first line, as pypdf (LangChain's PyPDFLoader) writes a WPS
    /// PDF whose footer is drawn before the body: "-1-淮安市人民政府", "-3-第二十条第（六）项", "-4-2.没有现成信息…".
    /// Read as text, "-3-" made table 二 a row labelled "-" and "-4-" cut a reason's numbering. They are taken away
    /// only when the document's dashed numbers, glued to words or alone on their lines, count up page by page (two at
    /// least, none 0, each one or two more than the one before): a row of zero marks and a cell ("—  0  —  —") is no
    /// page's number, nor is a line of cells "-3-" or "-2-3". Glued to a number or a mark ("-4-95", "-4--"), a page's
    /// number is taken only as the one the run leaves out.
    /// </summary>
    internal static string[] WithoutGluedPageNumbers(string[] lines)
    {
        // Marks alone on their lines or glued to words decide; a mark glued to a cell or a zero mark ("-4-95", "-4--", a page
        // that opens inside a table) is a page's number only where the run leaves its number out.
        List<(int Line, int Number, int Length)>? marks = null;
        List<(int Line, int Number, int Length)>? weak = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].AsSpan().TrimStart().IndexOfAny("-—–－") != 0) continue;
            if (DashedPageNumber().Match(lines[i]) is not { Success: true } m) continue;
            var number = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var rest = lines[i].AsSpan(m.Length).TrimEnd();
            // Not a row of zero marks and a cell ("—  0  —  —  —").
            if (number == 0 || (rest.Length > 0 && char.IsWhiteSpace(rest[0]))) continue;
            if (rest.Length == 0 || rest.ContainsAnyInRange('\u4e00', '\u9fff')) (marks ??= []).Add((i, number, m.Length));
            else (weak ??= []).Add((i, number, m.Length));
        }

        if (marks is null || marks.Count < 2) return lines;
        // In the order of the lines, each mark one more than the last kept (two: a page left unnumbered); a weak mark that is
        // not is text, a strong one that is not says the run is no run of pages.
        var run = new List<(int Line, int Number, int Length)>();
        foreach (var mark in marks.Select(x => (Mark: x, Strong: true)).Concat((weak ?? []).Select(x => (Mark: x, Strong: false))).OrderBy(x => x.Mark.Line))
        {
            var step = mark.Mark.Number - (run.Count == 0 ? 0 : run[^1].Number);
            if (mark.Strong && step is < 1 or > 2) return lines;
            if (mark.Strong || step == 1) run.Add(mark.Mark);
        }

        if (!run.Exists(x => x.Length < lines[x.Line].TrimEnd().Length)) return lines;
        marks = run;
        var kept = (string[])lines.Clone();
        foreach (var (line, _, length) in marks)
        {
            if (length < lines[line].TrimEnd().Length) kept[line] = lines[line][length..];
        }

        return kept;
    }

    // A page's number between dashes at a line's start, alone or glued to the text after it, a reason's numbering
    // ("-4-2.没有…" is page 4, then the reason 2.) or a zero mark ("-4--") included.
    [GeneratedRegex(@"^\s*[-—–－] ?(?<n>\d{1,3}) ?[-—–－]")]
    private static partial Regex DashedPageNumber();

    /// <summary>
    /// Whether the bare numbers beside page breaks are the pages' numbers: a printer numbers every
    /// page, so they stand beside half the breaks or more. A number beside one break of eight, in a
    /// print without page numbers (a browser's print with its header and footer off, read by
    /// <c>mutool draw -F txt</c>), is a cell of a table cut by the break. Nor are they when the
    /// pages are numbered in a form of their own ("-3-" beside half the breaks or more): in text
    /// with a cell per line (pdftotext without -layout) a table's cells stand beside every break.
    /// Nor when they do not count up by one from page to page ("6", "1", "0" beside the breaks of
    /// <c>pdftotext -raw</c> text whose pages carry no number: the cells that end each page).
    /// </summary>
    private static bool BareNumbersArePageNumbers(string[] lines)
    {
        var breaks = 0;
        var numbers = 0;
        var formed = 0;
        var counted = -1;
        var values = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('\f')) continue;
            breaks++;
            // The page's own number ends the page: the last line with text before the break.
            for (var k = i - 1; k >= 0 && k >= i - 3; k--)
            {
                if (string.IsNullOrWhiteSpace(lines[k])) continue;
                if (IsFurniture(lines, k, bareNumbers: false)) formed++;
                break;
            }

            // A bare number stands on the break's line or beside it; each line is counted once.
            for (var k = Math.Max(counted + 1, i - 1); k <= Math.Min(lines.Length - 1, i + 1); k++)
            {
                counted = k;
                if (IsFurniture(lines, k, bareNumbers: true) && !IsFurniture(lines, k, bareNumbers: false))
                {
                    numbers++;
                    values.Add(int.Parse(lines[k].AsSpan().Trim().Trim('\f').Trim(), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return numbers > 0 && numbers * 2 >= breaks && formed * 2 < breaks && values.Zip(values.Skip(1)).All(p => p.Second == p.First + 1);
    }

    /// <param name="bareNumbers">
    /// Whether a bare number beside a page break may be the page's number: not in a browser's print,
    /// whose footer numbers its pages ("5/8"), so that a number after the break is a cell.
    /// </param>
    private static bool IsFurniture(string[] lines, int i, bool bareNumbers)
    {
        var line = lines[i];
        if (line.AsSpan().IndexOfAnyInRange('0', '9') < 0) return false;
        // A tab parts cells (Word's text export, catdoc: "-\t0\t-" is a row's three cells), except after a space:
        // pdf.js, behind Node's pdf-parse, puts " \t" between a line's text items, so a page's number reads "- \t2 \t-".
        if (line.Contains('\t') && !TabsAfterSpaces(line)) return false;
        var trimmed = line.AsSpan().Trim().Trim('\f').Trim();
        // Every page-number form holds a dash, 第, a slash or "Page": a bare number (a cell) is not tried.
        // However far spaces centre it ("pdftotext -layout -fixed 3" widens them), its text decides; so it does
        // where pdf.js's tabs part its pieces, and pdf-parse's own mark between pages ("-- 2 of 5 --").
        if (trimmed.Length > 0 && trimmed.Length <= 20 && trimmed.IndexOfAny(PageNumberMarks) >= 0 && PageNumber().IsMatch(trimmed)) return true;
        if (line.Contains('\t')) return false;
        // A bare number far to the right is a cell in its column, not the page's number.
        if (line.Length > 40) return false;
        var nearBreak = line.Contains('\f') || (i + 1 < lines.Length && lines[i + 1].StartsWith('\f')) || (i > 0 && lines[i - 1].EndsWith('\f'));
        return bareNumbers && nearBreak && trimmed.Length is > 0 and <= 4 && !trimmed.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// A browser's print of a page (Chrome's "print to PDF") foots each page with the page's address
    /// and "1/8", and heads it with the time of printing and the page's title ("12/1/26, 12:27 PM
    /// 平潭…年度报告_政府信息公开年报_…"). Text tools write them on one line (<c>-layout</c>, <c>-raw</c>)
    /// or on lines of their own, the title under a lone time. The footer is the evidence: only in
    /// text that has one is a line of a time read as the header.
    /// </summary>
    private static bool IsPageAddress(string[] lines, int i)
    {
        var line = lines[i];
        if (line.Length < 10 || line.AsSpan().TrimStart().IndexOf("://", StringComparison.Ordinal) is < 4 or > 5) return false;
        if (PageAddress().IsMatch(line)) return true;
        for (var k = i + 1; k < lines.Length && k <= i + 2; k++)
        {
            if (!string.IsNullOrWhiteSpace(lines[k])) return PageAddressAlone().IsMatch(line) && PageNumber().IsMatch(lines[k].Trim());
        }

        return false;
    }

    private static bool IsBrowserFurniture(string line, HashSet<string> titles) =>
        !string.IsNullOrWhiteSpace(line) && (PrintedAt().IsMatch(line) || PageAddressAlone().IsMatch(line) || PageAddress().IsMatch(line) || titles.Contains(line.Trim()));

    // Text without layout writes the header's title on a line of its own beside a lone time of
    // printing, above or below it. A title is words, and it comes back on every page.
    private static HashSet<string> PrintTitles(string[] lines)
    {
        var beside = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!PrintedAtAlone().IsMatch(lines[i])) continue;
            foreach (var step in (ReadOnlySpan<int>)[-1, 1])
            {
                for (var k = i + step; k >= 0 && k < lines.Length && Math.Abs(k - i) <= 2; k += step)
                {
                    if (string.IsNullOrWhiteSpace(lines[k])) continue;
                    var text = lines[k].Trim();
                    if (text.Length >= 4 && text.Count(char.IsLetter) >= 4) beside.Add(text);
                    break;
                }
            }
        }

        return beside.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?:file|https?)://\S+\s+\d{1,3}\s*/\s*\d{1,3}\s*$")]
    internal static partial Regex PageAddress();

    [GeneratedRegex(@"^\s*(?:file|https?)://\S+\s*$")]
    internal static partial Regex PageAddressAlone();

    // "12/1/26, 12:27 PM" (en-US), "2026/12/1 12:27" (zh-CN), "2026/12/1 下午12:27".
    [GeneratedRegex(@"^\s*\d{1,4}/\d{1,2}/\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s|$)")]
    internal static partial Regex PrintedAt();

    [GeneratedRegex(@"^\s*\d{1,4}/\d{1,2}/\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\s*$")]
    private static partial Regex PrintedAtAlone();

    /// <summary>
    /// The text with each line whose tabs part paragraphs, not cells, broken at its tabs. The text of a page's DOM
    /// (<c>textContent</c>, as Readability and lxml's <c>text_content()</c> give it to crawlers) keeps the source's
    /// indentation between paragraphs, so a report's body is one line parted by tabs ("…联系。\t一、总体情况\t2022年，…"),
    /// its tables run together inside it. Read as cells, a whole section was one cell and table 三 had no row. A tab
    /// parts paragraphs when a piece it parts is a sentence (a full stop within 40 characters and more): no cell of
    /// the template's tables holds one.
    /// </summary>
    public static string WithParagraphTabsAsBreaks(string text)
    {
        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('\t', StringComparison.Ordinal)) continue;
            if (!lines[i].Split('\t').Any(piece => piece.Trim().Length >= 40 && piece.Contains('。', StringComparison.Ordinal))) continue;
            lines[i] = lines[i].Replace('\t', '\n');
            changed = true;
        }

        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>
    /// The text with each run of line breaks halved when every paragraph ends with an empty line: mammoth's raw text of a
    /// Word document (<c>extractRawText</c>, the DOCX reader of Node tools) ends each paragraph, a table cell's too, with
    /// two line breaks, so an empty cell is two empty lines ("0\n\n\n\n3"). Read as it stands, every cell was followed by
    /// an empty cell. Text is double-spaced when, of its 40 and more lines with text, at most one in fifty is followed
    /// by another (a line break inside a paragraph); anything else is returned as it is.
    /// </summary>
    public static string WithDoubleSpacingHalved(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int filled = 0, adjacent = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            filled++;
            if (i + 1 < lines.Length && !string.IsNullOrWhiteSpace(lines[i + 1])) adjacent++;
        }

        if (filled < 40 || adjacent * 50 > filled) return text;
        var sb = new StringBuilder(text.Length);
        var breaks = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                breaks++;
                continue;
            }

            // The breaks before this line: n + 1 line feeds in the text (n empty lines) stand for (n + 1) / 2.
            if (sb.Length > 0) sb.Append('\n', Math.Max(1, (breaks + 1) / 2));
            sb.Append(line);
            breaks = 0;
        }

        return sb.Append('\n').ToString();
    }

    private static bool TabsAfterSpaces(string line)
    {
        for (var k = line.IndexOf('\t'); k >= 0; k = line.IndexOf('\t', k + 1))
        {
            if (k == 0 || line[k - 1] != ' ') return false;
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PageNumberMarks = System.Buffers.SearchValues.Create("-—–－第/Pp");

    [GeneratedRegex(@"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|--\s*\d{1,3}\s+of\s+\d{1,3}\s*--|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}|[Pp]age\s*\d{1,3}(?:\s*of\s*\d{1,3})?)$")]
    internal static partial Regex PageNumber();

    private static List<Block> ReadCellPerLine(string[] lines)
    {
        var blocks = new List<Block>(lines.Length);
        List<string>? row = null;
        var blanks = 0;

        void Flush()
        {
            if (row is { Count: > 0 }) blocks.Add(new TableRow(row));
            row = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && line[0] == '\t')
            {
                if (row is null || blanks > 0)
                {
                    Flush();
                    row = [];
                }

                if (line.IndexOf('\t', 1) < 0) row.Add(line[1..]);
                else row.AddRange(line[1..].Split('\t'));
                blanks = 0;
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                blanks++;
            }
            else if (row is not null && CountCell.Classify(line) == CellKind.Number)
            {
                // A number that lost its tab is still a cell: of this row, or the first of the next.
                if (blanks > 0)
                {
                    Flush();
                    row = [];
                }

                row.Add(line);
                blanks = 0;
            }
            else if (row is { Count: > 0 } && ContinuesCell(row[^1], line, blanks, lines, i))
            {
                row[^1] += line.Trim();
                blanks = 0;
            }
            else
            {
                Flush();
                blocks.Add(new Paragraph(line.Trim()));
                blanks = 0;
            }
        }

        Flush();
        return blocks;
    }

    // A label wrapped inside its cell goes on without the leading tab, sometimes after one
    // blank line ("结果\n\n纠正"). A paragraph after a table is longer, or follows a number.
    private static bool ContinuesCell(string lastCell, string line, int blanks, string[] lines, int index)
    {
        var text = line.Trim();
        if (text.Length > 10 || CountCell.Classify(lastCell) != CellKind.Label) return false;
        if (blanks == 0) return true;
        if (blanks > 1) return false;
        for (var j = index + 1; j < lines.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(lines[j])) continue;
            return lines[j][0] == '\t';
        }

        return false;
    }

    [GeneratedRegex("\r?[\u2028\u2029\u0085\v]")]
    private static partial Regex OtherLineEnd();

    [GeneratedRegex(@"(?<=[^\n\r\f])\f")]
    private static partial Regex FormFeedInLine();

    [GeneratedRegex(@"((?:单击或点击|单击|点击或点按)此处输入(?:文字|日期)。)(?=[^\r\n])")]
    private static partial Regex PromptRunOn();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkMarker();
}
