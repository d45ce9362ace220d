using Warehouse.Core;

namespace Warehouse.Corpus.Oracle;

/// <summary>
/// What a correct parser must read from table 三 printed in runs of rows column by column (text
/// without layout of a WPS or Word PDF, <see cref="Rendering.OfficePdfTextRenderer"/>): the numbers
/// come in the table's row order, but a run of neighbouring rows gives the first cells of its rows,
/// then their second cells, and so on, and where the runs start is printed nowhere. Every way of
/// cutting the rows into runs in which every row adds up is a reading of the whole table; those
/// that also balance and total (rules 1 and 2) survive. A cell is stated when every survivor gives
/// it the same value; otherwise it is null and listed as ambiguous, with an error for its row.
/// Brute force over whole-table readings, with a cap: a table beyond it is printed another way by
/// the caller, never guessed.
/// </summary>
public static class ColumnRuns
{
    /// <summary>The most distinct whole-table readings enumerated.</summary>
    public const int Cap = 20_000;

    private const int Columns = ApplicantTypes.Count;

    /// <summary>
    /// Table 三 from its numbers as printed (<paramref name="numbers"/>: 7 × the rows, in extraction
    /// order). <paramref name="keys"/> are the printed rows in table order (a group printed as one
    /// row is "group:" + its code); <paramref name="outcomes"/> the keys that add up to （七）总计.
    /// Returns <see cref="RunTogether.Result.Over"/> when the readings exceed <see cref="Cap"/>.
    /// </summary>
    public static RunTogether.Result TableThree(IReadOnlyList<string> keys, IReadOnlyList<int> numbers, IReadOnlyList<string> outcomes)
    {
        if (Survivors(keys, numbers, outcomes) is not { } survivors) return RunTogether.Result.Over(keys[0]);
        return Stated(keys, survivors);
    }

    /// <summary>
    /// Every whole-table reading of the numbers, cut into runs, that balances and totals (one row of seven per key);
    /// null beyond <see cref="Cap"/>. Arguments as <see cref="TableThree"/>.
    /// </summary>
    public static List<int[][]>? Survivors(IReadOnlyList<string> keys, IReadOnlyList<int> numbers, IReadOnlyList<string> outcomes)
    {
        if (numbers.Count != keys.Count * Columns) throw new ArgumentException($"{numbers.Count} numbers for {keys.Count} rows of {Columns}.", nameof(numbers));
        var memo = new Dictionary<int, List<int[][]>?>();

        // The distinct readings of the rows from row i to the end: a run of k rows, then any reading of the rest.
        List<int[][]>? From(int i)
        {
            if (i == keys.Count) return [[]];
            if (memo.TryGetValue(i, out var known)) return known;
            var all = new List<int[][]>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 1; i + k <= keys.Count; k++)
            {
                var run = Enumerable.Range(0, k).Select(r => Enumerable.Range(0, Columns).Select(c => numbers[(i * Columns) + (c * k) + r]).ToArray()).ToArray();
                if (!run.All(row => row.Take(Columns - 1).Sum() == row[Columns - 1])) continue;
                if (From(i + k) is not { } rest)
                {
                    memo[i] = null;
                    return null;
                }

                foreach (var tail in rest)
                {
                    var whole = run.Concat(tail).ToArray();
                    if (!seen.Add(string.Join(";", whole.Select(row => string.Join(",", row))))) continue;
                    all.Add(whole);
                    if (all.Count > Cap)
                    {
                        memo[i] = null;
                        return null;
                    }
                }
            }

            memo[i] = all;
            return all;
        }

        var readings = From(0);
        if (readings is null) return null;
        int At(string key) => keys.ToList().IndexOf(key);
        int nr = At("new_received"), co = At("carried_over"), tp = At("total_processed"), cf = At("carried_forward");
        var outcomeRows = outcomes.Select(At).Where(i => i >= 0).ToList();
        bool Holds(int[][] t) => Enumerable.Range(0, Columns).All(c =>
            t[nr][c] + t[co][c] == t[tp][c] + t[cf][c] && outcomeRows.Sum(o => t[o][c]) == t[tp][c]);
        return readings.Where(Holds).ToList();
    }

    // The cells every surviving reading agrees on; the others null, listed, with an error for their row.
    private static RunTogether.Result Stated(IReadOnlyList<string> keys, List<int[][]> survivors)
    {
        var cells = new Dictionary<string, int?[]>();
        var ambiguous = new List<string>();
        var findings = new List<Finding>();
        for (var r = 0; r < keys.Count; r++)
        {
            var key = keys[r];
            var row = new int?[Columns];
            var first = -1;
            for (var c = 0; c < Columns; c++)
            {
                var values = survivors.Select(t => t[r][c]).Distinct().ToList();
                if (values.Count == 1)
                {
                    row[c] = values[0];
                    continue;
                }

                ambiguous.Add($"applications.{key}.{c}");
                if (first < 0) first = c;
            }

            cells[key] = row;
            if (first >= 0)
            {
                var where = key.StartsWith("group:", StringComparison.Ordinal) ? CellNames.ApplicationGroup(key[6..]) : CellNames.ApplicationRow(key);
                findings.Add(new Finding("cells_ambiguous", Severity.Error, $"{where}的数字在抽取时离开了行名，按行序排回后仍有多种读法。The row's numbers left their label in extraction and have several readings that add up.",
                    key.StartsWith("group:", StringComparison.Ordinal) ? null : key, ApplicantTypes.CodeAt(first)));
            }
        }

        return new RunTogether.Result(cells, ambiguous, findings, null);
    }
}
