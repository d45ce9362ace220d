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

    // Rows of numbers that make a table table 三 (it has 25, or 22 in the 2019 template).
    private const int RowsNeeded = 10;

    /// <summary>Drops the surplus slot from the rows of numbers of the pipe table whose rows are <paramref name="blocks"/>[from..].</summary>
    public static void Drop(List<Block> blocks, int from)
    {
        var numbered = new List<int>();
        for (var i = from; i < blocks.Count; i++)
        {
            if (blocks[i] is TableRow row && row.Cells.Count(IsCount) >= 3) numbered.Add(i);
        }

        if (numbered.Count < RowsNeeded) return;
        var rows = numbered.Select(i => ((TableRow)blocks[i]).Cells).ToList();
        var first = rows.Min(r => IndexOf(r, IsCount));
        var last = rows.Max(r => LastIndexOf(r, IsCount));
        // Every row's slots from the first number's column to the last's hold numbers or nothing: a row whose label stands
        // among them is set off from the others (node-html-markdown drops a merged label's place), not on a wider grid.
        if (last - first + 1 != Width + 1 || rows.Any(r => r.Count <= last || r.Skip(first).Take(Width + 1).Any(IsLabel))) return;
        List<List<string>>? kept = null;
        for (var c = first; c <= last; c++)
        {
            var column = c;
            var empty = rows.All(r => r[column].Length == 0);
            // A blank cell repeated is blank again.
            var repeated = column > first && rows.All(r => r[column] == r[column - 1]);
            if (!empty && !repeated) continue;
            var without = rows.Select(r => r.Where((_, k) => k != column).ToList()).ToList();
            if (kept is null) kept = without;
            else if (!kept.Zip(without).All(p => p.First.SequenceEqual(p.Second))) return;
        }

        if (kept is null) return;
        for (var n = 0; n < numbered.Count; n++) blocks[numbered[n]] = (TableRow)blocks[numbered[n]] with { Cells = kept[n] };
    }

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
