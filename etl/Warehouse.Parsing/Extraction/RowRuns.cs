namespace Warehouse.Parsing.Extraction;

/// <summary>
/// The numbers of a table whose text was extracted without layout (<c>pdftotext</c> without
/// <c>-layout</c> of a PDF that WPS or Word made, real/hongze-2024.pdf): the rows come out in the
/// table's order, but a run of neighbouring rows comes out column by column (the first cells of
/// the run's rows, then their second cells, …), because the extractor took each column of the run
/// for a block of text. A run of one row is the row as printed. Which rows make a run is printed
/// nowhere; only the arithmetic of each row (its first cells add up to its last) tells.
/// </summary>
internal static class RowRuns
{
    /// <summary>
    /// Every reading of each row over all the ways of cutting <paramref name="cells"/> into runs of
    /// rows in which every row adds up.
    /// </summary>
    /// <param name="cells">The table's numbers in extraction order: <paramref name="rows"/> × <paramref name="width"/> of them.</param>
    /// <param name="rows">How many rows the table prints.</param>
    /// <param name="width">Cells per row; the last is the total of the others.</param>
    /// <returns>
    /// For each row, its distinct readings (arrays of <paramref name="width"/> cells), one when every
    /// cut gives the row the same cells; null when the count is not rows × width or no cut makes
    /// every row add up.
    /// </returns>
    public static List<int[]>[]? Readings(IReadOnlyList<int> cells, int rows, int width)
    {
        if (rows <= 0 || width < 2 || cells.Count != rows * width) return null;

        // fits[i][k]: the rows i … i+k-1 as one run read column by column all add up.
        var fits = new bool[rows][];
        for (var i = 0; i < rows; i++)
        {
            fits[i] = new bool[rows - i + 1];
            for (var k = 1; i + k <= rows; k++) fits[i][k] = AddsUp(cells, i, k, width);
        }

        // Rows that some cut reaches from the first row, and from which some cut reaches the end.
        var reached = new bool[rows + 1];
        reached[0] = true;
        for (var i = 0; i < rows; i++)
        {
            if (!reached[i]) continue;
            for (var k = 1; i + k <= rows; k++) reached[i + k] |= fits[i][k];
        }

        var finishes = new bool[rows + 1];
        finishes[rows] = true;
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var k = 1; i + k <= rows && !finishes[i]; k++) finishes[i] = fits[i][k] && finishes[i + k];
        }

        if (!finishes[0]) return null;
        var readings = new List<int[]>[rows];
        for (var r = 0; r < rows; r++) readings[r] = [];
        for (var i = 0; i < rows; i++)
        {
            if (!reached[i]) continue;
            for (var k = 1; i + k <= rows; k++)
            {
                if (!fits[i][k] || !finishes[i + k]) continue;
                for (var r = 0; r < k; r++)
                {
                    var row = Row(cells, i, k, r, width);
                    if (!readings[i + r].Exists(x => x.AsSpan().SequenceEqual(row))) readings[i + r].Add(row);
                }
            }
        }

        return readings;
    }

    /// <summary>
    /// Every distinct reading of the whole table: one per way of cutting <paramref name="cells"/>
    /// into runs in which every row adds up, readings that give every row the same cells counted
    /// once. Unlike <see cref="Readings"/>, a row's cells stay with the cut that gave them, so the
    /// column rules are checked on tables that some cut prints.
    /// </summary>
    /// <returns>The readings (rows × width cells each); null when the count is not rows × width, no cut makes every row add up, or there are more than <paramref name="cap"/>.</returns>
    public static List<int[][]>? Tables(IReadOnlyList<int> cells, int rows, int width, int cap)
    {
        if (rows <= 0 || width < 2 || cells.Count != rows * width) return null;
        var memo = new List<int[][]>?[rows + 1];
        var over = false;

        // The distinct readings of rows i … rows-1: a run that adds up, then each reading of the rest.
        List<int[][]> From(int i)
        {
            if (memo[i] is { } known) return known;
            var all = new List<int[][]>();
            var distinct = new HashSet<int[][]>(TableComparer.Instance);
            if (i == rows)
            {
                all.Add([]);
                return memo[i] = all;
            }

            for (var k = 1; i + k <= rows && !over; k++)
            {
                if (!AddsUp(cells, i, k, width)) continue;
                var run = new int[k][];
                for (var r = 0; r < k; r++) run[r] = Row(cells, i, k, r, width);
                foreach (var rest in From(i + k))
                {
                    var table = new int[k + rest.Length][];
                    run.CopyTo(table, 0);
                    rest.CopyTo(table, k);
                    if (distinct.Add(table)) all.Add(table);
                    if (all.Count > cap)
                    {
                        over = true;
                        break;
                    }
                }
            }

            return memo[i] = all;
        }

        var tables = From(0);
        return over || tables.Count == 0 ? null : tables;
    }

    private sealed class TableComparer : IEqualityComparer<int[][]>
    {
        public static readonly TableComparer Instance = new();

        public bool Equals(int[][]? a, int[][]? b)
        {
            if (a is null || b is null || a.Length != b.Length) return a == b;
            for (var r = 0; r < a.Length; r++)
            {
                if (!a[r].AsSpan().SequenceEqual(b[r])) return false;
            }

            return true;
        }

        public int GetHashCode(int[][] table)
        {
            var hash = new HashCode();
            foreach (var row in table)
            {
                foreach (var v in row) hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }

    // Row r of the run that starts at row i and holds k rows, read column by column.
    private static int[] Row(IReadOnlyList<int> cells, int i, int k, int r, int width)
    {
        var row = new int[width];
        for (var c = 0; c < width; c++) row[c] = cells[(i * width) + (c * k) + r];
        return row;
    }

    private static bool AddsUp(IReadOnlyList<int> cells, int i, int k, int width)
    {
        for (var r = 0; r < k; r++)
        {
            long sum = 0;
            for (var c = 0; c < width - 1; c++) sum += cells[(i * width) + (c * k) + r];
            if (sum != cells[(i * width) + ((width - 1) * k) + r]) return false;
        }

        return true;
    }
}
