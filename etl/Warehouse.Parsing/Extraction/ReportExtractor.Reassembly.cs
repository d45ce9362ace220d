using System.Globalization;
using Warehouse.Core;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    // Rows of table 三 put back from text extracted without layout that more than one cut into
    // runs makes add up (see RowRuns): every such reading, for the column rules to choose from.
    private readonly Dictionary<string, List<int?[]>> _reassembled = [];

    // Whole-table readings (one per cut) or products of the rows' readings tried against the column
    // rules before the solver takes over.
    private const int ReassemblyCombinations = 4096;

    /// <summary>
    /// Table 三 of text extracted without layout, whose numbers come out in the table's row order
    /// but in runs of rows read column by column, away from their labels (RowRuns): the rows are
    /// the labels found in the region, in the template's order; the numbers are cut into runs so
    /// that every row adds up, and the column rules (balance, total row) must hold. Null when the
    /// labels and numbers do not fit that form; a table with the reason when they fit it but no
    /// reading makes the columns add up.
    /// </summary>
    private FoundRows? Reassemble(List<(int Index, RowParts Parts)> rows)
    {
        // The form's marks: numbers of two rows or more with no label between them, or a number beside a label.
        if (!rows.Exists(r => r.Parts.Data.Count >= 2 * ApplicantTypes.Count) && !AnyBesideLabel(rows)) return null;
        var labels = new List<(string? Code, string? Group, string Label)>();
        var numbers = new List<int>();
        // Where in the numbers each one printed beside a label stands.
        var beside = new List<int>();
        int first = -1, last = -1;
        for (var r = 0; r < rows.Count; r++)
        {
            var (index, parts) = rows[r];
            if (IsColumnNumbering(parts)) continue;
            if (BesideLabel(rows, r)) beside.Add(numbers.Count);
            foreach (var d in parts.Data)
            {
                if (CountCell.ReadCount(d) is not { } value) return null;
                numbers.Add(value);
                if (first < 0) first = index;
                last = index;
            }

            var key = parts.Key;
            if (key.Length == 0 || HeadingKeys.Contains(key) || key.Contains("办理结果", StringComparison.Ordinal)) continue;
            var code = ApplicationRows.Match(key);
            // A label wrapped over two lines names its row with both ("5.要求行政机关确认或重" / "新出具已获取信息"), the
            // second with a number beside it at most ("申请人无正当理由逾" / "期不补正、行政机关不 1").
            if (code is null && r + 1 < rows.Count && rows[r + 1].Parts is { Data.Count: <= 1 } next && !RowNumbering.StartsRow(next.Label)) code = ApplicationRows.Match(key + next.Key);
            var group = code is null ? ApplicationRows.GroupOnly(key) : null;
            if (code is not null || group is not null || RowNumbering.StartsRow(parts.Label)) labels.Add((code, group, parts.Label.Trim()));
        }

        var misprints = PlaceNumberedLabels(labels);
        var codes = labels.Where(l => l.Code is not null).Select(l => l.Code!).ToHashSet();
        var slots = codes.Select(c => (Key: c, Number: DisposalCategories.Get(c).Number)).ToList();
        foreach (var group in labels.Where(l => l.Group is not null).Select(l => l.Group!).Distinct())
        {
            var members = DisposalCategories.All.Where(c => c.Group == group).ToList();
            if (!members.Any(m => codes.Contains(m.Code))) slots.Add(("group:" + group, members.Min(m => m.Number)));
        }

        slots.Sort((a, b) => a.Number.CompareTo(b.Number));
        string[] flows = ["new_received", "carried_over", "total_processed", "carried_forward"];
        if (!flows.All(codes.Contains) || numbers.Count != slots.Count * ApplicantTypes.Count) return null;

        // The column rules on readings of the whole table, one per cut; past the cap (or when no cut
        // makes every row add up, which the rows' readings then say), on the rows' readings mixed.
        var keys = slots.Select(s => s.Key).ToList();
        List<int[]>[]? kept = null;
        var fits = true;
        if (RowRuns.Tables(numbers, slots.Count, ApplicantTypes.Count, ReassemblyCombinations) is { } tables) kept = Surviving(keys, tables);
        else if (RowRuns.Readings(numbers, slots.Count, ApplicantTypes.Count) is { } readings) kept = KeepBalanced(keys, readings);
        else fits = false;

        var found = new FoundRows { Start = first, End = last };
        var moved = false;
        if (beside.Count > 0 && MovedFirstCells(keys, numbers, beside) is { } placed)
        {
            // Both forms are read; a table is taken only when the readings that add up agree.
            var agree = placed.Count == 1 && (kept is null || kept.Select((k, s) => k.Count == 1 && k[0].AsSpan().SequenceEqual(placed[0][s])).All(x => x));
            if (!agree)
            {
                found.Scrambled = placed.Count > 1
                    ? "表三的行名与数字在抽取时被分开，几个数字印在行名旁；按模板的行序排回时，这些数字放在哪一行有不止一种放法能使勾稽关系成立，无法确定"
                    : "表三的行名与数字在抽取时被分开，几个数字印在行名旁；把它们放回行首，与把若干行的数字按列排回，得出不同的表，两种都使勾稽关系成立，无法确定";
                return found;
            }

            kept = placed[0].Select(row => new List<int[]> { row }).ToArray();
            moved = true;
        }

        // No cut into runs makes every row add up, and no placement of the numbers beside labels does: not this form.
        if (!fits && !moved) return null;

        if (kept is null)
        {
            found.Scrambled = "表三的行名与数字在抽取时被打乱，数字按模板的行序排回后各行之和成立，但总计行与结转关系不能同时成立，无法确定排法";
            return found;
        }

        for (var s = 0; s < slots.Count; s++)
        {
            var key = slots[s].Key;
            var parts = new RowParts(key, kept[s][0].Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
            if (key.StartsWith("group:", StringComparison.Ordinal)) found.Groups[key[6..]] = parts;
            else found.Rows[key] = parts;
            if (kept[s].Count > 1) _reassembled[key] = kept[s].Select(r => r.Select(v => (int?)v).ToArray()).ToList();
        }

        _findings.AddRange(misprints);
        _findings.Add(moved
            ? Finding.Warning("table_reordered",
                "表三的行名与数字在抽取时被分开（无版式抽取的文本），几行的第一个数（自然人）印在行名旁、离开了本行其余的数；这些数放回各自行首、其余数字按模板的行序排回后，各行之和与全表勾稽关系均成立，且只有这一种放法成立，已据此读取。Table 三's numbers were extracted away from their labels, the first cell of some rows beside the label; put back at the head of those rows, in the template's row order, every row and column rule holds, and no other placement does.")
            : Finding.Warning("table_reordered",
            "表三的行名与数字在抽取时被分开，若干相邻行的数字按列排出（无版式抽取的文本）；数字按模板的行序排回后，各行之和与全表勾稽关系均成立，已据此读取。Table 三's numbers were extracted away from their labels, runs of rows column by column; put back in the template's row order, every row and column rule holds."));
        return found;
    }

    // Numbers that text without layout prints beside a row's label rather than in the run of numbers: one number
    // alone on a label's line ("本机关不掌握相关政府信 49"), or on a line of its own between two lines of a wrapped
    // label ("需要另行制" / "3" / "提供"). In a browser's or an office suite's print the first cell (自然人) stands
    // level with a line of the wrapped label beside it, so the extractor writes it there.
    private static bool BesideLabel(List<(int Index, RowParts Parts)> rows, int r)
    {
        var parts = rows[r].Parts;
        if (parts.Data.Count != 1) return false;
        if (parts.Key.Length > 0) return !HeadingKeys.Contains(parts.Key) && !RowNumbering.IsAlone(parts.Label);
        return r > 0 && r + 1 < rows.Count
            && rows[r - 1].Parts is { HasData: false } above && !string.IsNullOrWhiteSpace(above.Label)
            && rows[r + 1].Parts is { } below && !string.IsNullOrWhiteSpace(below.Label);
    }

    /// <summary>Whether some number of table 三's region stands beside a label (<see cref="BesideLabel"/>).</summary>
    private static bool AnyBesideLabel(List<(int Index, RowParts Parts)> rows) => Enumerable.Range(0, rows.Count).Any(r => BesideLabel(rows, r));

    // Labels of table 三's heading that stand alone on a line of their own: no row's.
    private static readonly string[] HeadingKeys = ["总计", "合计", "自然人", "申请人情况", "法人或其他组织", "其他"];

    // Cap on the steps of the search for placements of the numbers printed beside labels.
    private const int MovedSteps = 200_000;

    /// <summary>
    /// Table 三 whose numbers come in the template's row order except for numbers printed beside a label
    /// (<see cref="BesideLabel"/>), anywhere: each is the first cell of some row, whose other six cells come in
    /// order with the rest. Row by row, a row takes seven numbers of the run, or six and a first cell, which its
    /// sum then fixes (the total less the five others) and which must be one of the numbers printed beside
    /// labels; every number must be used and the column rules must hold. Returns the distinct tables found (one
    /// row of seven cells per key), two at most (two say the placement is in doubt); null when none adds up or
    /// the search passes <see cref="MovedSteps"/>.
    /// </summary>
    private static List<int[][]>? MovedFirstCells(List<string> keys, List<int> numbers, List<int> beside)
    {
        const int width = 7;
        var movedAt = beside.ToHashSet();
        var run = numbers.Where((_, i) => !movedAt.Contains(i)).ToList();
        if (run.Count + beside.Count != keys.Count * width) return null;
        var pool = new Dictionary<int, int>();
        foreach (var at in beside) pool[numbers[at]] = pool.GetValueOrDefault(numbers[at]) + 1;

        var tables = new List<int[][]>();
        var rows = new int[keys.Count][];
        var steps = 0;
        // False stops the search: past the cap, or a second table found.
        bool Walk(int s, int at, int left)
        {
            if (++steps > MovedSteps || tables.Count > 1) return false;
            if (s == keys.Count)
            {
                if (Balances(keys, rows) && !tables.Exists(t => t.Zip(rows).All(x => x.First.AsSpan().SequenceEqual(x.Second)))) tables.Add(rows.Select(r => r.ToArray()).ToArray());
                return tables.Count <= 1;
            }

            // Seven of the run, when the first cells left still fit in the rows left.
            if (left < keys.Count - s && run.Skip(at).Take(width).ToArray() is { Length: width } seven && seven.Take(width - 1).Sum() == seven[^1])
            {
                rows[s] = seven;
                if (!Walk(s + 1, at + width, left)) return false;
            }

            // Six of the run after a first cell that their total fixes.
            if (left > 0 && run.Skip(at).Take(width - 1).ToArray() is { Length: width - 1 } six && six[^1] - six.Take(width - 2).Sum() is var head and >= 0
                && pool.GetValueOrDefault(head) > 0)
            {
                pool[head]--;
                rows[s] = [head, .. six];
                var going = Walk(s + 1, at + width - 1, left - 1);
                pool[head]++;
                if (!going) return false;
            }

            return true;
        }

        var finished = Walk(0, 0, beside.Count);
        if (tables.Count > 1) return tables;
        if (!finished) return null;
        return tables.Count == 0 ? null : tables;
    }

    // A numbered label that names no row ("2.其他法律行政止公开") between two that do, with as many
    // template rows missing between them: taken as those rows in order, with a warning each.
    private static List<Finding> PlaceNumberedLabels(List<(string? Code, string? Group, string Label)> labels)
    {
        var findings = new List<Finding>();
        var taken = labels.Where(l => l.Code is not null).Select(l => l.Code!).ToHashSet();
        var i = 0;
        while (i < labels.Count)
        {
            if (labels[i].Code is not null || labels[i].Group is not null)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < labels.Count && labels[i].Code is null && labels[i].Group is null) i++;
            if (start == 0 || i == labels.Count || Place(labels[start - 1], before: true) is not { } low || Place(labels[i], before: false) is not { } high) continue;
            var missing = DisposalCategories.All.Where(c => c.Number > low && c.Number < high && !taken.Contains(c.Code)).ToList();
            if (missing.Count != i - start) continue;
            for (var m = 0; m < missing.Count; m++)
            {
                labels[start + m] = labels[start + m] with { Code = missing[m].Code };
                taken.Add(missing[m].Code);
                findings.Add(Misprinted(labels[start + m].Label, missing[m]));
            }
        }

        return findings;
    }

    // Where a label stands among the template's rows: its row's number, or for a group's own label
    // ("（三）不予公开", whose reasons follow it) just before its first reason, as a bound before the
    // labels that follow it, and at its first reason as a bound after the labels before it.
    private static int? Place((string? Code, string? Group, string Label) label, bool before)
    {
        if (label.Code is { } code) return DisposalCategories.Get(code).Number;
        if (label.Group is not { } group) return null;
        var first = DisposalCategories.All.Where(c => c.Group == group).Min(c => c.Number);
        return before ? first - 1 : first;
    }

    // The readings of each row among the whole-table readings (each from one cut into runs) that
    // balance and total in every column: a row's cells are certain when every such table agrees on
    // them. Null when no table does.
    private static List<int[]>[]? Surviving(List<string> keys, List<int[][]> tables)
    {
        var kept = keys.Select(_ => new List<int[]>()).ToArray();
        foreach (var table in tables)
        {
            if (!Balances(keys, table)) continue;
            for (var s = 0; s < keys.Count; s++)
            {
                if (!kept[s].Exists(r => r.AsSpan().SequenceEqual(table[s]))) kept[s].Add(table[s]);
            }
        }

        return kept[0].Count == 0 ? null : kept;
    }

    // Rules 1 and 2 in every column of one reading of the table (a row per key): 本年新收 + 上年结转 =
    // 总计 + 结转, and the outcome rows add up to 总计.
    private static bool Balances(List<string> keys, int[][] table)
    {
        int nr = keys.IndexOf("new_received"), co = keys.IndexOf("carried_over"), tp = keys.IndexOf("total_processed"), cf = keys.IndexOf("carried_forward");
        for (var c = 0; c < ApplicantTypes.Count; c++)
        {
            long outcomes = 0;
            for (var s = 0; s < keys.Count; s++)
            {
                if (s != nr && s != co && s != tp && s != cf) outcomes += table[s][c];
            }

            if (table[nr][c] + table[co][c] != table[tp][c] + table[cf][c] || outcomes != table[tp][c]) return false;
        }

        return true;
    }

    // The readings of each row that some choice of readings, one per row, makes balance (rule 1:
    // new + carried over = total + carried forward) and total (rule 2: the outcomes add up to the
    // total) in every column. Null when no choice does; all readings when there are too many
    // choices to try (the solver then decides, or leaves the cells unknown).
    private static List<int[]>[]? KeepBalanced(List<string> keys, List<int[]>[] readings)
    {
        long combinations = 1;
        foreach (var r in readings) combinations = Math.Min(combinations * r.Count, ReassemblyCombinations + 1);
        if (combinations > ReassemblyCombinations) return readings;

        var kept = readings.Select(_ => new List<int[]>()).ToArray();
        var choice = new int[keys.Count];
        var table = new int[keys.Count][];
        while (true)
        {
            for (var s = 0; s < keys.Count; s++) table[s] = readings[s][choice[s]];
            if (Balances(keys, table))
            {
                for (var s = 0; s < keys.Count; s++)
                {
                    if (!kept[s].Contains(readings[s][choice[s]])) kept[s].Add(readings[s][choice[s]]);
                }
            }

            // The next choice, as an odometer over the rows' readings.
            var digit = 0;
            while (digit < keys.Count && ++choice[digit] == readings[digit].Count) choice[digit++] = 0;
            if (digit == keys.Count) break;
        }

        return kept.All(k => k.Count > 0) ? kept : null;
    }
}
