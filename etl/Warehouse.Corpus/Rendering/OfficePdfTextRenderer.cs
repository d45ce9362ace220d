using System.Globalization;
using System.Text;
using Warehouse.Corpus.Oracle;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// <c>pdftotext</c> without <c>-layout</c> of a PDF that WPS or Word made (real/hongze-2024-plain.txt):
/// every block of text on lines of its own, prose wrapped at the page's width, a table's cells one
/// per line, headings of narrow columns broken into short lines, "-3-" at the foot of each page and
/// a form feed. In table 三 the rows keep their order, but runs of neighbouring rows come out column
/// by column (the first cells of the run's rows, then their second cells, …) with the run's labels
/// after its numbers, because the extractor took each column of the run for a block of text; the
/// other rows come out as their label, then their cells. Only a table 三 whose every row and column
/// rule holds is printed in runs: the parser puts the runs back on that arithmetic alone.
/// In <see cref="BesideLabelsRate"/> of the documents table 三 comes instead as the same extractor gives
/// a browser's or an office suite's print (real/pingtan-2025-chrome-plain.txt): row by row, but where a
/// row's label wraps, its first cell (自然人) stands between the label's lines and its other six after
/// the label or before it; only when no other placement of those first cells adds up.
/// In <see cref="NumbersFirstRate"/> of the documents every row of table 二 comes with its numbers before its label
/// (real/pingtan-2024-libreoffice-pdfminer.txt: pdfminer with <c>boxes_flow=None</c> orders the text by position, and
/// a row's numbers stand a little above its label's first line): "0" / "0" / "0" / "规章" / "62" / "33" / "440" / "行政规范性文件".
/// </summary>
public static partial class OfficePdfTextRenderer
{
    /// <summary>The share of documents whose table 三 has first cells beside wrapped labels (when its rules hold).</summary>
    public const double BesideLabelsRate = 0.3;

    /// <summary>The share of documents whose table 二 prints each row's numbers before its label.</summary>
    public const double NumbersFirstRate = 0.3;

    /// <summary>
    /// The share of documents (of those whose table 二 is not printed numbers first) whose table 二 sets a sub-table's labels
    /// first, one to a line, then all its numbers, as pdfminer's default layout analysis gives a WPS PDF (real
    /// hongze-2024.pdf: "行政处罚" / "行政强制" / "2776" / "84"). Only sub-tables that read so one way are printed so: rows
    /// of one cell, and rows of three whose numbers read the same row by row and column by column.
    /// </summary>
    public const double LabelsFirstRate = 0.3;

    /// <summary>
    /// The share of documents (of those whose table 二 is printed neither numbers first nor labels first) whose table 二
    /// comes sorted by position, as PyMuPDF's <c>get_text(sort=True)</c> gives an office suite's print with a narrow
    /// label column (real Fixtures/Real/pingtan-2024-libreoffice-pymupdf-sorted.txt): a label wrapped over two lines after
    /// its row's numbers, which then follow the row above's ("规章" / "0" / "0" / "0" / "62" / "33" / "440" /
    /// "行政规范性文" / "件").
    /// </summary>
    public const double SortedRate = 0.3;

    /// <summary>
    /// The share of documents whose table 二 prints each zero as a mark, "-" or "/" (one for the document), as offices type
    /// a row with nothing to report; a row of one cell then reads "行政处罚" / "-" / "行政强制" / "56", the mark alone between
    /// two labels.
    /// </summary>
    public const double ZeroMarksRate = 0.25;

    /// <summary>
    /// The share of documents whose pages come as pypdf (LangChain's PyPDFLoader) writes a WPS PDF that draws its footer
    /// before the body (real Fixtures/Real/hongze-2024-pypdf.txt): each page's number glued to the start of the page's
    /// first line ("-3-第二十条第（六）项", "-4-2.没有现成信息…"), no form feed. Drawn from the zero marks' stream.
    /// </summary>
    public const double GluedPageNumbersRate = 0.25;

    /// <summary>
    /// The share of documents whose digits Word set in its Latin font (Times New Roman) beside the Chinese one: pdftotext
    /// without <c>-layout</c> starts a line where the font changes, so the title's year stands on a line of its own
    /// ("乃东区住房和城乡建设局" / "2023" / "年政府信息公开工作年度报" / "告") and so does each reason's number in table 三
    /// ("1" / "、属于国家秘密" / "0" …), as in the text of LibreOffice's PDFs of such documents. Never with page numbers
    /// glued (<see cref="GluedPageNumbersRate"/>), which is pypdf's form, not pdftotext's.
    /// </summary>
    public const double LatinDigitsRate = 0.25;

    /// <summary>
    /// The text, and when table 三 is printed in runs what a correct parser reads from it
    /// (<see cref="ColumnRuns"/>): rows whose runs can be cut more than one way that adds up keep
    /// only the cells every such cut agrees on. Null when table 三 is printed row by row.
    /// </summary>
    /// <param name="parts">The composed report.</param>
    /// <param name="rng">The document's draws.</param>
    /// <param name="form">A stream of its own for the choice of table 三's form and its placements, so that the other draws stay.</param>
    /// <param name="order">A stream of its own for the choice of table 二's order (<see cref="NumbersFirstRate"/>).</param>
    /// <param name="marks">A stream of its own for table 二's zero marks (<see cref="ZeroMarksRate"/>).</param>
    public static (byte[] Bytes, RunTogether.Result? Applications) Render(IReadOnlyList<Part> parts, Random rng, Random form, Random order, Random marks)
    {
        var zeroMark = marks.NextDouble() < ZeroMarksRate ? (marks.Next(2) == 0 ? "-" : "/") : null;
        var glued = marks.NextDouble() < GluedPageNumbersRate;
        // pdftotext's form, not pypdf's (whose page numbers are glued).
        var latinDigits = marks.NextDouble() < LatinDigitsRate && !glued;
        RunTogether.Result? read = null;
        var page = 26 + rng.Next(8);
        var narrow = 2 + rng.Next(3);
        var label = 9 + rng.Next(8);
        var runs = 0.2 + rng.NextDouble() * 0.5;
        var numbersFirst = order.NextDouble() < NumbersFirstRate;
        var labelsFirst = order.NextDouble() < LabelsFirstRate;
        var sorted = order.NextDouble() < SortedRate;
        IEnumerable<string> Table(TablePart table)
        {
            if (table.Grid.Name == Tables.ActiveName && numbersFirst && NumbersFirst(table.Grid, narrow, label, rng) is { } first) return first;
            if (table.Grid.Name == Tables.ActiveName && labelsFirst && zeroMark is null && LabelsFirst(table.Grid, narrow, label, rng) is { } apart) return apart;
            if (table.Grid.Name == Tables.ActiveName && sorted && zeroMark is null && SortedByPosition(table.Grid, narrow, label, rng) is { } bySort) return bySort;
            if (table.Grid.Name == Tables.ActiveName && zeroMark is not null)
            {
                return Cells(table.Grid, cell => cell.Printed ?? (cell.Value == 0 ? zeroMark : Number(cell.Value!.Value, rng)), narrow, label);
            }

            if (table.Grid.Name != Tables.ApplicationsName || !AddsUp(table.Grid)) return Cells(table.Grid, cell => cell.Printed ?? Number(cell.Value!.Value, rng), narrow, label);
            // Read whole: exactly one placement of the moved first cells adds up.
            if (form.NextDouble() < BesideLabelsRate && FirstCellsBesideLabels(table.Grid, narrow, label, rng, form) is { } beside) return beside;
            var (printed, keys, numbers) = Applications(table.Grid, narrow, label, runs, rng);
            read = ColumnRuns.TableThree(keys, numbers, keys.Where(k => !Flows.Contains(k)).ToList());
            if (read.TooMany is null) return printed;

            // More readings than the oracle enumerates: printed row by row instead.
            read = null;
            return Applications(table.Grid, narrow, label, 0, rng).Lines;
        }

        var lines = ExtractedLines.Of(parts, page, Table);
        if (latinDigits) lines = WithLatinDigitsApart(lines);
        return (Encoding.UTF8.GetBytes(Paginate(lines, rng, glued)), read);
    }

    // The title's year and each numbered label's digit on lines of their own (LatinDigitsRate): the year in the lines before
    // the first paragraph ("根据…"), a digit that opens a line before 、 or a point and a Chinese character. The pieces of a
    // line stay one entry, with line feeds inside, so that a page's end never falls between them: on the page they are
    // one line.
    private static List<string> WithLatinDigitsApart(List<string> lines)
    {
        var body = lines.FindIndex(l => l.StartsWith("根据", StringComparison.Ordinal));
        var apart = new List<string>(lines.Count + 40);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var year = i < body ? TitleYear().Match(line) : System.Text.RegularExpressions.Match.Empty;
            // One entry of the list, so that a page's end never falls between the pieces of one printed line.
            if (year.Success)
            {
                // Set large, the title holds some 22 characters a line (its year two): the rest wraps ("…年度报" / "告").
                var (before, after) = (line[..year.Index], line[(year.Index + year.Length)..]);
                var over = before.Length + 2 + after.Length - TitleWidth;
                var pieces = over > 0 && over < after.Length ? new[] { before, year.Value, after[..^over], after[^over..] } : [before, year.Value, after];
                apart.Add(string.Join('\n', pieces.Where(p => p.Length > 0)));
            }
            else if (line.Length >= 3 && line[0] is >= '1' and <= '9' && line[1] is '、' or '.' && line[2] is >= '\u4e00' and <= '\u9fff')
            {
                apart.Add(line[..1] + "\n" + line[1..]);
            }
            else
            {
                apart.Add(line);
            }
        }

        return apart;
    }

    // The characters of a title's line in the large type titles are set in (二号, on A4).
    private const int TitleWidth = 22;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\u4e00-\u9fff])(?:19|20)\d\d(?=年)")]
    private static partial System.Text.RegularExpressions.Regex TitleYear();

    // Pages of 35 to 50 lines, each ending with its number between dashes and a form feed; or, glued, each page's number
    // at the start of its first line and the pages joined by a line break, as pypdf writes them.
    private static string Paginate(List<string> lines, Random rng, bool glued)
    {
        var sb = new StringBuilder();
        var page = 1;
        for (var at = 0; at < lines.Count; page++)
        {
            var n = Math.Min(lines.Count - at, 35 + rng.Next(16));
            if (glued) sb.Append('-').Append(page).Append('-');
            foreach (var line in lines.Skip(at).Take(n)) sb.Append(line).Append('\n');
            at += n;
            if (!glued) sb.Append('\n').Append('-').Append(page).Append("-\n\n\f");
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Chunks(string text, int width) => ExtractedLines.Chunks(text, width);

    /// <summary>Every cell of a table on a line of its own, row by row; headings of narrow columns in short pieces.</summary>
    private static IEnumerable<string> Cells(Grid grid, Func<GridCell, string> number, int narrow, int label)
    {
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var header = grid.KeyOf(r) is null && Enumerable.Range(0, grid.Columns).All(c => !layout[r, c].Cell.IsNumber);
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Row != r || slot.Column != c) continue;
                if (slot.Cell.IsNumber) yield return number(slot.Cell);
                else if (slot.Cell.Text.Length == 0) continue;
                else foreach (var piece in Chunks(slot.Cell.Text, header && grid.Columns > 6 ? narrow : label)) yield return piece;
            }
        }
    }

    // Table 二 with the labels of a sub-table's rows first, then their numbers (pdfminer's columns): see LabelsFirstRate. Null
    // when no sub-table can be so printed, or a row prints a cell as words.
    private static List<string>? LabelsFirst(Grid grid, int narrow, int label, Random rng)
    {
        var layout = grid.Layout();
        var rows = new List<(string? Key, List<string> Texts, List<string> Numbers)>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            if (RowCells(grid, layout, r, keyedOnly: false, rng) is not { } cells) return null;
            rows.Add((grid.KeyOf(r), cells.Texts, cells.Numbers));
        }

        var lines = new List<string>();
        var any = false;
        for (var r = 0; r < rows.Count;)
        {
            // A run of rows with a key: one sub-table's rows.
            var end = r;
            while (end < rows.Count && rows[end].Key is not null && rows[end].Numbers.Count > 0) end++;
            var run = rows.Skip(r).Take(end - r).ToList();
            var width = run.Count > 0 ? run[0].Numbers.Count : 0;
            var byColumn = Enumerable.Range(0, width).SelectMany(c => run.Select(x => x.Numbers[c])).ToList();
            if (run.Count >= 2 && run.All(x => x.Numbers.Count == width && x.Texts.Count == 1) && run.SelectMany(x => x.Numbers).SequenceEqual(byColumn))
            {
                foreach (var row in run) lines.AddRange(Chunks(row.Texts[0], label));
                lines.AddRange(run.SelectMany(x => x.Numbers));
                any = true;
                r = end;
                continue;
            }

            var (key, rowTexts, rowNumbers) = rows[r];
            var header = key is null && rowNumbers.Count == 0;
            foreach (var text in rowTexts) lines.AddRange(Chunks(text, header && grid.Columns > 6 ? narrow : label));
            lines.AddRange(rowNumbers);
            r++;
        }

        return any ? lines : null;
    }

    // A row's words and its numbers as printed (numbers drawn in their style, in order). Null when a number cell is printed as
    // words ("10余件"), or, with keyedOnly, stands in a row without a key: such tables are not put in another order.
    private static (List<string> Texts, List<string> Numbers)? RowCells(Grid grid, Slot[,] layout, int r, bool keyedOnly, Random rng)
    {
        var (texts, numbers) = (new List<string>(), new List<string>());
        for (var c = 0; c < grid.Columns; c++)
        {
            var slot = layout[r, c];
            if (slot.Row != r || slot.Column != c) continue;
            if (!slot.Cell.IsNumber)
            {
                if (slot.Cell.Text.Length > 0) texts.Add(slot.Cell.Text);
                continue;
            }

            if (slot.Cell.Printed is not null || (keyedOnly && grid.KeyOf(r) is null)) return null;
            numbers.Add(Number(slot.Cell.Value!.Value, rng));
        }

        return (texts, numbers);
    }

    // Table 二 with each row's numbers before its label, one to a line, headings as Cells prints them. Null when a row
    // prints a cell as words or leaves it blank ("无", "—", ""): only rows of numbers are put back in this form.
    private static List<string>? NumbersFirst(Grid grid, int narrow, int label, Random rng)
    {
        var lines = new List<string>();
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            if (RowCells(grid, layout, r, keyedOnly: true, rng) is not { } cells) return null;
            var (texts, numbers) = cells;
            var header = grid.KeyOf(r) is null && numbers.Count == 0;
            if (!header && numbers.Count == 0) return null;
            lines.AddRange(numbers);
            foreach (var text in texts) lines.AddRange(Chunks(text, header && grid.Columns > 6 ? narrow : label));
        }

        return lines;
    }

    // Table 二 sorted by position (PyMuPDF's get_text(sort=True)), its label column narrow: a label wrapped over two lines
    // comes after its row's numbers, which are centred on it, and so right after the row above's numbers ("规章" / "0" /
    // "0" / "0" / "62" / "33" / "440" / "行政规范性文" / "件"). Only such a row after a row of numbers in its sub-table; null
    // when a row prints a cell as words or leaves it blank, or when no row is so.
    private static List<string>? SortedByPosition(Grid grid, int narrow, int label, Random rng)
    {
        var lines = new List<string>();
        var layout = grid.Layout();
        var width = 5 + rng.Next(2);
        var (above, moved) = (false, false);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            if (RowCells(grid, layout, r, keyedOnly: true, rng) is not { } cells) return null;
            var (texts, numbers) = cells;
            if (grid.KeyOf(r) is null && numbers.Count == 0)
            {
                foreach (var text in texts) lines.AddRange(Chunks(text, grid.Columns > 6 ? narrow : label));
                above = false;
                continue;
            }

            if (numbers.Count == 0) return null;
            var pieces = texts.SelectMany(t => Chunks(t, width)).ToList();
            if (pieces.Count >= 2 && above)
            {
                lines.AddRange(numbers);
                lines.AddRange(pieces);
                moved = true;
            }
            else
            {
                lines.AddRange(pieces);
                lines.AddRange(numbers);
            }

            above = true;
        }

        return moved ? lines : null;
    }

    // Table 三: its headings as other tables', then its rows in runs (see the summary); with the rows'
    // keys and the numbers in the order printed.
    private static (List<string> Lines, List<string> Keys, List<int> Numbers) Applications(Grid grid, int narrow, int label, double runs, Random rng)
    {
        var lines = new List<string>();
        var keys = new List<string>();
        var numbers = new List<int>();
        var layout = grid.Layout();
        var rows = new List<(List<string> Labels, List<string> Cells, List<int> Values)>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var (labels, cells, values) = RowCells(grid, layout, r, rng);

            if (grid.KeyOf(r) is not { } key)
            {
                foreach (var text in labels) lines.AddRange(Chunks(text, grid.Columns > 6 ? narrow : label));
                continue;
            }

            rows.Add((labels, cells, values));
            keys.Add(key);
        }

        for (var i = 0; i < rows.Count;)
        {
            var k = rows.Count - i >= 2 && rng.NextDouble() < runs ? 2 + rng.Next(Math.Min(9, rows.Count - i - 1)) : 1;
            var run = rows.GetRange(i, k);
            i += k;
            if (k == 1)
            {
                lines.AddRange(Labels(run[0].Labels, label));
                lines.AddRange(run[0].Cells);
                numbers.AddRange(run[0].Values);
                continue;
            }

            for (var c = 0; c < run[0].Cells.Count; c++)
            {
                foreach (var row in run)
                {
                    lines.Add(row.Cells[c]);
                    numbers.Add(row.Values[c]);
                }
            }

            foreach (var row in run) lines.AddRange(Labels(row.Labels, label));
        }

        return (lines, keys, numbers);
    }

    // The most rows whose first cell is moved (each more multiplies the placements the search must rule out).
    private const int MostMoved = 7;

    // Table 三 row by row, with the first cell of some rows whose own label wraps between the label's first and
    // second lines and the row's other six after the label (or, in three rows in ten, before it). Null when no row
    // moved, or another placement of the moved cells (see OnlyPlacement) or a reading as runs makes every rule
    // hold too: the parser could not tell them apart.
    private static List<string>? FirstCellsBesideLabels(Grid grid, int narrow, int label, Random rng, Random form)
    {
        var lines = new List<string>();
        var keys = new List<string>();
        var rows = new List<int[]>();
        var moved = new List<(int Row, int Value)>();
        var rest = new List<int>();
        var printed = new List<int>();
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var (labels, cells, values) = RowCells(grid, layout, r, rng);

            if (grid.KeyOf(r) is not { } key)
            {
                foreach (var text in labels) lines.AddRange(Chunks(text, grid.Columns > 6 ? narrow : label));
                continue;
            }

            var pieces = Labels(labels, label).ToList();
            var own = labels.Count == 0 ? 0 : Chunks(labels[^1], label).Count();
            if (own >= 2 && moved.Count < MostMoved && form.NextDouble() < 0.7)
            {
                var before = form.NextDouble() < 0.3;
                if (before) lines.AddRange(cells.Skip(1));
                var first = pieces.Count - own;
                lines.AddRange(pieces.Take(first + 1));
                lines.Add(cells[0]);
                lines.AddRange(pieces.Skip(first + 1));
                if (!before) lines.AddRange(cells.Skip(1));
                moved.Add((rows.Count, values[0]));
                rest.AddRange(values.Skip(1));
                printed.AddRange(before ? [.. values.Skip(1), values[0]] : values);
            }
            else
            {
                lines.AddRange(pieces);
                lines.AddRange(cells);
                rest.AddRange(values);
                printed.AddRange(values);
            }

            keys.Add(key);
            rows.Add([.. values]);
        }

        if (moved.Count == 0 || !OnlyPlacement(keys, rows, moved, rest)) return null;

        // Read as runs of rows column by column (the other form of this text), the numbers as printed must give
        // no other table either: the parser tries both and takes the table only when they agree.
        var runs = ColumnRuns.Survivors(keys, printed, keys.Where(k => !Flows.Contains(k)).ToList());
        return runs is not null && runs.TrueForAll(t => t.Zip(rows).All(x => x.First.AsSpan().SequenceEqual(x.Second))) ? lines : null;
    }

    // The most steps of the search for other placements: a quarter of the parser's cap, so that the parser never
    // gives up on a table printed so.
    private const int PlacementSteps = 50_000;

    // Whether the table as it is, is the only one that some placement of the moved cells makes add up: any row may
    // take one of them as its first cell (its value fixed by the row's other six, as the parser finds them) and
    // the rest fill the rows in order. False past the search's cap.
    private static bool OnlyPlacement(List<string> keys, List<int[]> rows, List<(int Row, int Value)> moved, List<int> rest)
    {
        var pool = moved.GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count());
        var heads = new Dictionary<int, int>();
        var steps = 0;
        var other = false;
        bool Search(int r, int at)
        {
            if (++steps > PlacementSteps) return false;
            if (r == rows.Count)
            {
                if (heads.Count == moved.Count && Placed(keys, rows.Count, heads, rest) is { } table && !table.Zip(rows).All(x => x.First.AsSpan().SequenceEqual(x.Second))) other = true;
                return !other;
            }

            if (moved.Count - heads.Count < rows.Count - r && at + 7 <= rest.Count && rest.Skip(at).Take(6).Sum() == rest[at + 6] && !Search(r + 1, at + 7)) return false;
            if (heads.Count < moved.Count && at + 6 <= rest.Count && rest[at + 5] - rest.Skip(at).Take(5).Sum() is var head and >= 0 && pool.GetValueOrDefault(head) > 0)
            {
                pool[head]--;
                heads[r] = head;
                var going = Search(r + 1, at + 6);
                heads.Remove(r);
                pool[head]++;
                if (!going) return false;
            }

            return true;
        }

        return Search(0, 0) && !other;
    }

    // The table the cells make with the given heads, the rest filling the rows in order; null when a rule fails.
    private static int[][]? Placed(List<string> keys, int count, Dictionary<int, int> heads, List<int> rest)
    {
        var table = new int[count][];
        var next = 0;
        for (var r = 0; r < count; r++)
        {
            var row = new int[7];
            var c = 0;
            if (heads.TryGetValue(r, out var head)) row[c++] = head;
            for (; c < 7; c++)
            {
                if (next == rest.Count) return null;
                row[c] = rest[next++];
            }

            if (row.Take(6).Sum() != row[6]) return null;
            table[r] = row;
        }

        return next == rest.Count && ColumnsHold(keys.Zip(table).ToDictionary(x => x.First, x => x.Second.Select(v => (decimal)v).ToArray())) ? table : null;
    }

    // A row's own cells (merged cells where they start): its label cells' text, its numbers as printed and their values.
    private static (List<string> Labels, List<string> Cells, List<int> Values) RowCells(Grid grid, Slot[,] layout, int r, Random rng)
    {
        var labels = new List<string>();
        var cells = new List<string>();
        var values = new List<int>();
        for (var c = 0; c < grid.Columns; c++)
        {
            var slot = layout[r, c];
            if (slot.Row != r || slot.Column != c) continue;
            if (slot.Cell.IsNumber)
            {
                cells.Add(Number(slot.Cell.Value!.Value, rng));
                values.Add((int)slot.Cell.Value!.Value);
            }
            else if (slot.Cell.Text.Length > 0) labels.Add(slot.Cell.Text);
        }

        return (labels, cells, values);
    }

    // A row's label cells: a merged group label whole ("（三）不予公开"), the row's own wrapped in its cell.
    private static IEnumerable<string> Labels(List<string> labels, int width)
    {
        for (var l = 0; l < labels.Count; l++)
        {
            if (l < labels.Count - 1)
            {
                yield return labels[l];
                continue;
            }

            foreach (var piece in Chunks(labels[l], width)) yield return piece;
        }
    }

    // A number as WPS prints what was typed: "0" for zero, thousands sometimes with commas, amounts
    // with their decimals.
    internal static string Number(decimal value, Random rng) =>
        value != decimal.Truncate(value) ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString(Math.Abs(value) >= 1000 && rng.Next(2) == 0 ? "N0" : "0", CultureInfo.InvariantCulture);

    // Every row's six columns add up to its total, and the columns balance (本年新收 + 上年结转 =
    // 总计 + 结转) and total (the outcomes add up to （七）总计), with no cell written as a phrase.
    internal static bool AddsUp(Grid grid)
    {
        var rows = new Dictionary<string, decimal[]>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            if (grid.KeyOf(r) is not { } key) continue;
            var cells = grid.Rows[r].Where(c => c.IsNumber).ToList();
            if (cells.Count != 7 || cells.Exists(c => c.Printed is not null || c.Value != decimal.Truncate(c.Value!.Value))) return false;
            var values = cells.Select(c => c.Value!.Value).ToArray();
            if (values.Take(6).Sum() != values[6]) return false;
            rows[key] = values;
        }

        return ColumnsHold(rows);
    }

    // The rows of table 三 that are no outcome: the balance's four.
    private static readonly string[] Flows = ["new_received", "carried_over", "total_processed", "carried_forward"];

    // Rules 1 and 2 in every column (本年新收 + 上年结转 = 总计 + 结转; the outcomes add up to （七）总计), over rows by key.
    private static bool ColumnsHold(Dictionary<string, decimal[]> rows)
    {
        if (!Flows.All(rows.ContainsKey)) return false;
        for (var c = 0; c < 7; c++)
        {
            var outcomes = rows.Where(kv => !Flows.Contains(kv.Key)).Sum(kv => kv.Value[c]);
            if (rows["new_received"][c] + rows["carried_over"][c] != rows["total_processed"][c] + rows["carried_forward"][c]) return false;
            if (outcomes != rows["total_processed"][c]) return false;
        }

        return true;
    }
}
