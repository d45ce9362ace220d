using System.Globalization;
using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// <c>pdftotext -raw</c> of a browser's print of a portal page (real/pingtan-2024-chrome-raw.txt): prose
/// wrapped at the page's width, a table row as its label then its cells on one line, merged labels
/// (and table headers in narrow columns) broken into short lines of their own above the row, and at the
/// end of every page the print's header (time of printing, page title) and footer (address, "3/8")
/// followed by a form feed, wherever the page ends, tables included. Half are <c>pdftotext -layout</c>
/// of the print instead (real/pingtan-2024-chrome-layout.txt): see <see cref="Columns"/>.
/// </summary>
public static partial class BrowserPrintRenderer
{
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var numbers = new NumberStyle(rng, blanks: false, fullWidth: false, leadingSpace: false);
        var page = 38 + rng.Next(10);
        var narrow = 2 + rng.Next(4);
        var label = 14 + rng.Next(12);
        // Two in ten are WeasyPrint's print rather than a browser's (real/pingtan-2021-weasyprint-layout.txt): see PageEnd.
        var weasyPrint = rng.Next(10) < 2;
        // Half are -layout rather than -raw: cells at their columns, and (a browser's) rows at two heights.
        var columns = rng.Next(2) == 0 ? new Columns(label, rng, weasyPrint) : null;
        var title = parts.OfType<TitlePart>().First();
        var lines = ExtractedLines.Of(parts, page, table => WithCellsAbove(Rows(table.Grid, cell => cell.Printed ?? numbers.Format(cell.Value!.Value), narrow, label, columns, weasyPrint ? rng : null).ToList()));

        return Encoding.UTF8.GetBytes(Paginate(lines, title, rng, furniture: !weasyPrint));
    }

    /// <summary>
    /// Ends the page where it stands (a line of its own, not printed). WeasyPrint (the printer of Python crawlers
    /// that want no browser) prints no header or footer, and where a page ends inside a row of table 三 it keeps the
    /// row's one-line cells on the page and moves a label of two lines or more whole to the next (CSS orphans and
    /// widows of 2): the row's numbers, without a label, end one page, and its label opens the next over nothing.
    /// One such row of table 三 in each WeasyPrint print, a row that starts no merged label and whose label wraps.
    /// </summary>
    private const string PageEnd = "\u0002";

    private static string Paginate(List<string> lines, TitlePart title, Random rng, bool furniture)
    {
        var printed = new DateTime(title.Year + 1, 1, 1, 8, 0, 0).AddMinutes(rng.Next(365 * 24 * 60));
        var time = rng.Next(3) switch
        {
            0 => printed.ToString("M/d/yy, h:mm tt", CultureInfo.InvariantCulture),
            1 => printed.ToString("yyyy/M/d HH:mm", CultureInfo.InvariantCulture),
            _ => printed.ToString("yyyy/M/d H:mm", CultureInfo.InvariantCulture),
        };
        var pageTitle = rng.Next(3) switch
        {
            0 => title.Text,
            1 => $"{title.Text}_政府信息公开年报_{title.Agency}",
            _ => $"{title.Text}-{title.Agency}门户网站",
        };
        var address = rng.Next(2) == 0
            ? $"https://www.example{rng.Next(100)}.gov.cn/zwgk/zfxxgkzl/ndbg/{title.Year + 1}{1 + rng.Next(12):00}/t{title.Year + 1}0{1 + rng.Next(9)}{10 + rng.Next(18)}_{100000 + rng.Next(900000)}.html"
            : $"file:///C:/Users/admin/Desktop/{title.Agency}.html";
        var pages = new List<List<string>>();
        var current = new List<string>();
        var room = 30 + rng.Next(25);
        foreach (var line in lines)
        {
            if (line != PageEnd) current.Add(line);
            if (current.Count > 0 && (line == PageEnd || current.Count == room))
            {
                pages.Add(current);
                current = [];
                room = 30 + rng.Next(25);
            }
        }

        if (current.Count > 0) pages.Add(current);
        var sb = new StringBuilder();
        for (var p = 0; p < pages.Count; p++)
        {
            if (p > 0) sb.Append('\f');
            foreach (var line in pages[p]) sb.Append(line).Append('\n');
            if (!furniture) continue;
            sb.Append(time).Append(' ').Append(pageTitle).Append('\n');
            sb.Append(address).Append(' ').Append(p + 1).Append('/').Append(pages.Count).Append('\n');
        }

        return sb.Append('\f').ToString();
    }

    private static IEnumerable<string> Chunks(string text, int width) => ExtractedLines.Chunks(text, width);

    /// <summary>
    /// Where <c>pdftotext -layout</c> sets a row's cells: past the label column, a column's width
    /// apart. A browser prints digits and Chinese in different fonts on different baselines, so in
    /// some rows whose label wraps over two lines the first cell stands beside the label's first line,
    /// the numbering ("5.") on a line of its own below it, and the other cells beside the label's
    /// last line (real/pingtan-2024-chrome-layout.txt); a label over three lines or more may have its
    /// numbering on a line of its own below its first line, the cells beside the second.
    /// </summary>
    /// <param name="weasyPrint">
    /// WeasyPrint's print (real/pingtan-2021-weasyprint-layout.txt): digits and Chinese share a baseline, and a cell's
    /// line is centred on its row, so a label over two lines has its row's numbers on a line of their own between them
    /// ("2.没有现成信息需" / "0   0   0 …" / "要另行制作"), over three beside the middle one.
    /// </param>
    private sealed class Columns(int label, Random rng, bool weasyPrint)
    {
        private readonly int _start = label + 3 + rng.Next(4);
        private readonly int _gap = 2 + rng.Next(3);
        private readonly double _twoHeights = 0.3 + rng.NextDouble() * 0.5;

        public bool WeasyPrint => weasyPrint;

        public bool TwoHeights() => !weasyPrint && rng.NextDouble() < _twoHeights;

        /// <summary>
        /// In three of ten prints (an office suite's, real/pingtan-2020-libreoffice-layout.txt), a table 二
        /// row whose row above holds as many numbers has one cell centred higher than the rest: the number
        /// alone on a line above the row, at its column, a blank line above it.
        /// </summary>
        public bool CellsAbove { get; } = rng.NextDouble() < 0.3;

        /// <summary>
        /// In a quarter of the prints table 三's labels stand in narrow columns (real pingtan-2020-chrome-layout.txt): a
        /// row's label wraps every four to six characters, and a group's merged label sets its pieces on the lines of its
        /// first rows, one space before their labels ("（四）无 2.信息需要另" over "法提供 行制作   0   0 …"), or spaced out
        /// and glued to them ("（ 四 ）2.信息需要另" over "无 法 提行制作   0   0 …").
        /// </summary>
        public bool NarrowLabels { get; } = rng.NextDouble() < 0.25;

        public Random Rng => rng;

        /// <summary>The label, then each cell at its column, a column left blank where its cell is null.</summary>
        public string Place(string text, IReadOnlyList<string?> cells, int width)
        {
            var line = new StringBuilder(text);
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i] is not { } cell) continue;
                var at = _start + i * (width + _gap);
                line.Append(' ', Math.Max(line.Length < at ? at - line.Length : 2, 1)).Append(cell);
            }

            return line.ToString();
        }

        public int Column(int index, int width) => _start + index * (width + _gap);

        /// <summary>The label, then each cell at its column (a cell longer than its column pushes the next on).</summary>
        public string Line(string text, IReadOnlyList<string> cells, int from, int width)
        {
            var line = new StringBuilder(text);
            for (var i = 0; i < cells.Count; i++)
            {
                var at = _start + (from + i) * (width + _gap);
                line.Append(' ', Math.Max(line.Length < at ? at - line.Length : 2, 1)).Append(cells[i]);
            }

            return line.ToString();
        }
    }

    // A group's merged label: "（三）不予公开" to "（六）其他处理".
    [System.Text.RegularExpressions.GeneratedRegex(@"^（[三四五六]）")]
    private static partial System.Text.RegularExpressions.Regex GroupLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}[.．、]")]
    private static partial System.Text.RegularExpressions.Regex Numbering();

    /// <param name="weasyPrint">Draws the row of table 三 that a page end cuts (see <see cref="PageEnd"/>); null in a browser's print.</param>
    private static IEnumerable<string> Rows(Grid grid, Func<GridCell, string> number, int narrow, int label, Columns? columns, Random? weasyPrint)
    {
        // A column as wide as the widest cell of the table.
        var width = grid.Rows.SelectMany(r => r).Where(c => c.IsNumber).Select(c => number(c).Length).DefaultIfEmpty(1).Max() + 1;
        var layout = grid.Layout();
        // Narrow labels (Columns.NarrowLabels): a group's pieces wait for its rows' lines.
        var narrowGroups = columns is { NarrowLabels: true } && grid.Name == Tables.ApplicationsName;
        if (narrowGroups) label = 4 + columns!.Rng.Next(3);
        // HeldNumbers: a browser's print (real pingtan-2022-chrome-layout.txt) may set the numbers of a row whose label wraps
        // below the first line of the next row's label, which has its own numbers beside its last line ("1.本机关不掌握" /
        // "相关政府信息" / "2.没有现成信息" / "37  0 … 37" / "需要另行制作  0  0 …"). The held numbers' line, until then.
        string? held = null;
        var cut = -1;
        if (weasyPrint is not null && grid.Name == Tables.ApplicationsName && !narrowGroups)
        {
            var cuttable = Enumerable.Range(0, grid.Rows.Count - 1).Where(r => Cuttable(grid, layout, r, label)).ToList();
            if (cuttable.Count > 0) cut = cuttable[weasyPrint.Next(cuttable.Count)];
        }

        var pending = new Queue<string>();
        // Each piece waits with what parts it from the label beside it: one space, or in half the prints none, its
        // characters spaced out to the merged cell's width (real pingtan-2021-chrome-layout.txt: "不 予 处4.无正当理由大"
        // over "理 量反复申请", "（ 五 ）3.出版物"), the last one glued to the label or a space before it.
        var spacedGroups = narrowGroups && columns!.Rng.Next(2) == 0;
        string Waiting(string piece) => spacedGroups ? string.Join(' ', piece.Select(ch => ch.ToString())) + (columns!.Rng.Next(2) == 0 ? "" : " ") : piece + " ";
        string Beside(string text) => pending.Count > 0 ? pending.Dequeue() + text.TrimStart() : text;
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var header = grid.KeyOf(r) is null && Enumerable.Range(0, grid.Columns).All(c => !layout[r, c].Cell.IsNumber);
            var cells = new List<string>();
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Row != r || slot.Column != c) continue;
                var cell = slot.Cell;
                if (cell.IsNumber)
                {
                    cells.Add(number(cell));
                }
                else if (cell.Text.Length == 0)
                {
                    continue;
                }
                else if (narrowGroups && cell.RowSpan > 1 && GroupLabel().IsMatch(cell.Text))
                {
                    while (pending.Count > 0) yield return pending.Dequeue().TrimEnd();
                    foreach (var piece in Chunks(cell.Text, narrow + 1)) pending.Enqueue(Waiting(piece));
                }
                else if (cell.RowSpan > 1 || (header && grid.Columns > 6))
                {
                    // A merged label, or a heading in a narrow column: its own short lines above the row.
                    foreach (var piece in Chunks(cell.Text, cell.RowSpan > 1 ? narrow + 1 : narrow)) yield return piece;
                }
                else
                {
                    cells.Add(cell.Text);
                }
            }

            if (cells.Count == 0) continue;
            var first = cells[0];
            if (r == cut)
            {
                yield return columns is null ? string.Join(' ', cells.Skip(1)) : columns.Line("", cells.Skip(1).ToList(), 0, width);
                yield return PageEnd;
                foreach (var piece in Chunks(first, label)) yield return piece;
                continue;
            }

            var valued = grid.Rows[r].Where(x => x.IsNumber).ToList();
            // A cell set above its row: only one whose column lies clear of the label as drawn (one under
            // the label could be the label's own number), in a row whose row above is whole on its line.
            var liftable = columns is { CellsAbove: true } && grid.Name == Tables.ActiveName && valued.Count >= 3 && valued.Count == cells.Count - 1 && first.Length <= label
                && r > 0 && grid.Rows[r - 1].Count(x => x.IsNumber) == valued.Count && grid.Rows[r - 1].Count == grid.Rows[r].Count
                ? Enumerable.Range(0, valued.Count).Where(i => columns.Column(i, width) >= BoxDrawRenderer.Width(first) + 2).ToList()
                : [];
            if (liftable.Count > 0)
            {
                var lifted = liftable[columns!.Rng.Next(liftable.Count)];
                var placed = cells.Skip(1).Select((t, i) => i == lifted ? null : t).ToList();
                // Joined to the row above by WithCellsAbove.
                yield return CellAbove + new string(' ', columns.Column(lifted, width)) + cells[1 + lifted] + "\n" + columns.Place(first, placed, width);
                continue;
            }

            if (columns is not null && valued.Count > 0 && valued.Count == cells.Count - 1)
            {
                if (held is not null)
                {
                    // The row after a row whose numbers were held: its label's first line, then those numbers, then the rest.
                    var lines = Chunks(first, label).ToList();
                    yield return Beside(lines[0]);
                    yield return held;
                    held = null;
                    foreach (var piece in lines.Skip(1).SkipLast(1)) yield return Beside(piece);
                    yield return columns.Line(Beside(lines[^1]), cells.Skip(1).ToList(), 0, width);
                    continue;
                }

                // In one such pair of rows in three (narrow label columns), a row's numbers stand below the next row's first line (HeldNumbers).
                if (!columns.WeasyPrint && narrowGroups && r + 1 < grid.Rows.Count
                    && Holdable(grid, layout, r, label) && Holdable(grid, layout, r + 1, label) && columns.Rng.Next(3) == 0)
                {
                    foreach (var piece in Chunks(first, label)) yield return Beside(piece);
                    held = columns.Line("", cells.Skip(1).ToList(), 0, width);
                    continue;
                }

                foreach (var line in Laid(columns, first, cells.Skip(1).ToList(), valued, label, width, Beside)) yield return line;
                continue;
            }

            while (pending.Count > 0) yield return pending.Dequeue().TrimEnd();

            if (valued.Count == 0 || first.Length <= label)
            {
                yield return string.Join(' ', cells);
                continue;
            }

            // A long label wraps in its cell: its last piece shares the line with the row's numbers (in WeasyPrint's
            // print, which draws each cell in turn, the numbers follow on a line of their own).
            var pieces = Chunks(first, label).ToList();
            if (weasyPrint is not null)
            {
                foreach (var piece in pieces) yield return piece;
                yield return string.Join(' ', cells.Skip(1));
                continue;
            }

            foreach (var piece in pieces.SkipLast(1)) yield return piece;
            yield return string.Join(' ', [pieces[^1], .. cells.Skip(1)]);
        }

        while (pending.Count > 0) yield return pending.Dequeue().TrimEnd();
    }

    // A row WeasyPrint may cut (PageEnd): seven numbers, a numbered label that wraps, no merged label starting on it
    // (whose pieces would stand above it), and a row after it.
    private static bool Cuttable(Grid grid, Slot[,] layout, int r, int label)
    {
        var own = Enumerable.Range(0, grid.Columns).Where(c => layout[r, c].Row == r && layout[r, c].Column == c).Select(c => layout[r, c].Cell).ToList();
        if (own.Exists(c => c.RowSpan > 1) || own.Count(c => c.IsNumber) != 7) return false;
        var labels = own.Where(c => !c.IsNumber && c.Text.Length > 0).ToList();
        return labels.Count == 1 && labels[0].Text.Length > label && Numbering().IsMatch(labels[0].Text) && grid.Rows[r + 1].Any(c => c.IsNumber);
    }

    // A row whose numbers a browser may hold below the next row's first line (HeldNumbers), in narrow label columns: seven
    // numbers and a numbered label that wraps, a group's merged label beside it at most.
    private static bool Holdable(Grid grid, Slot[,] layout, int r, int label)
    {
        var own = Enumerable.Range(0, grid.Columns).Where(c => layout[r, c].Row == r && layout[r, c].Column == c).Select(c => layout[r, c].Cell).ToList();
        var labels = own.Where(c => !c.IsNumber && c.Text.Length > 0 && c.RowSpan == 1).ToList();
        return own.Count(c => c.IsNumber) == 7 && own.Where(c => c.RowSpan > 1).All(c => GroupLabel().IsMatch(c.Text))
            && labels.Count == 1 && labels[0].Text.Length > label && Numbering().IsMatch(labels[0].Text);
    }

    // Marks a row whose one cell stands on the line above it (Columns.CellsAbove).
    private const string CellAbove = "\u0001";

    /// <summary>
    /// The table's lines with each row marked <see cref="CellAbove"/> joined to the line before it (the row
    /// above, whole), a blank line between: a page never breaks between them, so the lone number's line is
    /// neither taken for a page number nor set under the numbers of another page's last row.
    /// </summary>
    private static List<string> WithCellsAbove(List<string> lines)
    {
        for (var i = lines.Count - 1; i > 0; i--)
        {
            if (!lines[i].StartsWith(CellAbove, StringComparison.Ordinal)) continue;
            lines[i - 1] += "\n\n" + lines[i][CellAbove.Length..];
            lines.RemoveAt(i);
        }

        return lines.Select(l => l.Replace(CellAbove, "", StringComparison.Ordinal)).ToList();
    }

    // A row of -layout text: see Columns. The two-height forms only for a row of table 三 whose
    // seven cells add up (the parser joins the two heights on that evidence alone).
    // beside: puts a waiting piece of a group's label before a label's line (NarrowLabels); never before a numbering alone.
    private static IEnumerable<string> Laid(Columns columns, string first, List<string> cells, List<GridCell> valued, int label, int width, Func<string, string> beside)
    {
        var numbering = Numbering().Match(first);
        var exact = valued.All(c => c.Printed is null && c.Value == decimal.Truncate(c.Value!.Value));
        var addsUp = valued.Count == 7 && exact && valued.Take(6).Sum(c => c.Value!.Value) == valued[6].Value;
        if (numbering.Success && addsUp && first.Length - numbering.Length > label && columns.TwoHeights())
        {
            var pieces = Chunks(first[numbering.Length..], label).ToList();
            if (pieces.Count == 2)
            {
                // In one row in three the first line keeps more (real pingtan-2022-chrome-layout.txt): the numbering and
                // one or two cells, the first set against the label's last word when it is a number ("5.属于三类内部1 0"
                // over "事务信息   0   0   0   0   1"), or, in prints whose labels are not narrow, the numbering on the
                // second line instead ("要求提供公开0 0" over "3.出版物   0   0   0   0   0").
                var form = columns.Rng.Next(3);
                if (form == 0 || (form == 1 && !columns.NarrowLabels))
                {
                    var k = 1 + columns.Rng.Next(2);
                    var upper = beside(form == 0 ? numbering.Value + pieces[0] : pieces[0]) + (cells[0].All(char.IsAsciiDigit) ? "" : " ") + string.Join(' ', cells[..k]);
                    yield return upper;
                    yield return columns.Line(beside(form == 0 ? pieces[1] : numbering.Value + pieces[1]), cells[k..], k, width);
                    yield break;
                }

                yield return beside(pieces[0]) + " " + cells[0];
                yield return numbering.Value;
                yield return columns.Line(beside(pieces[1]), cells[1..], 1, width);
                yield break;
            }

            yield return beside(pieces[0]);
            yield return numbering.Value;
            yield return columns.Line(beside(pieces[1]), cells, 0, width);
            foreach (var piece in pieces.Skip(2)) yield return beside(piece);
            yield break;
        }

        var wrapped = Chunks(first, label).ToList();
        if (columns.WeasyPrint && wrapped.Count > 1)
        {
            var middle = wrapped.Count / 2;
            foreach (var piece in wrapped.Take(middle)) yield return beside(piece);
            if (wrapped.Count % 2 == 0) yield return columns.Line("", cells, 0, width);
            else yield return columns.Line(beside(wrapped[middle++]), cells, 0, width);
            foreach (var piece in wrapped.Skip(middle)) yield return beside(piece);
            yield break;
        }

        foreach (var piece in wrapped.SkipLast(1)) yield return beside(piece);
        yield return columns.Line(beside(wrapped[^1]), cells, 0, width);
    }
}
