using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Puts back the cells that table 三 leaves blank, in text laid out by columns (<c>pdftotext -layout</c> of a Word
/// table whose zeros are typed as nothing): "2.其他法律行政法规禁止公开    /   0     0   0   0       0" holds six numbers,
/// and only its columns say that the sixth, 其他, is the blank one. pdftotext sets a page's characters on one grid, so the
/// rows of a page that hold all seven cells give the columns: a row with fewer is placed by them, each of its cells
/// in the one column it overlaps (a character either way), and a <see cref="Mark"/> stands in each column it leaves
/// empty (StreamRows reads the mark as a blank cell, which is zero). The whole rows of the row's own page are tried first
/// (where two place it they agree; where one does, the row adds up), then the page's own columns when no row of it is
/// whole (the runs its rows' cells cover, when they make seven; the row adds up), then the nearest whole rows of other
/// pages, laid out afresh (both agreeing, or the one making the row add up). Once rows are so placed, a row whose printed
/// cells are all zero is zero in each column, placed or not, and a row whose label stands with no cell at all is a row of
/// zeros. Otherwise the row stays as printed, and the table says which row lacks cells. Text in the order a PDF draws it
/// (<c>-raw</c>, cells one space apart) is left alone. Tables 二 and 四 are placed
/// too (<see cref="ActiveRows"/>, <see cref="ReviewRow"/>): table 二's rows by its sub-tables' whole rows, table 四's one
/// row by its sums and its stacked column headings.
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

    /// <param name="lines">
    /// The text's lines, page furniture gone and wrapped numbers joined (WrappedNumbers), each page's first line after a
    /// <see cref="WrappedNumbers.PageMark"/>.
    /// </param>
    /// <returns>
    /// The lines without page marks, those of tables 三 and 四 that lack cells with a <see cref="Mark"/> in each blank column.
    /// </returns>
    public static string[] Apply(string[] lines)
    {
        var page = new int[lines.Length];
        var marked = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var head = lines[i].StartsWith(WrappedNumbers.PageMark);
            page[i] = (i == 0 ? 0 : page[i - 1]) + (head ? 1 : 0);
            marked |= head;
        }

        if (marked) lines = [.. lines.Select(l => l.StartsWith(WrappedNumbers.PageMark) ? l[1..] : l)];
        return ReviewRow(ApplicationRows(lines, page));
    }

    // Table 三's rows, placed by the whole rows of their page, else by their page's columns, else by the nearest whole
    // rows above and below them.
    private static string[] ApplicationRows(string[] lines, int[] page)
    {
        var (from, to) = TableThree(lines);
        if (from < 0) return lines;
        var cells = new List<Token>?[lines.Length];
        var lacking = false;
        for (var i = from; i < to; i++)
        {
            cells[i] = Cells(lines[i]);
            lacking |= cells[i]?.Count is >= 2 and < Width;
        }

        // A table 三 of labels and no number at all (an office that types no zeros, and had no application): every row blank.
        var blank = !Enumerable.Range(from, to - from).Any(i => NumbersOn(lines[i]));
        if (!lacking && !blank) return lines;
        // Numbers alone on a line next to a line of numbers are the ends of numbers a narrow cell wrapped ("1,44" over
        // "1"), which the table's arithmetic joins; a row's own line stands between lines of its label.
        bool WrappedEnds(int i) => string.IsNullOrWhiteSpace(lines[i][..cells[i]![0].Start]) && (Adjacent(cells, lines, i, -1) || Adjacent(cells, lines, i, +1));
        var pageColumns = new Dictionary<int, List<Token>?>();
        string[]? placed = null;
        var zeros = new List<int>();
        for (var i = from; i < to; i++)
        {
            // A row's one cell, beside its label, that is zero ("二、上年结转政府信息公开申请数量        0"): zero in every column.
            if (cells[i] is [var one] && lines[i][..one.Start].Trim().Length > 0 && CountCell.ReadCount(one.Text) == 0) zeros.Add(i);
            if (cells[i] is not { Count: >= 2 and < Width } row || WrappedEnds(i)) continue;
            if (row.All(c => CountCell.ReadCount(c.Text) == 0)) zeros.Add(i);
            var above = Whole(cells, i, from, -1);
            var below = Whole(cells, i, to, +1);
            var own = new[] { above, below }.Where(k => k >= 0 && page[k] == page[i]).ToList();
            int[]? columns;
            if (own.Count > 0)
            {
                // pdftotext sets a page's characters on one grid: the page's own whole rows place the row. Where two do,
                // they agree; where one does, the row adds up (its other cells may stand on a line of their own, at
                // another height: "（七）总计  2  1  无" over "无  0  0  3").
                var placings = own.Select(k => Place(row, cells[k]!)).ToList();
                columns = placings.All(c => c is not null && c.SequenceEqual(placings[0]!)) ? placings[0] : null;
                if (own.Count == 1 && columns is not null && !AddsUp(row, columns)) columns = null;
            }
            else if (PageColumns(i) is { } runs)
            {
                columns = Place(row, runs);
                if (columns is not null && !AddsUp(row, columns)) columns = null;
            }
            else
            {
                // Where both grids place the row they must agree. A grid that leaves a cell in no column, or in two, is
                // another page's (pdftotext lays each page out afresh, its columns a few characters off the last's).
                // One grid alone may be another page's too, its columns a whole column off: its placing is taken only
                // when the row then adds up.
                columns = above < 0 ? null : Place(row, cells[above]!);
                var other = below < 0 ? null : Place(row, cells[below]!);
                if (columns is not null && other is not null && !columns.SequenceEqual(other)) continue;
                if ((columns is null || other is null) && (columns ?? other) is { } alone && !AddsUp(row, alone)) continue;
                columns ??= other;
            }

            // A row's last cell is its 总计, which a row not all zero prints: a placing elsewhere is a grid off by the
            // characters a label moves its numbers (pdftotext sets "一、本年新收…  95" nine characters right of
            // "（一）予以公开  50").
            if (columns is null || (columns[^1] != Width - 1 && !row.All(c => CountCell.ReadCount(c.Text) == 0))) continue;
            placed ??= (string[])lines.Clone();
            placed[i] = WithMarks(lines[i], row, columns, Width);
        }

        // Where the columns have shown that the table leaves zeros blank, a row whose printed cells are all zero is zero
        // in every column, whichever its blanks are: pdftotext sets some rows apart from any grid ("0   /   0   -" a page
        // from the others' columns).
        // A table that prints no "0" (it may print marks for none, "-" or "/"), its rows short of cells, is an office's that
        // leaves its zeros blank, though no row of it could be placed (a small office's rows hold two or three cells each).
        var noZeros = lacking && Enumerable.Range(from, to - from).All(i => cells[i] is null || cells[i]!.All(c => c.Text.Trim() is not ("0" or "０")));
        if (placed is null && !blank && !noZeros) return lines;
        placed ??= (string[])lines.Clone();
        foreach (var i in zeros)
        {
            if (ReferenceEquals(placed[i], lines[i])) placed[i] = WithMarks(lines[i], cells[i]!, [.. Enumerable.Range(0, cells[i]!.Count)], Width);
        }

        // There too, a row left wholly blank prints its label alone: a line that opens a row ("1.属于国家秘密", "（三）   1.属于"
        // beside a merged group's label) with no cell on it or on its label's lines below, down to the line that opens the
        // next row (whatever that line holds) or ends the table. Its seven cells are blank, zero. A piece of a merged
        // group's label ("（三）", "三、本") opens no row and ends none; a group's whole label over its reasons ("（六）其他处理"
        // over "1.申请人…") is no row of its own either.
        for (var i = from; i < to; i++)
        {
            if (NumbersOn(lines[i]) || Opening(lines[i]) is not { } opening || (RowNumbering.OpensGroup(opening) && !RowNumbering.IsWholeGroup(opening))) continue;
            var next = i + 1;
            while (next < to && !NumbersOn(lines[next]) && !EndsRow(lines[next])) next++;
            if (next < to && !EndsRow(lines[next])) continue;
            if (next < to && RowNumbering.IsWholeGroup(opening) && Opening(lines[next]) is { } reason && char.IsAsciiDigit(TextKey.Narrow(reason[0]))) continue;
            // A label wrapped in a narrow column ("2.其他" / "法律行" / "政法规" / "禁止公" / "开") is put whole on its first
            // line, beside the cells: the words that stand in its column on the lines below (a character either way) join
            // it there, and a merged group's label beside them ("（三）", "不予公") stays on its lines.
            var column = lines[i].LastIndexOf(opening, StringComparison.Ordinal);
            var full = new StringBuilder(lines[i].TrimEnd());
            for (var k = i + 1; k < next; k++)
            {
                if (Word().Matches(lines[k]).FirstOrDefault(w => Math.Abs(w.Index - column) <= 1) is not { } piece) continue;
                full.Append(piece.Value);
                placed[k] = (lines[k][..piece.Index] + lines[k][(piece.Index + piece.Length)..]).TrimEnd();
            }

            placed[i] = full.Append("  ").AppendJoin("  ", Enumerable.Repeat(Mark, Width)).ToString();
        }

        return placed;

        // Whether the line opens a row that ends the one above: a row's label, not a group's.
        static bool EndsRow(string line) => Opening(line) is { } opening && !RowNumbering.OpensGroup(opening);

        // The label that opens a row (or a group) on the line, in its rightmost column of words before its cells (a merged
        // group's label stands left of it, or before it one space apart: "（三）不予公开 1.属于国家秘密" opens 1.'s row).
        static string? Opening(string line)
        {
            var cell = Word().Matches(line).FirstOrDefault(w => IsCell(w.Value.Trim()));
            var last = HeadingGap().Split(line[..(cell?.Index ?? line.Length)].Trim()).Last();
            if (GroupThenRow().Match(last) is { Success: true } m && RowNumbering.StartsRow(m.Groups["row"].Value)) return m.Groups["row"].Value;
            return last.Length > 0 && RowNumbering.StartsRow(last) ? last : null;
        }

        // Whether a word of the line is a number or a mark for none.
        static bool NumbersOn(string line) => Word().Matches(line).Any(w => IsCell(w.Value.Trim()));

        // The columns of a page of table 三 that no whole row shows: the runs of character positions its rows' cells cover
        // (a character either way), when they make seven, each of two rows' cells at least, and each row stands one cell to
        // a run, its last in the last run unless all its cells are zero. A table whose zeros are all left blank may print no
        // row whole ("23   161        14     198" under "228   75          303").
        List<Token>? PageColumns(int i)
        {
            if (pageColumns.TryGetValue(page[i], out var known)) return known;
            var rows = Enumerable.Range(from, to - from)
                .Where(k => page[k] == page[i] && cells[k] is { Count: >= 2 } && !WrappedEnds(k))
                .Select(k => cells[k]!).ToList();
            var runs = new List<Token>();
            foreach (var t in rows.SelectMany(r => r).OrderBy(t => t.Start))
            {
                if (runs.Count > 0 && t.Start <= runs[^1].End + 1) runs[^1] = runs[^1] with { End = Math.Max(runs[^1].End, t.End) };
                else runs.Add(t);
            }

            // Each row not all zero ends in the last run, its 总计, and each run holds cells of two rows at least: a run of
            // one row's cells alone may be that row's label moving its numbers ("四、结转下年度继续办理" set from the page's
            // left edge).
            var placings = rows.Select(r => Place(r, runs)).ToList();
            var columns = rows.Count >= 2 && runs.Count == Width
                && placings.Zip(rows).All(p => p.First is { } c && (c[^1] == Width - 1 || p.Second.All(t => CountCell.ReadCount(t.Text) == 0)))
                && Enumerable.Range(0, Width).All(g => placings.Count(c => c!.Contains(g)) >= 2) ? runs : null;
            pageColumns[page[i]] = columns;
            return columns;
        }
    }

    // Table 二's row labels, as the template prints them in its first column.
    private static readonly string[] ActiveLabels = ["规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"];

    // True when the word is a row label of table 二 or its first line wrapped ("行政事业性" of 行政事业性收费).
    private static bool OpensActiveLabel(string word) => word.Length > 0 && ActiveLabels.Any(l => l.StartsWith(word, StringComparison.Ordinal));

    /// <summary>True when the text is a whole row label of table 二 ("行政许可"), never a fragment of a wrapped one.</summary>
    public static bool IsActiveLabel(string text) => ActiveLabels.Contains(text.Trim(), StringComparer.Ordinal);

    /// <summary>
    /// Table 二's rows short of cells. Each sub-table's heading line ("信息内容   本年制发件数   本年废止件数   现行有效件数")
    /// says how many cells its rows hold. A row with fewer is placed by the nearest rows that hold them all, as table 三's
    /// are: rows of its own sub-table first (all that place it must agree), otherwise the nearest above and below in
    /// sub-tables as wide, which must both place it and agree (table 二 has no sums to check a placing by), or the only
    /// one, when its label is as long. A label that stands alone, with no numbers on the lines next to it, is a row left
    /// blank, zero in each column: under a heading of one column always, under more where the table leaves zeros blank. Only rows under the template's own labels are placed.
    /// </summary>
    /// <remarks>
    /// Runs on the lines as pdftotext wrote them, before CellsAboveRows and WrappedNumbers: a number alone next to the
    /// row may be its cell set a line above, or a wrapped piece, and once those passes have moved it the row would look
    /// merely short.
    /// </remarks>
    /// <param name="lines">The text's lines, page furniture gone.</param>
    /// <returns>The lines, table 二's rows placed with a <see cref="Mark"/> in each blank column; the same array when none is.</returns>
    public static string[] ActiveRows(string[] lines)
    {
        var (three, _) = TableThree(lines);
        var end = three < 0 ? lines.Length : three;
        var start = Array.FindIndex(lines, 0, end, l => l.Contains("第二十条", StringComparison.Ordinal));
        if (start < 0) return lines;
        // Each line's sub-table (numbered in turn) and the cells its heading gives a row (0 where unknown).
        var widths = new int[end];
        var parts = new int[end];
        var cells = new List<Token>?[end];
        // The middle of each column heading of the line's sub-table, where its heading line shows them all.
        var middles = new double[]?[end];
        var (width, part) = (0, 0);
        double[]? headingMiddles = null;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var heading = line.IndexOf("信息内容", StringComparison.Ordinal);
            if (heading >= 0 || line.Contains("第二十条", StringComparison.Ordinal))
            {
                part++;
                var rest = heading < 0 ? "" : line[(heading + 4)..].Trim();
                width = rest.Length == 0 || rest.Any(char.IsAsciiDigit) ? 0 : HeadingGap().Split(rest).Length;
                headingMiddles = heading >= 0 && width > 0 ? HeadingMiddles(line, heading + 4, width) : null;
                if (heading >= 0 && width > 0 && WrappedHeadingWidth(lines, i, heading + 4, start, end) is { } wrapped)
                {
                    width = wrapped;
                    headingMiddles = null;
                }

                continue;
            }

            (widths[i], parts[i], middles[i]) = (width, part, headingMiddles);
            // Only a row whose label is the template's whole label: anything else ("行政规范性文件  9份", a unit read as
            // a word) may hold cells the columns cannot show.
            if (width > 0 && Cells(line) is { } row && IsActiveLabel(line[..row[0].Start])) cells[i] = row;
        }

        // A short row whose digits could be all its cells run together ("行政规范性文件   308" for 3, 0, 8: a crawler's text
        // drops the spaces between cells) is no blank's sure sign: it is placed only where another row leaves a cell blank
        // beyond doubt, in table 二 ("规章  0  _  0", or a label alone under a one-column heading) or in table 三 (a
        // labelled row of fewer than seven cells that are not seven run together).
        var blanksLeft = Enumerable.Range(start, end - start).Any(i =>
            (cells[i] is { } row && row.Count < widths[i] && !CouldRunTogether(row, widths[i]))
            || (cells[i] is null && widths[i] == 1 && IsActiveLabel(lines[i])))
            || (three >= 0 && Enumerable.Range(three, lines.Length - three).Any(i =>
                Cells(lines[i]) is { } row && row.Count < Width && !CouldRunTogether(row, Width) && lines[i][..row[0].Start].Trim().Length > 0));
        string[]? placed = null;
        for (var i = start; i < end; i++)
        {
            width = widths[i];
            // Numbers alone on the line next to a row may be its wrapped ends ("1,23" over "4"): such a row is left as it is.
            var alone = LabelLessCells(lines, i, -1, start) || LabelLessCells(lines, i, +1, end);
            if (cells[i] is { } row && row.Count < width)
            {
                // Two cells or more a column's gap apart, that whole rows of their own sub-table place, are laid out by
                // columns: "行政强制  0        57" under "行政处罚  0   3   0" is 0, blank, 57, not 0, 5, 7.
                if (alone || (!blanksLeft && CouldRunTogether(row, width) && !(row.Count >= 2 && ActivePlacing(lines, cells, widths, parts, i, start, end, ownOnly: true) is not null))) continue;
                if (ActivePlacing(lines, cells, widths, parts, i, start, end) is { } columns)
                {
                    placed ??= (string[])lines.Clone();
                    placed[i] = WithMarks(lines[i], row, columns, width);
                }
                else if (blanksLeft && middles[i] is { } headings && UnderHeadings(row, headings) is { } under)
                {
                    // No whole row places it ("行政事业性收费   5" alone under "上一年项目数量   本年增/减"): each cell stands
                    // under the heading nearest it, by far the nearest.
                    placed ??= (string[])lines.Clone();
                    placed[i] = WithMarks(lines[i], row, under, width);
                }
                else if (blanksLeft && row.All(c => CountCell.ReadCount(c.Text) == 0))
                {
                    // No whole row of its sub-table places it ("规章  0  0" over "行政规范性文件  0  62", "行政事业性收费  0" alone under
                    // two headings), but where the table leaves zeros blank a row of zeros is zero in every column, whichever
                    // its blanks are.
                    placed ??= (string[])lines.Clone();
                    placed[i] = WithMarks(lines[i], row, [.. Enumerable.Range(0, row.Count)], width);
                }
            }
            else if (cells[i] is null && IsActiveLabel(lines[i]) && !alone && (width == 1 || (width > 1 && blanksLeft)))
            {
                // A label alone is a row left wholly blank: under a one-column heading always, under more where the table
                // is seen to leave zeros blank.
                placed ??= (string[])lines.Clone();
                placed[i] = lines[i].TrimEnd() + "  " + string.Join("  ", Enumerable.Repeat(Mark, width));
            }
        }

        return placed ?? lines;
    }

    // The middle of each of the `width` column headings on a sub-table's heading line past column `from`, on the grid
    // pdftotext -layout sets: a heading starts at its column and a Chinese character spans about two (the grid's pitch is
    // the page's narrower letters); null when the words are not `width`.
    private static double[]? HeadingMiddles(string line, int from, int width)
    {
        var words = HeadingWord().Matches(line[from..]);
        if (words.Count != width) return null;
        return [.. words.Select(w => from + w.Index + (w.Value.Sum(c => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef' ? 1.7 : 1.0) / 2))];
    }

    // The columns of a row short of cells under its sub-table's headings: each cell the heading whose middle is nearest its
    // own, well nearer than the next (six tenths as far at most, and four columns nearer), the columns in order; null when any cell is not so near one.
    private static int[]? UnderHeadings(List<Token> row, double[] headings)
    {
        var columns = new int[row.Count];
        for (var c = 0; c < row.Count; c++)
        {
            var middle = (row[c].Start + row[c].End) / 2.0;
            var order = Enumerable.Range(0, headings.Length).OrderBy(g => Math.Abs(headings[g] - middle)).ToList();
            var (near, next) = (Math.Abs(headings[order[0]] - middle), Math.Abs(headings[order[1]] - middle));
            if (near > 0.6 * next || next - near < 4) return null;
            columns[c] = order[0];
            if (c > 0 && columns[c] <= columns[c - 1]) return null;
        }

        return columns;
    }

    // The columns of a sub-table heading whose narrow headings wrapped around the line of 信息内容 ("本年制     本年" over
    // "信息内容     现行有效件数" over "发件数     废止件数": three, not the one its own line shows): the runs of positions, past
    // 信息内容, that the words of the heading's lines cover, a character either way. The lines above and below are its
    // own while they hold words alone, none of them a number, a row's label or the sub-table's title (第二十条…); null when
    // no such line stands next to it.
    private static int? WrappedHeadingWidth(string[] lines, int at, int from, int start, int end)
    {
        static bool HeadingPiece(string line) =>
            line.Trim().Length > 0 && !line.Any(char.IsAsciiDigit) && !line.Contains("第二十条", StringComparison.Ordinal)
            && !line.Contains("信息内容", StringComparison.Ordinal) && !OpensActiveLabel(line.Trim().Split(' ')[0])
            && line.All(c => c == ' ' || c is >= '\u4e00' and <= '\u9fff' || c is '/' or '（' or '）' or '(' or ')' or '：' or '、');

        var block = new List<string> { lines[at] };
        foreach (var step in new[] { -1, +1 })
        {
            var blanks = 0;
            for (var k = at + step; k >= start && k < end; k += step)
            {
                if (lines[k].Trim().Length == 0)
                {
                    if (++blanks > 2) break;
                    continue;
                }

                if (!HeadingPiece(lines[k])) break;
                block.Add(lines[k]);
            }
        }

        if (block.Count == 1) return null;
        var runs = new List<(int Start, int End)>();
        foreach (var line in block)
        {
            foreach (System.Text.RegularExpressions.Match w in Word().Matches(line))
            {
                if (w.Index + w.Length <= from) continue;
                runs.Add((w.Index, w.Index + w.Length - 1));
            }
        }

        var merged = new List<(int Start, int End)>();
        foreach (var r in runs.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End + 1) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }

        return merged.Count;
    }

    // Whether a row's cells could be `width` cells run together: each cell of plain digits splits into as many as it has
    // digits ("308" into 3, 0, 8), any other ("1,234", "-", "11 份") stays one.
    private static bool CouldRunTogether(List<Token> row, int width) =>
        row.Sum(t => t.Text.All(char.IsAsciiDigit) ? t.Text.Length : 1) >= width;

    // The columns of table 二's row i short of cells, by the whole rows of its sub-table, or else of sub-tables as wide
    // above and below it (both, agreeing), or the one such row whose label is as long, a character either way (a row's
    // Chinese label moves its numbers: "规章  3件" stands eight characters left of "行政规范性文件  11 份"); null when they
    // do not place it, or disagree. ownOnly: by the rows of its own sub-table alone.
    private static int[]? ActivePlacing(string[] lines, List<Token>?[] cells, int[] widths, int[] parts, int i, int start, int end, bool ownOnly = false)
    {
        var row = cells[i]!;
        int Nearest(int step, bool own)
        {
            for (var k = i + step; k >= start && k < end; k += step)
            {
                if (cells[k] is { } grid && grid.Count == widths[i] && widths[k] == widths[i] && (!own || parts[k] == parts[i])) return k;
            }

            return -1;
        }

        var own = new[] { Nearest(-1, own: true), Nearest(+1, own: true) }.Where(k => k >= 0).Select(k => Place(row, cells[k]!)).OfType<int[]>().ToList();
        if (own.Count > 0) return own.All(c => c.SequenceEqual(own[0])) ? own[0] : null;
        if (ownOnly) return null;
        if (ShortRowsColumns(cells, widths, parts, i, start, end) is { } shared) return Place(row, shared);
        var (above, below) = (Nearest(-1, own: false), Nearest(+1, own: false));
        if (above >= 0 && below >= 0)
        {
            var (one, other) = (Place(row, cells[above]!), Place(row, cells[below]!));
            return one is not null && other is not null && one.SequenceEqual(other) ? one : null;
        }

        var alone = Math.Max(above, below);
        int Label(int k) => lines[k][..cells[k]![0].Start].Trim().Length;
        return alone >= 0 && Math.Abs(Label(alone) - Label(i)) <= 1 ? Place(row, cells[alone]!) : null;
    }

    // The columns of row i's sub-table when none of its rows holds every cell: each run of character positions that its
    // rows' cells cover (a character either way), when there are as many runs as the heading gives columns and every row
    // of the sub-table falls one cell to a run. "规章    -    0" over "行政规范性文件  0    1" (a column blank in each) cover
    // three runs between them: 规章 is blank, -, 0 and 行政规范性文件 0, 1, blank. Null when a cell carries a unit
    // or reads 无 ("3件": a Chinese character moves the cells after it on pdftotext's grid), or the rows do not show the
    // columns so.
    private static List<Token>? ShortRowsColumns(List<Token>?[] cells, int[] widths, int[] parts, int i, int start, int end)
    {
        var rows = Enumerable.Range(start, end - start)
            .Where(k => parts[k] == parts[i] && widths[k] == widths[i] && cells[k] is not null)
            .Select(k => cells[k]!).ToList();
        if (rows.Count < 2 || rows.Any(r => r.Count >= widths[i] || r.Any(t => t.Text.Any(c => c is >= '\u4e00' and <= '\u9fff')))) return null;
        var runs = new List<Token>();
        foreach (var t in rows.SelectMany(r => r).OrderBy(t => t.Start))
        {
            if (runs.Count > 0 && t.Start <= runs[^1].End + 1) runs[^1] = runs[^1] with { End = Math.Max(runs[^1].End, t.End) };
            else runs.Add(t);
        }

        return runs.Count == widths[i] && rows.All(r => Place(r, runs) is not null) ? runs : null;
    }

    // True when the nearest line with text from line i in one direction (within [start, end)) holds cells without a label.
    private static bool LabelLessCells(string[] lines, int i, int step, int bound)
    {
        for (var k = i + step; step < 0 ? k >= bound : k < bound; k += step)
        {
            if (string.IsNullOrWhiteSpace(lines[k])) continue;
            return HoldsCells(lines[k]) && Word().Match(lines[k]) is { Success: true } first && IsCell(first.Value.TrimStart('\f'));
        }

        return false;
    }

    // Table 四: three proceedings of five cells (结果维持, 结果纠正, 其他结果, 尚未审结, 总计), on one row.
    private const int ReviewWidth = 15;

    // The characters of table 四's column headings, which a narrow cell stacks one to a line ("结" over "果" over "维").
    private const string ReviewHeadingCharacters = "结果维持纠正其他尚未审总计";

    // How far (in characters) the cells' middles may stand from their column headings' (pdftotext sets a Chinese
    // character and a digit on the grid by where each starts, so a row's numbers stand a character or two right of their
    // headings), and how much those offsets may differ within the row: a cell put a column off (three characters or
    // more) differs by more.
    private const double ReviewReach = 3.5;
    private const double ReviewSpread = 2;

    /// <summary>
    /// Table 四's one row of fifteen cells, when it lacks some (zeros left blank): each order-keeping placing of its
    /// printed cells in the fifteen columns, a blank (zero) in each column left, in which every 总计 is the sum of the
    /// four before it. Where the headings give the columns (each character of a stacked heading stands over its
    /// column), a placing must set each cell under its column's heading, all of them a like distance off their
    /// headings; when none does (a page laid out a few characters off, a heading cut by a page break), every placing
    /// that adds up is taken. The row is written back with a <see cref="Mark"/> in each blank column only when every
    /// placing gives each cell one value (a row of zeros always does; "4  4" under the headings 尚未审结 and 总计 does too):
    /// otherwise the row stays as printed, and the table reports the cells it lacks. Text whose cells stand one space
    /// apart throughout (pdftotext -raw) has no columns, and its row is left as printed.
    /// </summary>
    private static string[] ReviewRow(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Contains("本年新收", StringComparison.Ordinal));
        var start = first < 0 ? -1 : Array.FindIndex(lines, first, l => l.Contains("行政复议", StringComparison.Ordinal));
        if (start < 0) return lines;
        var headings = new List<int>();
        var at = -1;
        List<Token>? row = null;
        for (var i = start + 1; i < lines.Length && i <= start + 30; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            // A second line of numbers: cells at several heights (a staircase), whose order the table's arithmetic decides.
            if (row is not null) return HoldsCells(line) ? lines : Place(lines, row, at, headings);
            var words = Word().Matches(line);
            if (words.All(w => w.Value.Length == 1 && ReviewHeadingCharacters.Contains(w.Value[0], StringComparison.Ordinal)))
            {
                headings.AddRange(words.Select(w => w.Index));
                continue;
            }

            // A line of numbers, or words that hold none (未经复议直接起诉); anything else is not the table this reads.
            if (!HoldsCells(line)) continue;
            // Narrow columns may set two cells a space apart ("0 0 0  0"), but a row laid out by columns has wider gaps too.
            if (Cells(line, apart: 1) is not { } cells || !string.IsNullOrWhiteSpace(line[..cells[0].Start])
                || !cells.Skip(1).Where((c, k) => c.Start - cells[k].End > 2).Any()) return lines;
            (row, at) = (cells, i);
        }

        return row is null ? lines : Place(lines, row, at, headings);
    }

    // The lines with table 四's row, at line at, written back with its blank columns marked, when its placing is certain.
    private static string[] Place(string[] lines, List<Token> row, int at, List<int> headings)
    {
        if (row is not { Count: >= 2 and < ReviewWidth } || row.Any(c => CountCell.ReadCount(c.Text) is null)) return lines;
        var columns = HeadingColumns(headings);
        var placing = (columns is null ? null : Agreed(row, columns)) ?? Agreed(row, null);
        if (placing is null) return lines;
        var placed = (string[])lines.Clone();
        placed[at] = WithMarks(lines[at], row, placing, ReviewWidth);
        return placed;
    }

    // The fifteen columns table 四's stacked headings stand in (the middle of each), or null when they do not make fifteen.
    private static double[]? HeadingColumns(List<int> positions)
    {
        if (positions.Count < ReviewWidth) return null;
        positions.Sort();
        var clusters = new List<List<int>> { new() { positions[0] } };
        foreach (var p in positions.Skip(1))
        {
            if (p - clusters[^1][^1] <= 1) clusters[^1].Add(p);
            else clusters.Add([p]);
        }

        return clusters.Count == ReviewWidth ? [.. clusters.Select(c => c.Average())] : null;
    }

    // The columns of one placing of the row that adds up (under its headings, when given: each cell its heading's
    // column, all a like distance right or left of them), when every such placing gives each of the fifteen cells one
    // value; otherwise null.
    private static int[]? Agreed(List<Token> row, double[]? headings)
    {
        int[]? chosen = null;
        int?[]? values = null;
        var columns = new int[row.Count];
        var ok = true;

        void Place(int cell, int column, double low, double high)
        {
            if (!ok) return;
            if (cell == row.Count)
            {
                var table = new int[ReviewWidth];
                for (var c = 0; c < row.Count; c++) table[columns[c]] = CountCell.ReadCount(row[c].Text)!.Value;
                for (var g = 0; g < ReviewWidth; g += 5)
                {
                    if (table[g] + table[g + 1] + table[g + 2] + table[g + 3] != table[g + 4]) return;
                }

                if (values is null)
                {
                    values = [.. table.Select(v => (int?)v)];
                    chosen = (int[])columns.Clone();
                }
                else if (!values.SequenceEqual(table.Select(v => (int?)v)))
                {
                    ok = false;
                }

                return;
            }

            // Each cell in a column after the last one's, leaving columns enough for the cells after it.
            for (var g = column; g <= ReviewWidth - (row.Count - cell); g++)
            {
                var offset = headings is null ? 0 : ((row[cell].Start + row[cell].End) / 2.0) - headings[g];
                if (Math.Abs(offset) > ReviewReach || Math.Max(high, offset) - Math.Min(low, offset) > ReviewSpread) continue;
                columns[cell] = g;
                Place(cell + 1, g + 1, Math.Min(low, offset), Math.Max(high, offset));
            }
        }

        Place(0, 0, double.MaxValue, double.MinValue);
        return ok ? chosen : null;
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
    // Null for a line of no cells, or one whose words part otherwise (a tab, a stacked pair of WrappedNumbers). Laid out
    // by columns, cells stand apart by two spaces or more; apart: 1 takes one, as where narrow columns meet.
    private static List<Token>? Cells(string line, int apart = 2)
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
            if (cells[k].Start - cells[k - 1].End <= apart) return null;
        }

        return cells.Count == 0 ? null : cells;
    }

    // True when the line holds a number or a mark for none.
    private static bool HoldsCells(string line) =>
        line.Any(c => char.IsAsciiDigit(c) || c is '-' or '/' or '—' or '－' or '／' or '无' or (>= '０' and <= '９'));

    // True when the nearest line with text from line i in one direction holds cells.
    private static bool Adjacent(List<Token>?[] cells, string[] lines, int i, int step)
    {
        for (var k = i + step; k >= 0 && k < lines.Length; k += step)
        {
            if (!string.IsNullOrWhiteSpace(lines[k])) return cells[k] is not null;
        }

        return false;
    }

    // The line of the nearest row of seven cells from line i in one direction, within table 三; -1 when none.
    private static int Whole(List<Token>?[] cells, int i, int end, int step)
    {
        for (var k = i + step; step < 0 ? k >= end : k < end; k += step)
        {
            if (cells[k]?.Count == Width) return k;
        }

        return -1;
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

    // The line with its label as printed, then its cells, a mark in each of its width columns left blank.
    private static string WithMarks(string line, List<Token> row, int[] columns, int width)
    {
        var text = new StringBuilder(line[..row[0].Start]);
        var next = 0;
        for (var g = 0; g < width; g++)
        {
            if (g > 0) text.Append("  ");
            text.Append(next < row.Count && columns[next] == g ? row[next++].Text : Mark);
        }

        return text.ToString();
    }

    // A number as a cell holds it ("1,234", "5件", "0"), or a mark for none ("-", "/", "无", "O").
    private static bool IsCell(string word) => CellWord().IsMatch(word) || CountCell.IsMisread(word);

    [GeneratedRegex(@"^(?:[-+]?[0-9０-９](?:[0-9０-９,.]*[0-9０-９])? ?(?:[件条个项次起人家宗份篇])?|[-—－/／]|——|无|[OoＯ])$")]
    private static partial Regex CellWord();

    // A group's numbering, and its name, before a row's label on one line: "（三）不予公开 1.属于国家秘密", "（四）1.本机关…".
    [GeneratedRegex(@"^[（(]\s*[三四五六]\s*[）)]\s*(?:不予公开|无法提供|不予处理|其他处理)?\s*(?<row>\S.*)$")]
    private static partial Regex GroupThenRow();

    // The gap between two column headings of table 二's sub-table heading.
    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex HeadingGap();

    // A column heading of table 二's sub-table heading: words one space apart at most.
    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex HeadingWord();

    // A word, with the unit a space parts from its number ("26 件").
    [GeneratedRegex(@"\S+(?: [件条个项次起人家宗份篇](?!\S))?")]
    private static partial Regex Word();
}
