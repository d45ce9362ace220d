using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Puts back the cells that table 三 leaves blank, in text laid out by columns (<c>pdftotext -layout</c> of a Word
/// table whose zeros are typed as nothing): "2.其他法律行政法规禁止公开    /   0     0   0   0       0" holds six numbers,
/// and only its columns say that the sixth, 其他, is the blank one. pdftotext sets a page's characters on one grid, so the
/// rows of a page that hold all seven cells give the columns: a row with fewer is placed by them, each of its cells
/// in the one column it overlaps (a character either way), and a <see cref="Mark"/> stands in each column it leaves
/// empty (StreamRows reads the mark as a blank cell, which is zero). The nearest whole rows above and below are tried:
/// one whose columns leave a cell in none or in two is another page's, laid out afresh; where both place the row they
/// must agree, and a row placed by one alone must add up. Once rows are so placed, a row whose printed cells are all
/// zero is zero in each column, placed or not. Otherwise the row stays as printed, and the table says which row lacks
/// cells. Text in the order a PDF draws it (<c>-raw</c>, cells one space apart) is left alone.
/// </summary>
internal static partial class BlankCells
{
    /// <summary>
    /// Stands for a blank cell (a noncharacter, U+FDD1, so never a character of the text itself): StreamRows reads it as
    /// an empty cell.
    /// </summary>
    public const char Mark = '\uFDD1';

    // The cells of a row of table 三: six applicant columns and their total.
    private const int Width = 7;

    private sealed record Token(int Start, int End, string Text);

    /// <param name="lines">The text's lines, page furniture gone and wrapped numbers joined (WrappedNumbers).</param>
    /// <returns>The lines, those of table 三 that lack cells with a <see cref="Mark"/> in each blank column; the same array when none is placed.</returns>
    public static string[] Apply(string[] lines)
    {
        var (from, to) = TableThree(lines);
        if (from < 0) return lines;
        var cells = new List<Token>?[lines.Length];
        var whole = false;
        var lacking = false;
        for (var i = from; i < to; i++)
        {
            cells[i] = Cells(lines[i]);
            whole |= cells[i]?.Count == Width;
            lacking |= cells[i]?.Count is >= 2 and < Width;
        }

        if (!whole || !lacking) return lines;
        string[]? placed = null;
        var zeros = new List<int>();
        for (var i = from; i < to; i++)
        {
            if (cells[i] is not { Count: >= 2 and < Width } row) continue;
            // Numbers alone on a line next to a line of numbers are the ends of numbers a narrow cell wrapped ("1,44" over
            // "1"), which the table's arithmetic joins; a row's own line stands between lines of its label.
            if (string.IsNullOrWhiteSpace(lines[i][..row[0].Start]) && (Adjacent(cells, lines, i, -1) || Adjacent(cells, lines, i, +1))) continue;
            if (row.All(c => CountCell.ReadCount(c.Text) == 0)) zeros.Add(i);
            var above = Whole(cells, i, from, -1);
            var below = Whole(cells, i, to, +1);
            if (above is null && below is null) continue;
            var columns = above is null ? null : Place(row, above);
            var other = below is null ? null : Place(row, below);
            // Where both grids place the row they must agree. A grid that leaves a cell in no column, or in two, is
            // another page's (pdftotext lays each page out afresh, its columns a few characters off the last's). One grid
            // alone may be another page's too, its columns a whole column off: its placing is taken only when the row then
            // adds up.
            if (columns is not null && other is not null && !columns.SequenceEqual(other)) continue;
            if ((columns is null || other is null) && (columns ?? other) is { } alone && !AddsUp(row, alone)) continue;
            columns ??= other;
            if (columns is null) continue;
            placed ??= (string[])lines.Clone();
            placed[i] = WithMarks(lines[i], row, columns);
        }

        // Where the columns have shown that the table leaves zeros blank, a row whose printed cells are all zero is zero
        // in every column, whichever its blanks are: pdftotext sets some rows apart from any grid ("0   /   0   -" a page
        // from the others' columns).
        if (placed is null) return lines;
        foreach (var i in zeros)
        {
            if (ReferenceEquals(placed[i], lines[i])) placed[i] = WithMarks(lines[i], cells[i]!, [.. Enumerable.Range(0, cells[i]!.Count)]);
        }

        return placed;
    }

    // The lines from table 三's heading to table 四's: [from, to), or (-1, -1). The heading is the last line naming the
    // table before its first row (prose names it too: "二是收到和处理政府信息公开申请情况").
    private static (int From, int To) TableThree(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Contains("本年新收", StringComparison.Ordinal));
        if (first < 0) return (-1, -1);
        var from = Array.FindLastIndex(lines, first, l => l.Contains("收到和处理", StringComparison.Ordinal) || l.Contains("申请人情况", StringComparison.Ordinal));
        if (from < 0) return (-1, -1);
        var to = Array.FindIndex(lines, first, l => l.Contains("行政复议", StringComparison.Ordinal));
        return (from, to < 0 ? lines.Length : to);
    }

    // The cells that end a line, at their columns: the words after its label that are all numbers or marks for none.
    // Null for a line of no cells, or one whose words part otherwise (a tab, a stacked pair of WrappedNumbers).
    private static List<Token>? Cells(string line)
    {
        if (line.Contains('\t') || line.Contains(WrappedNumbers.StackMark)) return null;
        var words = Word().Matches(line);
        var cells = new List<Token>();
        var at = words.Count - 1;
        for (; at >= 0; at--)
        {
            var w = words[at];
            var text = w.Value.TrimStart('\f');
            if (!IsCell(text)) break;
            cells.Insert(0, new Token(w.Index + w.Length - text.Length, w.Index + w.Length - 1, text));
        }

        // A cell set against the label's last word ("（六）其他处理/", "三类内部1"): the row holds a cell its columns do not show.
        if (at >= 0 && words[at].Value[^1] is (>= '0' and <= '9') or '-' or '/' or '—' or '－' or '／') return null;

        // Laid out by columns, cells stand apart by runs of spaces; text in the order a PDF draws it (pdftotext -raw)
        // parts them by one, and its lines say nothing of columns.
        for (var k = 1; k < cells.Count; k++)
        {
            if (cells[k].Start - cells[k - 1].End <= 2) return null;
        }

        return cells.Count == 0 ? null : cells;
    }

    // True when the nearest line with text from line i in one direction holds cells.
    private static bool Adjacent(List<Token>?[] cells, string[] lines, int i, int step)
    {
        for (var k = i + step; k >= 0 && k < lines.Length; k += step)
        {
            if (!string.IsNullOrWhiteSpace(lines[k])) return cells[k] is not null;
        }

        return false;
    }

    // The nearest row of seven cells from line i in one direction, within table 三.
    private static List<Token>? Whole(List<Token>?[] cells, int i, int end, int step)
    {
        for (var k = i + step; step < 0 ? k >= end : k < end; k += step)
        {
            if (cells[k]?.Count == Width) return cells[k];
        }

        return null;
    }

    // The column of each cell under a whole row's cells: the one column its characters overlap (or touch), in order; null
    // when a cell overlaps none or two, or two cells one column.
    private static int[]? Place(List<Token> row, List<Token> grid)
    {
        var columns = new int[row.Count];
        for (var c = 0; c < row.Count; c++)
        {
            var hits = 0;
            for (var g = 0; g < grid.Count; g++)
            {
                // A character either way: a line's Chinese characters may move its numbers one place (pdftotext sets
                // each character on the page's grid by where it starts).
                if (row[c].Start > grid[g].End + 1 || grid[g].Start > row[c].End + 1) continue;
                hits++;
                columns[c] = g;
            }

            if (hits != 1 || (c > 0 && columns[c] <= columns[c - 1])) return null;
        }

        return columns;
    }

    // True when the row, its blank cells zero, has six applicant cells that add up to its total.
    private static bool AddsUp(List<Token> row, int[] columns)
    {
        var cells = new int?[Width];
        for (var g = 0; g < Width; g++) cells[g] = 0;
        for (var c = 0; c < row.Count; c++) cells[columns[c]] = CountCell.ReadCount(row[c].Text);
        return cells.All(v => v is not null) && cells.Take(Width - 1).Sum() == cells[Width - 1];
    }

    // The line with its label as printed, then its cells, a mark in each column left blank.
    private static string WithMarks(string line, List<Token> row, int[] columns)
    {
        var text = new StringBuilder(line[..row[0].Start]);
        var next = 0;
        for (var g = 0; g < Width; g++)
        {
            if (g > 0) text.Append("  ");
            text.Append(next < row.Count && columns[next] == g ? row[next++].Text : Mark);
        }

        return text.ToString();
    }

    // A number as a cell holds it ("1,234", "5件", "0"), or a mark for none ("-", "/", "无", "O").
    private static bool IsCell(string word) => CellWord().IsMatch(word) || CountCell.IsMisread(word);

    [GeneratedRegex(@"^(?:[-+]?[0-9０-９](?:[0-9０-９,.]*[0-9０-９])? ?(?:件|条|个|项|次)?|[-—－/／]|——|无|[OoＯ])$")]
    private static partial Regex CellWord();

    // A word, with the unit a space parts from its number ("26 件").
    [GeneratedRegex(@"\S+(?: [件条个项次](?!\S))?")]
    private static partial Regex Word();
}
