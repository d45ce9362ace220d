using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Text;

/// <summary>
/// The column a table's grid holds beyond the template's, in a pipe table that a converter wrote from it (Marker,
/// docling and the like, from a portal page or a PDF). Word's HTML often gives a table more grid columns than cells: a
/// cell spans two of them in one row and one in the next, so the page reads right, but written as a pipe table every
/// row holds a slot more, empty where a cell spanned it ("| 64 | 0 |  | 0 | 2 | 0 | 4 | 70 |", eight for table 三's
/// seven) or holding the spanning cell's number again ("| 64 | 0 | 0 | 0 | 2 | 0 | 4 | 70 |"). Such a row read as it
/// stands is a cell too many (an error, its values unknown). Where table 三's rows hold eight slots, one of them empty in
/// every row, or one always repeating the number before it, and dropping any such slot leaves the same seven cells in
/// every row, that slot goes; otherwise the rows stay as they are.
/// </summary>
internal static class SpanSlots
{
    // Table 三's cells: six applicant columns and their total.
    private const int Width = 7;

    // Rows with numbers that make a table table 三 (it has 25, or 22 in the 2019 template).
    private const int RowsNeeded = 10;

    /// <summary>Drops the surplus slot from the rows of numbers of the pipe table whose rows are <paramref name="blocks"/>[from..].</summary>
    public static void Drop(List<Block> blocks, int from)
    {
        // Rows that hold a number: a table that leaves its zeros blank prints one or two in many rows ("| ３ |  |  |  |  |  |  | 3 |").
        var numbered = new List<int>();
        for (var i = from; i < blocks.Count; i++)
        {
            if (blocks[i] is TableRow row && row.Cells.Any(IsCount)) numbered.Add(i);
        }

        if (numbered.Count < RowsNeeded) return;
        var rows = numbered.Select(i => ((TableRow)blocks[i]).Cells).ToList();
        var first = rows.Min(r => IndexOf(r, IsCount));
        var last = rows.Max(r => LastIndexOf(r, IsCount));
        // Every row's slots from the first number's column to the last's hold numbers or nothing: a row whose label stands
        // among them is set off from the others (node-html-markdown drops a merged label's place), not on a wider grid.
        if (last - first + 1 != Width + 1 || rows.Any(r => r.Count <= last || r.Skip(first).Take(Width + 1).Any(IsLabel))) return;
        var candidates = new List<(int Column, List<List<string>> Rows)>();
        for (var c = first; c <= last; c++)
        {
            var column = c;
            var empty = rows.All(r => r[column].Length == 0);
            // A blank cell repeated is blank again.
            var repeated = column > first && rows.All(r => r[column] == r[column - 1]);
            if (!empty && !repeated) continue;
            candidates.Add((column, rows.Select(r => r.Where((_, k) => k != column).ToList()).ToList()));
        }

        // Slots whose dropping leaves different cells (zeros blank or alike in a real column too): the header rows above the
        // numbers tell the surplus slot, which no header row names as a column of its own (blank, or its left neighbour's
        // name again: "其他 | 其他", "其他 |  "; a converter's "数据3" names nothing), where each real column has its name
        // ("社会公益组织"); failing that, the one whose rows alone add up.
        if (Distinct(candidates).Count > 1)
        {
            var headers = Enumerable.Range(from, numbered[0] - from).Select(i => blocks[i]).OfType<TableRow>().Select(r => r.Cells).Where(r => r.Count > last).ToList();
            var named = candidates.Where(k => headers.Count > 0 && !headers.Any(h => IsColumnName(h[k.Column]) && h[k.Column] != h[k.Column - 1])).ToList();
            candidates = Distinct(named).Count == 1 ? named : candidates.Where(k => k.Rows.All(AddsUp)).ToList();
        }

        if (candidates.Count == 0 || Distinct(candidates).Count > 1) return;
        var kept = candidates[0].Rows;
        for (var n = 0; n < numbered.Count; n++) blocks[numbered[n]] = (TableRow)blocks[numbered[n]] with { Cells = kept[n] };

        // The candidates by the cells they leave: one group when dropping any of them leaves the same rows, cell by cell the
        // same count (a blank and a 0 of a table that writes both are one zero).
        static List<List<List<string>>> Distinct(List<(int Column, List<List<string>> Rows)> found) =>
            found.Select(k => k.Rows).Aggregate(new List<List<List<string>>>(), (groups, rows) =>
            {
                if (!groups.Any(g => g.Zip(rows).All(p => p.First.Select(Same).SequenceEqual(p.Second.Select(Same))))) groups.Add(rows);
                return groups;
            });

        static string Same(string cell) => CountCell.ReadCount(cell)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? cell;

        // A row's seven (the numbers from its first) add up, or its total is blank or a cell is not a count: not against it.
        bool AddsUp(List<string> row)
        {
            var cells = row.Skip(first).Take(Width).Select(CountCell.ReadCount).ToList();
            if (cells.Count < Width || cells.Any(v => v is null) || row[first + Width - 1].Length == 0) return true;
            return cells.Take(Width - 1).Sum() == cells[Width - 1];
        }
    }

    // The name of one of table 三's columns: an applicant type or 总计.
    private static bool IsColumnName(string cell) =>
        cell.Trim() is var text && (text == "总计" || Warehouse.Core.ApplicantTypes.All.Any(a => a.Label == text));

    // A count as people write it too: "12件", "零", "１２" (numbers written as people write them, PeopleNumberStyle).
    private static bool IsCount(string cell) => PipeRows.IsNumber(cell) || CountCell.Classify(cell) == CellKind.Number;

    // A label's words: two Chinese characters or more ("3.其他"), not a count's unit ("12件", "〇", "无") nor a count given
    // as no exact figure ("50余件", a cell of the row that is unknown, not a label).
    private static bool IsLabel(string cell) => cell.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 2 && !IsCount(cell);

    private static int IndexOf(IReadOnlyList<string> cells, Func<string, bool> match)
    {
        for (var k = 0; k < cells.Count; k++)
        {
            if (match(cells[k])) return k;
        }

        return cells.Count;
    }

    private static int LastIndexOf(IReadOnlyList<string> cells, Func<string, bool> match)
    {
        for (var k = cells.Count - 1; k >= 0; k--)
        {
            if (match(cells[k])) return k;
        }

        return -1;
    }
}
