using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Tables as Python's html2text writes them (<c>html2markdown</c>, behind many crawlers and LangChain's
/// Html2TextTransformer; real/pingtan-2019-html2markdown.md, pingtan-2024-html2markdown.md): no outer pipes ("规章 | 0 | 0 | 0  "), a rule after each
/// table's first row ("---|---"), a row ended by a hard break (two spaces). Two things scatter a row over lines:
/// <list type="bullet">
/// <item>a cell that holds paragraphs (portal editors put a &lt;p&gt; in every cell) stands between empty lines, so a
/// row of such cells takes a line for each paragraph and for each pipe ("信息内容" / "" / "|" / "" / "本年制发件数"),
/// a cell without one stays on its pipe's line ("| 0|"), and the row ends with a line of spaces;</item>
/// <item>a line break inside a cell (&lt;br&gt;) is a hard break like a row's end ("5.要求行政机关确认或重新出具已获取  " /
/// "信息| 0| 0| …").</item>
/// </list>
/// Read line by line, a label and its numbers were apart: table 二 was lost and wrapped labels of table 三 were no
/// rows. Each row is put back on one line with its outer pipes, and reads as a markdown row.
/// </summary>
internal static partial class Html2TextTables
{
    /// <summary>True for text that holds html2text's rule under a table's first row: dashes, pipes between, none outside.</summary>
    public static bool IsHtml2Text(string text) => PipelessRule().IsMatch(text);

    /// <summary>The text with each table row on one line between outer pipes ("| 规章 | 0 | 0 | 0 |"); other lines as they were.</summary>
    public static string AsPipeRows(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var rows = JoinBrokenLines(JoinParagraphCells(lines));
        for (var i = 0; i < rows.Count; i++)
        {
            // html2text writes no outer pipes, so a pipe at a line's start is an empty first cell (" | 1|  | 5| 6") and one
            // at its end an empty last cell ("0| 0|  "): both are kept inside the outer pipes.
            var t = rows[i].Trim();
            if (t.Contains('|') && t.AsSpan().IndexOfAnyExcept("| ") >= 0) rows[i] = "| " + t + " |";
        }

        return string.Join('\n', rows);
    }

    /// <summary>
    /// Joins the pieces of a row that paragraphs in its cells set between empty lines. A row ends with a line of
    /// spaces, never with an empty line, so across empty lines only: a line that ends with a pipe takes the next
    /// piece and a piece that starts with one goes onto the line before; two pieces with pipes are one row; and the
    /// pieces from a row's start (after a line of spaces) up to its first pipe are its first cell's paragraphs
    /// ("三、本" / "年度办" / "理结果 | （一）予以公开 | …"). A heading or list item of the page's layout table is never
    /// joined (<see cref="IsMarkdownBlock"/>), nor is the first row of a table to the heading above it (a paragraph
    /// follows an empty line, not a line of spaces).
    /// </summary>
    private static List<string> JoinParagraphCells(List<string> lines)
    {
        var joined = new List<string>(lines.Count);
        // The index in `joined` of a row's first piece while no piece of that row has had a pipe; -1 otherwise.
        var rowStart = -1;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                joined.Add(line);
                continue;
            }

            if (IsSpaces(line))
            {
                joined.Add(line);
                rowStart = joined.Count;
                continue;
            }

            var before = joined.FindLastIndex(l => l.Length > 0);
            if (before >= 0 && before < joined.Count - 1 && !IsSpaces(joined[before]) && !IsMarkdownBlock(joined[before]) && !IsMarkdownBlock(line))
            {
                var prev = joined[before];
                var firstCell = rowStart >= 0 && rowStart <= before && joined.Skip(rowStart).All(l => l.Length == 0 || IsCellParagraph(l));
                if (prev.EndsWith('|') || line.TrimStart().StartsWith('|') || prev.Contains('|') && line.Contains('|') || firstCell && line.Contains('|'))
                {
                    // The paragraphs of a row's first cell, from the row's start, run on into one.
                    var from = firstCell ? rowStart : before;
                    var head = string.Concat(joined.Skip(from).Where(l => l.Length > 0).Select(l => l.Trim()));
                    joined.RemoveRange(from, joined.Count - from);
                    joined.Add(Joined(head, line));
                    rowStart = -1;
                    continue;
                }
            }

            joined.Add(line);
            if (line.Contains('|')) rowStart = -1;
        }

        return joined;
    }

    /// <summary>
    /// Joins a row that a line break inside a cell cut (a hard break, as at a row's end, with no empty line after it).
    /// A line without a pipe right under a row and right over a line with pipes and numbers is the start of that line's
    /// first cell ("5.要求行政机关确认或重新出具已获取" / "信息| 0| 0|"), where a heading over a header is not
    /// ("第二十条第（六）项" / "信息内容| 本年处理决定数量"), nor is the rule ("---"); a line with pipes but no number, whose last cell is text,
    /// over a line whose first cell is text and that holds numbers, is that row's start when the two hold no more
    /// pipes than the table's widest line ("（六）其他处理| 1.申请人…行政机关不再" / "处理其政府信息公开申请| 0| 0|").
    /// A header's lines hold no numbers, and a header over the first row holds more pipes than any row: neither joins.
    /// </summary>
    private static List<string> JoinBrokenLines(List<string> lines)
    {
        var widest = WidestInBlock(lines);
        var output = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (output.Count > 0 && line.Contains('|') && !IsSpaces(line) && !IsMarkdownBlock(line) && !line.TrimStart().StartsWith('|'))
            {
                var prev = output[^1];
                var hardBreak = prev.EndsWith("  ", StringComparison.Ordinal) && prev.AsSpan().Trim().Length > 0 && !IsSpaces(prev) && !IsMarkdownBlock(prev);
                var startOfCell = hardBreak && !prev.Contains('|') && prev.AsSpan().Trim().IndexOfAnyExcept('-') >= 0
                    && output.Count > 1 && output[^2].Contains('|') && !IsSpaces(output[^2]) && Cells(line).Any(PipeRows.IsNumber);
                var startOfRow = hardBreak && prev.Contains('|') && Cells(line).Any(PipeRows.IsNumber) && !Cells(prev).Any(PipeRows.IsNumber)
                    && Cells(prev)[^1].Length > 0 && !PipeRows.IsNumber(Cells(line)[0]) && Cells(line)[0].Length > 0
                    && Pipes(prev) + Pipes(line) <= widest[i];
                if (startOfCell || startOfRow)
                {
                    output[^1] = prev.TrimEnd() + line.TrimStart();
                    continue;
                }
            }

            output.Add(line);
        }

        return output;
    }

    /// <summary>
    /// A piece that may be a paragraph of a row's first cell: a label's fragment ("三、本", "8.属于行"), short, without a
    /// pipe or a sentence's end, no heading of the page. The line of spaces that ends a table's last row stands before
    /// what follows the table too: a section's heading over the next table ("三、收到和处理政府信息公开申请情况" / "（本列
    /// 数据的勾稽关系为…） | 申请人情况") or the prose and signature over a footer's links ("使用帮助 | 联系我们") are
    /// no cell of a row, and were run into one (sections 三 and 四 were then reported missing).
    /// </summary>
    private static bool IsCellParagraph(string piece)
    {
        var t = piece.Trim();
        return t.Length is > 0 and <= MaxCellParagraph && !t.Contains('|') && !t.Contains('。') && !IsMarkdownBlock(t)
            && !(t.Length >= 10 && SectionNumbering().IsMatch(t));
    }

    /// <summary>The longest paragraph of a first cell joined from a row's start (a label's fragment in a narrow column).</summary>
    private const int MaxCellParagraph = 24;

    [GeneratedRegex(@"^[一二三四五六]\s*[、.．]")]
    private static partial Regex SectionNumbering();

    /// <summary>For each line, the most pipes a line holds in its block (the lines between empty lines).</summary>
    private static int[] WidestInBlock(List<string> lines)
    {
        var widest = new int[lines.Count];
        var from = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && lines[i].Length > 0) continue;
            var most = 0;
            for (var k = from; k < i; k++) most = Math.Max(most, Pipes(lines[k]));
            for (var k = from; k < i; k++) widest[k] = most;
            from = i + 1;
        }

        return widest;
    }

    private static int Pipes(string line) => line.Count(c => c == '|');

    private static string[] Cells(string line) => line.Trim().Split('|').Select(c => c.Trim()).ToArray();

    // Pieces of one cell run on without a space; a pipe keeps a space on each side.
    private static string Joined(string before, string after)
    {
        var a = before.TrimEnd();
        var b = after.Trim();
        return a.EndsWith('|') || b.StartsWith('|') ? a + " " + b : a + b;
    }

    /// <summary>A line of spaces: html2text's end of a row whose cells hold paragraphs.</summary>
    private static bool IsSpaces(string line) => line.Length > 0 && line.AsSpan().Trim().Length == 0;

    /// <summary>
    /// A heading, list item or quote ("# 甘德县…局", "**二、主动公开政府信息情况**", "  * 政策文件"): html2text writes them so inside a page's layout
    /// table too, between its pipes, but no cell of the report's tables is one. A zero mark before its pipe ("- |")
    /// is a cell, not a list item.
    /// </summary>
    private static bool IsMarkdownBlock(string line)
    {
        var t = line.AsSpan().TrimStart();
        return t.StartsWith('#') || t.StartsWith("**") || t is ['*' or '-' or '+' or '>', ' ', ..] && t[2..].TrimStart() is [not '|', ..];
    }

    /// <summary>html2text's rule under a table's first row: dashes for each column, pipes between, none outside ("---|---|---").</summary>
    [GeneratedRegex(@"^ *-{3,}(?:\|-{3,})+ *\r?$", RegexOptions.Multiline)]
    private static partial Regex PipelessRule();
}
