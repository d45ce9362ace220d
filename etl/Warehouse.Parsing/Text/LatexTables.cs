using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Markdown that OCR tools write with their tables in LaTeX: Mathpix Markdown (its default for a table with merged cells),
/// MinerU with StructEqTable, Nougat and GOT-OCR. A table is a <c>tabular</c> (or <c>tabularx</c>, <c>longtable</c>,
/// <c>array</c>) environment: rows end at <c>\\</c>, cells part at <c>&amp;</c>, rules are <c>\hline</c> and
/// <c>\cline{2-10}</c>, a merged cell is <c>\multicolumn{2}{|l|}{（一）予以公开}</c> or <c>\multirow{20}{*}{三、本年度办理结果}</c>,
/// and the cells a row span covers stay in the rows below as empty cells. A label wrapped over lines is a tabular inside
/// the cell (<c>\begin{tabular}{l}三、本年度\\办理结果\end{tabular}</c>) or a <c>\makecell{…\\…}</c>. Each table is
/// written again as an HTML table (rowspan, colspan; a line break inside a cell as &lt;br&gt;), which the reader of
/// markdown with HTML tables reads; headings written as commands (<c>\title{…}</c>, <c>\section*{…}</c>) become lines of
/// their text. Sources: Mathpix Markdown syntax reference (tables, sections); the LaTeX tabular, multirow and makecell
/// packages' documentation.
/// </summary>
public static partial class LatexTables
{
    private static readonly string[] TableEnvironments = ["tabular*", "tabularx", "tabular", "longtable", "array"];

    /// <summary>True when the text holds a LaTeX table, or a heading written as a LaTeX command.</summary>
    public static bool Holds(string text) =>
        text.Contains("\\begin{", StringComparison.Ordinal) && TableEnvironments.Any(e => text.Contains("\\begin{" + e + "}", StringComparison.Ordinal))
        || Heading().IsMatch(text);

    /// <summary>
    /// The text with each LaTeX table as one line of HTML (<c>&lt;table&gt;&lt;tr&gt;&lt;td rowspan="20"&gt;…</c>) between
    /// line breaks, each heading command as a line of its text, table floats' wrappers (<c>\begin{table}</c>,
    /// <c>\centering</c>, <c>\caption{…}</c>'s braces) and lines of only <c>$$</c> gone; other text as it is.
    /// </summary>
    public static string AsHtml(string text)
    {
        var sb = new StringBuilder(text.Length);
        var at = 0;
        while (Next(text, at) is { } env)
        {
            sb.Append(text, at, env.Start - at);
            sb.Append('\n').Append(Html(Rows(text[env.BodyStart..env.BodyEnd]))).Append('\n');
            at = env.End;
        }

        sb.Append(text, at, text.Length - at);
        var rest = Heading().Replace(sb.ToString(), m => "\n" + Plain(m.Groups["text"].Value).Replace('\n', ' ').Trim() + "\n");
        return Wrapper().Replace(rest, "");
    }

    private sealed record Environment(int Start, int BodyStart, int BodyEnd, int End);

    private sealed class Cell(string text, int colSpan, int rowSpan)
    {
        public string Text { get; set; } = text;

        public int ColSpan { get; } = Math.Max(1, colSpan);

        public int RowSpan { get; set; } = rowSpan;
    }

    // The next table environment from `from`: its \begin{…}, the body after its arguments, its matching \end{…}.
    private static Environment? Next(string text, int from)
    {
        var start = -1;
        string? name = null;
        for (var i = text.IndexOf("\\begin{", from, StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\begin{", i + 1, StringComparison.Ordinal))
        {
            name = TableEnvironments.FirstOrDefault(e => string.CompareOrdinal(text, i + 7, e + "}", 0, e.Length + 1) == 0);
            if (name is null) continue;
            start = i;
            break;
        }

        if (start < 0 || name is null) return null;
        var at = start + 7 + name.Length + 1;
        at = SkipOptional(text, at);
        // tabular* and tabularx take the table's width before the column spec.
        if (name is "tabular*" or "tabularx") at = SkipGroup(text, at);
        at = SkipGroup(text, at);
        var depth = 1;
        for (var i = at; i < text.Length; i++)
        {
            if (text[i] != '\\') continue;
            if (string.CompareOrdinal(text, i, "\\begin{", 0, 7) == 0 && TableEnvironments.Any(e => string.CompareOrdinal(text, i + 7, e + "}", 0, e.Length + 1) == 0)) depth++;
            else if (string.CompareOrdinal(text, i, "\\end{", 0, 5) == 0 && TableEnvironments.FirstOrDefault(e => string.CompareOrdinal(text, i + 5, e + "}", 0, e.Length + 1) == 0) is { } end && --depth == 0)
                return new Environment(start, at, i, i + 5 + end.Length + 1);
        }

        // An environment the tool never closed runs to the end of the text.
        return new Environment(start, at, text.Length, text.Length);
    }

    // Past whitespace and one "[…]" at `at`.
    private static int SkipOptional(string text, int at)
    {
        var i = at;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i >= text.Length || text[i] != '[') return at;
        var close = text.IndexOf(']', i);
        return close < 0 ? at : close + 1;
    }

    // Past whitespace and one balanced "{…}" at `at`; `at` when none starts there.
    private static int SkipGroup(string text, int at)
    {
        var i = at;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] != '{') return at;
        var depth = 0;
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return i + 1;
        }

        return text.Length;
    }

    // The body's rows, each its cells: split at "\\" and "&" outside braces and nested environments.
    private static List<List<Cell>> Rows(string body)
    {
        var rows = new List<List<Cell>>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var depth = 0;
        var nested = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            if (ch == '\\' && i + 1 < body.Length)
            {
                if (depth == 0 && nested == 0 && body[i + 1] == '\\')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                    AddRow(rows, cells);
                    cells.Clear();
                    i = SkipOptional(body, i + 2 + (i + 2 < body.Length && body[i + 2] == '*' ? 1 : 0)) - 1;
                    continue;
                }

                if (string.CompareOrdinal(body, i, "\\begin{", 0, 7) == 0) nested++;
                else if (string.CompareOrdinal(body, i, "\\end{", 0, 5) == 0) nested = Math.Max(0, nested - 1);
                cell.Append(ch).Append(body[i + 1]);
                i++;
                continue;
            }

            if (ch == '{') depth++;
            else if (ch == '}') depth = Math.Max(0, depth - 1);
            if (ch == '&' && depth == 0 && nested == 0)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                continue;
            }

            cell.Append(ch);
        }

        cells.Add(cell.ToString());
        AddRow(rows, cells);
        return rows;
    }

    // A row of cells, its rules gone; a row of nothing (the rule after the last "\\") is none.
    private static void AddRow(List<List<Cell>> rows, List<string> texts)
    {
        var row = texts.Select(t => Parse(Rule().Replace(t, " ").Replace("\\tabularnewline", "", StringComparison.Ordinal))).ToList();
        if (row.Count == 1 && row[0].Text.Length == 0 && row[0].ColSpan == 1) return;
        rows.Add(row);
    }

    // A cell: \multicolumn{n}{spec}{…} and \multirow[…]{n}[…]{width}[…]{…} (either inside the other), else its text.
    private static Cell Parse(string text)
    {
        var t = text.Trim();
        var colSpan = 1;
        var rowSpan = 1;
        for (var again = true; again;)
        {
            again = false;
            if (MultiColumn().Match(t) is { Success: true } mc && Group(t, mc.Length) is { } columnArgs && columnArgs.Count == 2)
            {
                colSpan = int.Parse(mc.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                t = columnArgs[1].Trim();
                again = true;
            }
            else if (MultiRow().Match(t) is { Success: true } mr)
            {
                rowSpan = int.Parse(mr.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                var rest = t[mr.Length..].TrimStart();
                // \multirow{n}*{…}, \multirow{n}{*}{…}, \multirow{n}[struts]{width}[fixup]{…}, \multirowcell{n}[…]{…}: the text is the last group.
                if (rest.StartsWith('*')) rest = rest[1..];
                else if (mr.Groups["cell"].Success) rest = rest[SkipOptional(rest, 0)..];
                else
                {
                    rest = rest[SkipOptional(rest, 0)..];
                    rest = rest[SkipGroup(rest, 0)..];
                    rest = rest[SkipOptional(rest, 0)..];
                }

                var end = SkipGroup(rest, 0);
                t = end > 0 ? (rest[(rest.IndexOf('{', StringComparison.Ordinal) + 1)..(end - 1)] + " " + rest[end..]).Trim() : rest.Trim();
                again = true;
            }
        }

        return new Cell(Plain(t), colSpan, rowSpan == 0 ? 1 : rowSpan);
    }

    // The groups "{…}" that follow `at`, in turn, their braces gone; null when the text has none there.
    private static List<string>? Group(string text, int at)
    {
        var groups = new List<string>();
        var i = at;
        while (true)
        {
            var end = SkipGroup(text, i);
            if (end == i) break;
            var open = text.IndexOf('{', i);
            groups.Add(text[(open + 1)..(end - 1)]);
            i = end;
            if (groups.Count == 2) break;
        }

        return groups.Count == 0 ? null : groups;
    }

    /// <summary>
    /// A cell's text as it reads: nested tabulars and \makecell's lines a line each, text commands (\textbf{…},
    /// \text{…}) their text, escaped characters themselves, braces and the rest of the markup gone.
    /// </summary>
    private static string Plain(string tex)
    {
        var t = NestedTable().Replace(tex, m => m.Groups["body"].Value.Replace("&", " ", StringComparison.Ordinal));
        t = t.Replace("\\\\", "\n", StringComparison.Ordinal).Replace("\\newline", "\n", StringComparison.Ordinal);
        t = Escaped().Replace(t, "$1");
        t = Command().Replace(t, m => m.Groups["space"].Success ? " " : "");
        t = t.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace('~', ' ');
        if (t.Contains('$', StringComparison.Ordinal)) t = t.Replace("$", "", StringComparison.Ordinal);
        var lines = t.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    // The rows as one line of HTML: the cells a row span covers (empty in LaTeX) left out, a negative span (\multirow{-3},
    // set in the span's last row) moved to its first, a span cut short by a covered cell that holds text.
    private static string Html(List<List<Cell>> rows)
    {
        var starts = rows.Select(r =>
        {
            var col = 0;
            return r.Select(c => { var at = col; col += c.ColSpan; return at; }).ToList();
        }).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var k = 0; k < rows[r].Count; k++)
            {
                var cell = rows[r][k];
                if (cell.RowSpan >= 1) continue;
                var first = Math.Max(0, r + cell.RowSpan + 1);
                var i = starts[first].IndexOf(starts[r][k]);
                if (first < r && i >= 0 && rows[first][i].Text.Length == 0)
                {
                    rows[first][i].Text = cell.Text;
                    rows[first][i].RowSpan = r - first + 1;
                    cell.Text = "";
                }

                cell.RowSpan = 1;
            }
        }

        var emitted = new List<List<Cell>>();
        var spans = new List<(Cell Owner, int Row, int From, int To)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new List<Cell>();
            for (var k = 0; k < rows[r].Count; k++)
            {
                var cell = rows[r][k];
                var from = starts[r][k];
                var over = spans.FindIndex(s => r < s.Row + s.Owner.RowSpan && from < s.To && s.From < from + cell.ColSpan);
                if (over >= 0)
                {
                    if (cell.Text.Length == 0) continue;
                    spans[over].Owner.RowSpan = r - spans[over].Row;
                    spans.RemoveAt(over);
                }

                cell.RowSpan = Math.Min(cell.RowSpan, rows.Count - r);
                if (cell.RowSpan > 1) spans.Add((cell, r, from, from + cell.ColSpan));
                row.Add(cell);
            }

            emitted.Add(row);
        }

        var html = new StringBuilder("<table>");
        foreach (var row in emitted)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td");
                if (cell.RowSpan > 1) html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                if (cell.ColSpan > 1) html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                html.Append('>').Append(string.Join("<br>", cell.Text.Split('\n').Select(WebUtility.HtmlEncode))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    [GeneratedRegex(@"^\\multicolumn\s*\{\s*(?<n>\d{1,3})\s*\}")]
    private static partial Regex MultiColumn();

    [GeneratedRegex(@"^\\multirow(?<cell>cell)?\s*(?:\[[^\]]*\])?\s*\{\s*(?<n>-?\d{1,3})\s*\}")]
    private static partial Regex MultiRow();

    // Rules between rows and a long table's head and foot markers.
    [GeneratedRegex(@"\\(?:hline|toprule|midrule|bottomrule|endfirsthead|endhead|endfoot|endlastfoot|centering)\b|\\(?:cline|hhline|cmidrule|rowcolor|arrayrulecolor)\s*(?:\([^)]*\))?\s*\{[^{}]*\}")]
    private static partial Regex Rule();

    // A tabular inside a cell: its rows are the cell's lines.
    [GeneratedRegex(@"\\begin\{(?:tabular|array)\}\s*(?:\[[^\]]*\])?\s*\{(?:[^{}]|\{[^{}]*\})*\}(?<body>.*?)\\end\{(?:tabular|array)\}", RegexOptions.Singleline)]
    private static partial Regex NestedTable();

    [GeneratedRegex(@"\\([%&_#$\{\}])")]
    private static partial Regex Escaped();

    // A command's name (its text, if it had one, is the group after it); a spacing command is a space.
    [GeneratedRegex(@"(?<space>\\(?:quad|qquad|[ ;:]|enspace))|\\[a-zA-Z]+\*?\s*(?:\[[^\]]*\])?")]
    private static partial Regex Command();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    // \title{…}, \section*{…} and the like, over lines: a heading.
    [GeneratedRegex(@"\\(?:title|author|date|section|subsection|subsubsection|paragraph|caption|footnotetext)\*?\s*\{(?<text>(?:[^{}]|\{[^{}]*\})*)\}", RegexOptions.Singleline)]
    private static partial Regex Heading();

    // A float's wrapper and a display formula's fences, alone on their lines.
    [GeneratedRegex(@"^[ \t]*(?:\\begin\{(?:table|center)\*?\}(?:\[[^\]]*\])?|\\end\{(?:table|center)\*?\}|\\centering|\$\$)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Wrapper();
}
