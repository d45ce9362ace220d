using Warehouse.Core;

namespace Warehouse.Corpus.Oracle;

/// <summary>
/// What a correct parser must read from tables whose cells ran together (crawler text): the
/// readings of each row (<see cref="Cuts"/>), and among them the combinations the template's
/// arithmetic allows. A cell is stated only when every surviving combination gives it the same
/// value; otherwise it is null and listed as ambiguous, with an error. Brute force, with a cap:
/// a table beyond it is printed another way by the caller, never guessed.
/// </summary>
public static class RunTogether
{
    /// <summary>The most combinations of row readings table 三 may have.</summary>
    public const long Cap = 200_000;

    private const int Columns = ApplicantTypes.Count;

    /// <summary>Values read from a run-together table, or the row to print with its boundaries when over the cap.</summary>
    /// <param name="Cells">Key (row code, "group:…", item or proceeding) → cells, null where unknown.</param>
    /// <param name="Ambiguous">Cell paths left null because several readings survive.</param>
    /// <param name="TooMany">The key whose readings are most numerous, when the table is over the cap; the rest is then empty.</param>
    public sealed record Result(Dictionary<string, int?[]> Cells, List<string> Ambiguous, List<Finding> Findings, string? TooMany)
    {
        public static Result Over(string key) => new([], [], [], key);
    }

    /// <summary>The readings of a row of table 三: seven numbers whose first six add up to the seventh.</summary>
    /// <param name="vanish">Blank cells may have vanished (<see cref="CellsVanish"/>): any of the six, and the total as a zero beside six zeros.</param>
    public static List<int[]>? RowReadings(IReadOnlyList<Piece> pieces, bool vanish = false) =>
        Cuts.Of(pieces, Columns, v => v.Take(Columns - 1).Sum() == v[Columns - 1] && v.All(IsCount), vanish: vanish ? (c, v) => VanishesIn(Columns, c, v) : null)?.Select(ToInts).ToList();

    /// <summary>The readings of table 四: fifteen numbers, three groups of five whose last is the sum of the four before it.</summary>
    public static List<int[]>? ReviewReadings(IReadOnlyList<Piece> pieces, bool vanish = false) =>
        Cuts.Of(pieces, 15, v => v.All(IsCount) && Enumerable.Range(0, 3).All(g => v.Skip(g * 5).Take(4).Sum() == v[(g * 5) + 4]), vanish: vanish ? (c, v) => VanishesIn(5, c, v) : null)?.Select(ToInts).ToList();

    // In groups of `size` cells whose last is their total: any other cell may vanish, the total only beside zeros.
    private static bool VanishesIn(int size, int cell, decimal[] values)
    {
        if (cell % size != size - 1) return true;
        for (var k = cell - size + 1; k < cell; k++)
        {
            if (values[k] != 0) return false;
        }

        return true;
    }

    /// <summary>
    /// Whether blank cells may have vanished from the run-together rows of table 三, as the rows show: a row whose cells
    /// certainly ran together (digits for seven cells in three pieces at most, or a run of digits that starts with 0)
    /// that holds a zero mark, or that reads as seven cells adding up only with a cell vanished. Mirrors what the
    /// parser must conclude from the same print.
    /// </summary>
    public static bool CellsVanish(IEnumerable<IReadOnlyList<Piece>> rows)
    {
        foreach (var pieces in rows)
        {
            var digits = pieces.Sum(p => p.IsSingle ? 0 : p.Digits.Length);
            var glued = pieces.Count < Columns
                && (pieces.Any(p => !p.IsSingle && p.Digits.Length > 1 && p.Digits[0] == '0') || (pieces.Count <= 3 && digits >= Columns));
            if (!glued || !pieces.Any(p => !p.IsSingle && p.Digits.Length > 1)) continue;
            if (pieces.Any(p => p.IsSingle && p.Whole == 0)) return true;
            if (RowReadings(pieces) is { Count: 0 } && RowReadings(pieces, vanish: true) is { Count: > 0 }) return true;
        }

        return false;
    }

    /// <summary>
    /// Table 三. <paramref name="rows"/> are the printed rows in table order (a group printed as one
    /// row is keyed "group:" + its code); <paramref name="outcomes"/> the keys that add up to （七）总计.
    /// </summary>
    public static Result TableThree(IReadOnlyList<(string Key, IReadOnlyList<Piece> Pieces)> rows, IReadOnlyList<string> outcomes, bool vanish = false)
    {
        var readings = new Dictionary<string, List<int[]>>();
        foreach (var (key, pieces) in rows)
        {
            var r = RowReadings(pieces, vanish);
            if (r is null) return Result.Over(key);
            readings[key] = r;
        }

        var cells = new Dictionary<string, int?[]>();
        var ambiguous = new List<string>();
        var findings = new List<Finding>();
        foreach (var (key, r) in readings)
        {
            if (r.Count == 0)
            {
                cells[key] = new int?[Columns];
                findings.Add(new Finding("missing_cells", Severity.Error, $"{Where(key)}的数字无法读成和等于总计的七个数。The row's digits cannot be read as seven cells that add up.", RowCode(key)));
            }
            else if (r.Count == 1)
            {
                cells[key] = r[0].Select(v => (int?)v).ToArray();
            }
        }

        var open = readings.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToList();
        if (open.Count == 0) return new Result(cells, ambiguous, findings, null);
        var combinations = 1L;
        foreach (var key in open) combinations = Math.Min(combinations * readings[key].Count, Cap + 1);
        if (combinations > Cap) return Result.Over(open.MaxBy(k => readings[k].Count)!);

        string[] flow = ["new_received", "carried_over", "total_processed", "carried_forward"];
        var balanceChecked = flow.All(k => readings.TryGetValue(k, out var r) && r.Count > 0);
        var totalChecked = readings.TryGetValue("total_processed", out var t) && t.Count > 0 && outcomes.All(k => readings.TryGetValue(k, out var r) && r.Count > 0);

        // Per open row and column: the values the surviving combinations give.
        var seen = open.ToDictionary(k => k, _ => Enumerable.Range(0, Columns).Select(_ => new HashSet<int>()).ToArray());
        var choice = new int[open.Count];
        var current = new Dictionary<string, int[]>();
        foreach (var (key, r) in readings.Where(kv => kv.Value.Count == 1)) current[key] = r[0];
        var survivors = 0;
        while (true)
        {
            for (var i = 0; i < open.Count; i++) current[open[i]] = readings[open[i]][choice[i]];
            if (Holds(current, balanceChecked, totalChecked, outcomes))
            {
                survivors++;
                for (var i = 0; i < open.Count; i++)
                {
                    for (var c = 0; c < Columns; c++) seen[open[i]][c].Add(current[open[i]][c]);
                }
            }

            var k = open.Count - 1;
            while (k >= 0 && ++choice[k] == readings[open[k]].Count)
            {
                choice[k] = 0;
                k--;
            }

            if (k < 0) break;
        }

        foreach (var key in open)
        {
            var row = new int?[Columns];
            cells[key] = row;
            if (survivors == 0)
            {
                findings.Add(new Finding("cells_run_together", Severity.Error, $"{Where(key)}的数字连在一起，没有一种读法能使全表的勾稽关系成立。No reading of the row's run-together digits makes the table add up.", RowCode(key)));
                continue;
            }

            var first = -1;
            for (var c = 0; c < Columns; c++)
            {
                if (seen[key][c].Count == 1)
                {
                    row[c] = seen[key][c].Single();
                    continue;
                }

                ambiguous.Add($"applications.{key}.{c}");
                if (first < 0) first = c;
            }

            if (first >= 0)
            {
                findings.Add(new Finding("cells_ambiguous", Severity.Error, $"{Where(key)}的数字连在一起，按勾稽关系仍有多种读法。The row's run-together digits have several readings that add up.", RowCode(key), ApplicantTypes.CodeAt(first)));
            }
        }

        return new Result(cells, ambiguous, findings, null);
    }

    // Rules 1 and 2 of the template, per column; a rule over a row with no reading is not checked.
    private static bool Holds(Dictionary<string, int[]> v, bool balance, bool total, IReadOnlyList<string> outcomes)
    {
        for (var c = 0; c < Columns; c++)
        {
            if (balance && v["new_received"][c] + v["carried_over"][c] != v["total_processed"][c] + v["carried_forward"][c]) return false;
            if (total)
            {
                var sum = 0;
                foreach (var key in outcomes) sum += v[key][c];
                if (sum != v["total_processed"][c]) return false;
            }
        }

        return true;
    }

    /// <summary>Table 四 with this many readings or more is not read at all (the parser's cap).</summary>
    public const int ReviewReadingCap = 10_000;

    /// <summary>Table 四 as one run: a cell is stated when every reading gives it the same value.</summary>
    public static Result TableFour(IReadOnlyList<Piece> pieces, bool vanish = false)
    {
        var readings = ReviewReadings(pieces, vanish);
        if (readings is null) return Result.Over("review");
        var values = new int?[15];
        var ambiguous = new List<string>();
        var findings = new List<Finding>();
        if (readings.Count == 0)
        {
            findings.Add(new Finding("missing_cells", Severity.Error, "表四的数字无法读成各项总计等于前四项之和的十五个数。Table 四's digits cannot be read as fifteen numbers that add up.", "review"));
        }
        else
        {
            for (var k = 0; k < 15; k++)
            {
                var options = readings.Select(r => r[k]).Distinct().ToList();
                if (options.Count == 1 && readings.Count < ReviewReadingCap) values[k] = options[0];
                else ambiguous.Add($"review_litigation.{ReviewLitigation.Proceedings[k / 5]}.{k % 5}");
            }

            var first = Array.FindIndex(values, v => v is null);
            if (first >= 0)
            {
                findings.Add(new Finding("cells_ambiguous", Severity.Error, "表四的数字连在一起，仍有多种读法。Table 四's run-together digits have several readings.",
                    ReviewLitigation.Proceedings[first / 5], ReviewLitigation.Outcomes[first % 5]));
            }
        }

        return new Result(new Dictionary<string, int?[]> { ["review"] = values }, ambiguous, findings, null);
    }

    /// <summary>
    /// A row of table 二 (no rule ties its cells) from its <paramref name="readings"/> (<see cref="Cuts"/>):
    /// the readings that agree with the counts section 一 states (<paramref name="stated"/>, when any
    /// reading does) stay; a cell on which every one of them agrees is stated, the others are null
    /// and ambiguous (<paramref name="paths"/> name them), with one error for the row. Past
    /// <see cref="ReadingCap"/> readings no cell is certain.
    /// </summary>
    public static (decimal?[] Values, List<string> Ambiguous, Finding? Finding) ActiveRow(string item, IReadOnlyList<decimal[]> readings, IReadOnlyList<string> paths, int?[]? stated = null)
    {
        if (readings.Count == 0)
        {
            return (new decimal?[paths.Count], [], new Finding("missing_cells", Severity.Error, $"{CellNames.ActiveRow(item)}的数字无法读成 {paths.Count} 个数。", item));
        }

        var kept = readings;
        if (stated is not null && readings.Count < ReadingCap)
        {
            var agree = readings.Where(r => stated.Select((v, k) => v is null || (k < r.Length && r[k] == v.Value)).All(x => x)).ToList();
            if (agree.Count > 0) kept = agree;
        }

        var values = new decimal?[paths.Count];
        var ambiguous = new List<string>();
        for (var k = 0; k < paths.Count; k++)
        {
            var v = kept[0][k];
            if (readings.Count < ReadingCap && kept.All(r => r[k] == v)) values[k] = v;
            else ambiguous.Add(paths[k]);
        }

        var finding = ambiguous.Count == 0
            ? null
            : new Finding("cells_ambiguous", Severity.Error, $"{CellNames.ActiveRow(item)}的数字连在一起，可有多种读法。The cells of table 二 row '{item}' ran together and can be read in several ways.", item);
        return (values, ambiguous, finding);
    }

    /// <summary>A row of table 二 with this many readings or more is not read at all (the parser lists at most 200).</summary>
    public const int ReadingCap = 200;

    private static bool IsCount(decimal v) => v >= 0 && v == decimal.Truncate(v) && v <= int.MaxValue;

    private static int[] ToInts(decimal[] v) => v.Select(x => (int)x).ToArray();

    private static string? RowCode(string key) => key.StartsWith("group:", StringComparison.Ordinal) ? null : key;

    private static string Where(string key) =>
        key.StartsWith("group:", StringComparison.Ordinal) ? CellNames.ApplicationGroup(key[6..]) : CellNames.ApplicationRow(key);
}
