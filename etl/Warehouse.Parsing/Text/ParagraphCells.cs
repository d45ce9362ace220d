using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Text that a word processor saved with each table cell a paragraph of its own: LibreOffice's "Save as Text"
/// (<c>soffice --convert-to txt</c>) of a Word report. A row is its label's line and then one line per cell, a blank
/// cell an empty line ("规章" / "-" / "" / "0"), and the merged first columns of the rows below a group's first are
/// empty lines between rows. No tab and no run of spaces says where a cell ends, so the lines are counted: a row of
/// table 三 is its label and the seven lines after it, a row of table 二 its label and as many lines as its sub-table's
/// heading names columns, and table 四 the fifteen lines after its headings.
/// </summary>
/// <remarks>
/// The form is taken only when table 三 shows it beyond doubt: every label there followed by a cell is followed by
/// exactly seven lines of cells or blanks and then nothing but empty lines up to the next label, at least ten rows
/// are so, and empty lines stand among them: between a row's cells, or after some rows but not all (text that keeps cells
/// one to a line without blanks, pdftotext -raw of narrow cells, drops blank cells altogether, and is read as before; so
/// does mutool's, which ends every row with an empty line). Rows read so are the table's own cells
/// (<see cref="TableRow.Exact"/>): an empty line is a blank cell, which is zero.
/// </remarks>
internal static partial class ParagraphCells
{
    private const int ApplicationWidth = 7;
    private const int ReviewWidth = 15;
    private const int MinimumRows = 10;

    private enum Kind
    {
        Empty,
        Cell,
        Text,
    }

    /// <summary>A row read from the lines [From, To): its label's lines and its cells (an empty string for a blank).</summary>
    public sealed record Row(int From, int To, TableRow Cells);

    /// <summary>
    /// The rows of tables 二, 三 and 四 when the text holds its cells a line each, in order; null when table 三 does not
    /// show that form (the text is read as before).
    /// </summary>
    /// <param name="lines">The text's lines, page furniture gone.</param>
    public static List<Row>? Rows(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Contains("本年新收", StringComparison.Ordinal));
        if (first < 0) return null;
        var three = Array.FindLastIndex(lines, first, l => l.Contains("收到和处理", StringComparison.Ordinal) || l.Contains("申请人情况", StringComparison.Ordinal));
        var four = Array.FindIndex(lines, first, l => l.Contains("行政复议", StringComparison.Ordinal));
        if (three < 0 || four < 0) return null;
        if (Array.Exists(lines, l => l.Contains('\t'))) return null;
        var kinds = lines.Select(KindOf).ToArray();

        // Table 三: every label followed by cells must take seven lines, and empty lines must stand among them.
        var rows = new List<Row>();
        // Empty lines must stand for blank cells: between cells of a row, or after some rows (a group's merged first columns)
        // but not after every row. mutool writes each block of text (a row) and then an empty line, and leaves a blank
        // cell out: after a row of six cells the empty line is no seventh cell, and read as one it was a zero.
        var (inner, trailing, direct) = (false, false, false);
        for (var i = three + 1; i < four; i++)
        {
            if (kinds[i] != Kind.Text || IsHeading(lines[i]) || i + 1 >= four || kinds[i + 1] == Kind.Text) continue;
            // A label followed by a cell is a row's, or the text is in no such form. One followed by an empty line (its
            // first cell blank) is a row's when seven lines of cells or blanks follow it.
            var row = Take(lines, kinds, i, ApplicationWidth, four);
            if (row is null && kinds[i + 1] == Kind.Cell) return null;
            if (row is null) continue;
            var cells = row.Cells.Cells;
            inner |= Enumerable.Range(0, cells.Count - 1).Any(k => cells[k].Length == 0 && cells.Skip(k + 1).Any(c => c.Length > 0));
            trailing |= row.To > i + 1 + ApplicationWidth;
            direct |= row.To == i + 1 + ApplicationWidth;
            rows.Add(row);
            i = row.To - 1;
        }

        if (rows.Count < MinimumRows || !(inner || (trailing && direct))) return null;

        // Table 二: the rows of each sub-table, as wide as its heading ("信息内容" / "本年制发件数" / "本年废止件数" /
        // "现行有效件数"). A row that does not fit stays as lines.
        var two = Array.FindIndex(lines, l => l.TrimStart().StartsWith("第二十条", StringComparison.Ordinal));
        var width = 0;
        for (var i = Math.Max(two, 0); two >= 0 && i < three; i++)
        {
            if (lines[i].Contains("信息内容", StringComparison.Ordinal))
            {
                width = 0;
                while (i + 1 < three && kinds[i + 1] == Kind.Text && ActiveHeading().IsMatch(lines[i + 1])) (width, i) = (width + 1, i + 1);
                continue;
            }

            if (width == 0 || kinds[i] != Kind.Text || i + 1 >= three || kinds[i + 1] == Kind.Text) continue;
            if (Take(lines, kinds, i, width, three, wrapped: false) is { } row)
            {
                rows.Add(row);
                i = row.To - 1;
            }
        }

        // Table 四: fifteen lines after its last heading.
        var five = Array.FindIndex(lines, four + 1, l => l.TrimStart().StartsWith("五、", StringComparison.Ordinal));
        var end = five < 0 ? lines.Length : five;
        var cell = Array.FindIndex(lines, four + 1, end - four - 1, l => KindOf(l) == Kind.Cell);
        if (cell > 0 && Array.FindLastIndex(lines, cell, cell - four, l => KindOf(l) == Kind.Text) is var heading and > 0
            && Cells(lines, kinds, heading, ReviewWidth, end) is { } review)
        {
            rows.Add(new Row(heading + 1, review.To, new TableRow(review.Cells, Exact: true)));
        }

        rows.Sort((a, b) => a.From.CompareTo(b.From));
        return rows;
    }

    // The row whose label is line `label`: the label's lines (in table 三, the text lines just before it, headings
    // aside: "三、本年度办理结果" / "（一）予以公开") and its cells; null when the lines after the label are no row's.
    private static Row? Take(string[] lines, Kind[] kinds, int label, int width, int end, bool wrapped = true)
    {
        if (Cells(lines, kinds, label, width, end) is not { } row) return null;
        var from = label;
        while (wrapped && from - 1 >= 0 && kinds[from - 1] == Kind.Text && !IsHeading(lines[from - 1])) from--;
        var cells = new List<string>();
        for (var k = from; k <= label; k++) cells.Add(lines[k].Trim());
        cells.AddRange(row.Cells);
        return new Row(from, row.To, new TableRow(cells, Exact: true));
    }

    // The `width` lines after line `after`, each a cell or a blank (an empty string), then nothing but empty lines up to
    // the next text or `end` (To: that line); null when a line among them is text, or a cell follows them.
    private static (List<string> Cells, int To)? Cells(string[] lines, Kind[] kinds, int after, int width, int end)
    {
        if (after + width >= end) return null;
        var cells = new List<string>(width);
        for (var k = after + 1; k <= after + width; k++)
        {
            if (kinds[k] == Kind.Text) return null;
            cells.Add(kinds[k] == Kind.Cell && !CountCell.IsPrompt(lines[k]) ? lines[k].Trim() : "");
        }

        var to = after + width + 1;
        while (to < end && kinds[to] == Kind.Empty) to++;
        return to < end && kinds[to] == Kind.Cell ? null : (cells, to);
    }

    private static Kind KindOf(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return Kind.Empty;
        if (CountCell.IsPrompt(line)) return Kind.Cell;
        // One number or mark, nothing else ("0", "-", "1,234", "12件", "356.20万元"); two numbers a space apart are
        // a row laid out by columns, not a cell.
        var text = line.Trim();
        return !text.Contains(' ') && CountCell.Classify(text) == CellKind.Number ? Kind.Cell : Kind.Text;
    }

    // A column heading of tables 三 and 四, or table 三's note, never a row's label.
    private static bool IsHeading(string line) => Headings.Contains(line.Trim()) || line.Contains("勾稽关系", StringComparison.Ordinal);

    private static readonly HashSet<string> Headings =
    [
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉",
    ];

    // A column heading of table 二's sub-tables: "本年制发件数", "处理决定数量", "本年增/减", "本年收费金额（单位：万元）".
    [GeneratedRegex(@"本年|数量|件数|金额|项目|增|减")]
    private static partial Regex ActiveHeading();
}
