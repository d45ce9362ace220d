using System.Globalization;
using Warehouse.Core;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Table 三's rows as readings: the ways each printed row can be seven cells (as printed, its
/// run-together digits split, a lost or wrapped cell put back), and the one reading of the whole
/// table that the template's column rules leave, or the cells on which the readings differ.
/// </summary>
internal sealed partial class ReportExtractor
{
    /// <summary>
    /// The readings of one printed row as seven cells: the cells as printed when there are seven,
    /// else every way the printed digits split into seven cells whose last is the sum of the six
    /// (run-together cells), or, with six cells, every place the lost cell could have stood.
    /// </summary>
    /// <param name="exact">True when the printed cells are the table's own; false when only gaps part them (text, a PDF read by its gaps).</param>
    private (List<int?[]> Readings, List<bool[]>? Inferred) RowReadings(string code, IReadOnlyList<string> printed, bool exact, IReadOnlyList<int>? swaps = null)
    {
        if (_reassembled.TryGetValue(code, out var put)) return (put, null);
        if (swaps is { Count: > 0 } && StackedReadings(code, printed, swaps) is { } stacked) return stacked;
        var row = code.StartsWith("group:", StringComparison.Ordinal) ? null : code;
        var where = new Where(code);
        // A row of more than seven cells is read as wrapped pieces only when dropping its empty
        // leading or trailing cells (an empty merged column) does not leave seven, or when one of
        // its numbers is cut at its thousands.
        if (printed.Count > ApplicantTypes.Count && (Trimmed(printed) > ApplicantTypes.Count || printed.Any(Text.WrappedNumbers.IsCutAtThousands))
            && WrappedReadings(printed) is { Readings.Count: > 0 } wrapped)
        {
            _wrappedRows.Add(code);
            return wrapped;
        }

        // Narrow cells that pdftotext set without a space between them ("0-", "-0"): two cells each.
        printed = CountCell.WithGluedMarksParted(printed, ApplicantTypes.Count);
        if (printed.Count > ApplicantTypes.Count && PaddedReadings(printed, _totalsLeftBlank, !_labelSlotsKept) is { } padded)
        {
            if (padded.Start is { } start)
            {
                printed = printed.Skip(start).Take(ApplicantTypes.Count).ToList();
            }
            else
            {
                _paddedRows.Add(code);
                if (padded.BlankTotal == UnbalancedMark) _unbalancedRows.Add(code);
                else if (padded.BlankTotal is { } total) _paddedBlankTotals[code] = total;
                if (AsLaidOut(printed) is { Count: ApplicantTypes.Count } laidOut)
                    _paddedAsLaidOut[code] = printed.Skip(laidOut.First).Take(laidOut.Count).Select(CountCell.ReadCount).ToArray();
                return (padded.Readings, padded.Inferred);
            }
        }

        var data = FitToColumns(where, row, printed);
        if (data.Count == 0)
        {
            _unknown.Add(code);
            return ([], null);
        }

        // A number cut at its thousands ("3,32") in a row that only gaps part is certainly a cell that wrapped,
        // its end elsewhere (past a page break). The row's other cells wrapped as well may show no sign of it
        // ("170" of 1709): none is taken.
        if (!exact && data.FirstOrDefault(Text.WrappedNumbers.IsCutAtThousands) is { } cut)
        {
            _unknown.Add(code);
            _findings.Add(new Finding("missing_cells", Severity.Error,
                $"{where.Value}的数「{cut.Trim()}」在千分位处被折行截断，后半截不在本行；同一行的其他数也可能折行截断，该行的值未知。The row's number '{cut.Trim()}' is cut at its thousands separator (its cell wrapped) and its end is not on the row; any other number of the row may be cut as well, so its values are unknown.", row));
            return ([], null);
        }

        if (data.Count == ApplicantTypes.Count)
        {
            var cells = new int?[ApplicantTypes.Count];
            for (var c = 0; c < cells.Length; c++) cells[c] = ReadCount(data[c], where, row, c);

            // A blank 总计 beside applicants who are not all zero: a zero written blank (the report does not
            // add up), or a total left unfilled. Which one is decided over the whole table (BlankTotals).
            const int Total = ApplicantTypes.Count - 1;
            if (row is not null && CountCell.Classify(data[Total]) == CellKind.Empty && cells.Take(Total).Any(v => v is null))
            {
                // Beside a cell that cannot be read, a blank total is not known either.
                cells[Total] = null;
                _unknown.Add(CellPath(row, Total));
            }
            else if (row is not null && cells.Take(Total).Any(v => v is not null && v != 0))
            {
                if (CountCell.Classify(data[Total]) == CellKind.Empty) _blankTotals[row] = cells;
                else _filledTotals.Add(row);
            }

            return ([cells], null);
        }

        var readings = new List<int?[]>();
        var masks = new List<bool[]>();
        if (_zerosLeftBlank && !exact && data.Count is >= 2 and < ApplicantTypes.Count - 1 && BlankReadings(data) is { Count: > 0 } blank)
        {
            // Where the table types its zeros as nothing, a row of two to five cells that no column placed printed those
            // cells alone: each in order in one of the columns, the others blank (zero), its last the 总计 (BlankCells
            // placed the rows whose columns the page shows). The column rules choose among the placings.
            _blankRows.Add(code);
            return (blank, [.. blank.Select(_ => Enumerable.Repeat(true, ApplicantTypes.Count).ToArray())]);
        }

        var pieces = DigitSplitter.Pieces(data, cell => CountCell.ReadCount(cell), counts: true);
        // Where cells vanish, a row of single cells short of seven ("0-0-0") lost blanks: split it too.
        if ((pieces.Any(p => p.IsRun) || (_cellsVanish && pieces.Count < ApplicantTypes.Count)) && pieces.All(p => p.IsRun || p.Value is not null))
        {
            var result = DigitSplitter.Split(pieces, [ApplicantTypes.Count], lastIsTotal: true, blanks: _cellsVanish ? ApplicantTypes.TotalIndex : 0);
            if (result.OutOfBudget)
            {
                _unknown.Add(code);
                _findings.Add(new Finding("cells_run_together", Severity.Error,
                    $"{where.Value}的数字「{Preview(data)}」连在一起，可能的拆分过多，无法确定，该行的值未知。The digits of this row run together with too many readings; its values are unknown.", row));
                return ([], null);
            }

            readings.AddRange(result.Readings.Select(r => r.Select(v => (int?)v).ToArray()));
            masks.AddRange(result.Inferred);
        }

        // Where cells vanish, a row short of a cell lost a blank, which the splits above read.
        if (data.Count == ApplicantTypes.Count - 1 && !_cellsVanish)
        {
            var six = data.Select(d => CountCell.ReadCount(d)).ToArray();
            if (six.All(v => v is not null))
            {
                // From the last cell back: cells are lost at the end, so a row that reads the same
                // whatever the gap (a row of zeros) is marked at its last cell.
                for (var gap = ApplicantTypes.Count - 1; gap >= 0; gap--)
                {
                    var cells = new int?[ApplicantTypes.Count];
                    for (int c = 0, s = 0; c < ApplicantTypes.Count; c++) cells[c] = c == gap ? null : six[s++];
                    var value = gap == ApplicantTypes.TotalIndex
                        ? cells.Take(ApplicantTypes.TotalIndex).Sum()
                        : cells[ApplicantTypes.TotalIndex] - cells.Take(ApplicantTypes.TotalIndex).Where((_, i) => i != gap).Sum();
                    if (value is not { } v || v < 0) continue;
                    cells[gap] = v;
                    if (readings.Any(r => r.SequenceEqual(cells))) continue;
                    readings.Add(cells);
                    var mask = new bool[ApplicantTypes.Count];
                    mask[gap] = true;
                    masks.Add(mask);
                    _lostCells.Add(CellPath(code, gap));
                    _sixCellRows.Add(code);
                }
            }
        }

        var unique = readings.Select((r, k) => (r, k)).DistinctBy(x => string.Join(",", x.r)).ToList();
        readings = unique.Select(x => x.r).ToList();
        masks = masks.Count == 0 ? masks : unique.Select(x => masks[x.k]).ToList();
        if (readings.Count == 0)
        {
            _unknown.Add(code);
            _findings.Add(new Finding("missing_cells", Severity.Error, data.Count < ApplicantTypes.Count - 1 && !pieces.Any(p => p.IsRun)
                ? $"{where.Value}只有 {data.Count} 个数（应为 {ApplicantTypes.Count} 个），该行的值未知。Row has {data.Count} of {ApplicantTypes.Count} cells; its values are unknown."
                : $"{where.Value}的数字「{Preview(data)}」无法读成六类申请人之和等于总计的 {ApplicantTypes.Count} 个数，该行的值未知。The row's {data.Count} printed cells cannot be read as seven cells that add up; its values are unknown.", row));
        }

        return (readings, masks.Count == readings.Count && readings.Count > 0 ? masks : null);
    }

    // Every placing of a row's printed cells, in order, in seven columns with blanks (zeros) between them, that makes the
    // six applicant cells add up to the total, which is printed last. Empty when a cell is no count.
    private static List<int?[]> BlankReadings(IReadOnlyList<string> data)
    {
        var values = data.Select(CountCell.ReadCount).ToArray();
        if (values.Any(v => v is null)) return [];
        var pieces = values.Select(v => new DigitSplitter.Piece(null, v)).ToList();
        var result = DigitSplitter.Split(pieces, [ApplicantTypes.Count], lastIsTotal: true, blanks: ApplicantTypes.Count - data.Count);
        return [.. result.Readings.Where(r => r[^1] == values[^1]).Select(r => r.Select(v => (int?)v).ToArray())];
    }

    /// <summary>
    /// A row of seven cells, some of them stacked in one column (a cell set a line higher beside its label, over
    /// another: <see cref="RowParts.Swaps"/>): every order of the stacked cells that makes the six columns add up to
    /// the total, for the column rules to choose from; the cells that differ between the orders are marked
    /// inferred (derived once chosen). Null, and the row read as printed, when a cell is no count, the row has
    /// not seven cells, or no order adds up (the row's sums then say what is wrong).
    /// </summary>
    private (List<int?[]> Readings, List<bool[]>? Inferred)? StackedReadings(string code, IReadOnlyList<string> printed, IReadOnlyList<int> swaps)
    {
        const int MaxSwaps = 4;
        if (printed.Count != ApplicantTypes.Count || swaps.Count > MaxSwaps || swaps.Any(s => s < 0 || s + 1 >= printed.Count)) return null;
        var values = printed.Select(p => CountCell.ReadCount(p)).ToArray();
        if (values.Any(v => v is null)) return null;
        var orders = new List<int?[]>();
        for (var m = 0; m < 1 << swaps.Count; m++)
        {
            var cells = (int?[])values.Clone();
            for (var b = 0; b < swaps.Count; b++)
            {
                if ((m >> b & 1) != 0) (cells[swaps[b]], cells[swaps[b] + 1]) = (cells[swaps[b] + 1], cells[swaps[b]]);
            }

            orders.Add(cells);
        }

        var differ = new bool[ApplicantTypes.Count];
        for (var c = 0; c < differ.Length; c++) differ[c] = orders.Select(o => o[c]).Distinct().Count() > 1;
        const int Total = ApplicantTypes.Count - 1;
        var adding = orders.Where(o => o.Take(Total).Sum() == o[Total]).DistinctBy(o => string.Join(",", o)).ToList();
        if (adding.Count == 0) return null;
        _stackedRows.Add(code);
        if (!code.StartsWith("group:", StringComparison.Ordinal) && values.Take(Total).Any(v => v != 0)) _filledTotals.Add(code);
        return (adding, adding.Select(_ => differ).ToList());
    }

    /// <summary>
    /// Picks each row's cells from its readings: a single reading is taken; among several, the
    /// readings that the column rules allow together are kept, and a cell on which they all agree is
    /// taken (derived), one on which they differ is left null with an error naming the candidates.
    /// </summary>
    private Dictionary<string, int?[]> Choose(Dictionary<string, List<int?[]>> readings, Template template, List<string> groups, Dictionary<string, List<(int?[] Cells, bool[] Inferred)>> splitRows)
    {
        var chosen = new Dictionary<string, int?[]>();
        if (readings.Values.All(r => r.Count == 1) && !readings.Keys.Any(k => _sixCellRows.Contains(k) || _blankRows.Contains(k)))
        {
            foreach (var (key, r) in readings) chosen[key] = r[0];
            MarkSplit(chosen, splitRows);
            return chosen;
        }

        var outcomes = DisposalCategories.Outcomes(template)
            .Select(c => groups.Contains(c.Group) ? "group:" + c.Group : c.Code).Distinct().ToList();
        var solved = ApplicationSolver.Solve(readings, outcomes);
        foreach (var (key, candidates) in readings)
        {
            if (candidates.Count == 1 && _blankRows.Contains(key) && !Confirmed(key, readings, outcomes, solved))
            {
                chosen[key] = new int?[ApplicantTypes.Count];
                _unknown.Add(key);
                var group = key.StartsWith("group:", StringComparison.Ordinal);
                _findings.Add(new Finding("missing_cells", Severity.Error,
                    $"{(group ? CellNames.ApplicationGroup(key[6..]) : CellNames.ApplicationRow(key))}只印出部分的数、其余各格空白，只能读作 {Readings(candidates)}，但全表的勾稽关系不能印证各数所在的列，该行的值未知。The row prints some of its cells, the others blank, and no column rule confirms their columns; its values are unknown.", group ? null : key));
                continue;
            }

            if (candidates.Count == 1 && _sixCellRows.Contains(key) && !Confirmed(key, readings, outcomes, solved))
            {
                // One place for the lost cell keeps the row's own sum, but that sum is made by the
                // reading itself (a lost total is the sum of the six): only a column rule tells.
                chosen[key] = new int?[ApplicantTypes.Count];
                _unknown.Add(key);
                var named = key.StartsWith("group:", StringComparison.Ordinal) ? CellNames.ApplicationGroup(key[6..]) : CellNames.ApplicationRow(key);
                _findings.Add(new Finding("missing_cells", Severity.Error,
                    $"{named}只有 {ApplicantTypes.Count - 1} 个数（应为 {ApplicantTypes.Count} 个），只能读作 {Readings(candidates)}，但全表的勾稽关系不能印证缺的是这一格，该行的值未知。Row has {ApplicantTypes.Count - 1} of {ApplicantTypes.Count} cells and no column rule confirms where the missing one stood; its values are unknown.",
                    key.StartsWith("group:", StringComparison.Ordinal) ? null : key));
                continue;
            }

            if (candidates.Count == 1)
            {
                chosen[key] = candidates[0];
                continue;
            }

            var viable = solved.Viable.GetValueOrDefault(key) ?? [];
            var where = key.StartsWith("group:", StringComparison.Ordinal) ? CellNames.ApplicationGroup(key[6..]) : CellNames.ApplicationRow(key);
            var row = key.StartsWith("group:", StringComparison.Ordinal) ? null : key;
            // A row whose wrapped pieces no column placed is said so, not "run together".
            var wrapped = _wrappedRows.Contains(key);
            var stacked = _stackedRows.Contains(key);
            var padded = _paddedRows.Contains(key);
            var blank = _blankRows.Contains(key);
            var how = blank ? "只印出部分的数、其余各格空白（零未填写），各数在哪一列由版面不能确定"
                : wrapped ? "的数字在窄列中折行，折下的部分不在原列"
                : stacked ? "有数印在上一行、与下一行的数同列相叠，两格的先后版面不能确定"
                : padded ? "印有多于七格，哪七格属于本行（两端的空格或 0 是本行的格还是转换补上的）由本行不能确定"
                : _reassembled.ContainsKey(key) ? "的数字在抽取时离开了行名，按行序排回" : "的数字连在一起";
            var english = blank ? "printed cells, the others blank, whose columns the layout does not show," : wrapped ? "wrapped numbers" : stacked ? "cells stacked in one column" : padded ? "cells beyond seven (blanks or zeros at its ends)" : "run-together digits";
            if (_unbalancedRows.Contains(key))
            {
                // Adds up in none of its sevens: the cells its sevens agree on are read, the others are not known; the
                // row breaks a rule whichever seven it is, and that is said with the candidates.
                (chosen[key], var differs) = Agreed(key, candidates);
                _findings.Add(new Finding("extra_cells", Severity.Error,
                    $"{where}{how}，可读作 {Readings(candidates)}，无论哪一种本行的六类申请人之和都不等于总计（报告本身不合勾稽关系）；{string.Join("、", differs.Select(c => ApplicantTypes.All[c].Label))}列无法确定，不予采信。The row's {english} read several ways, and in none do its six applicant columns add up to its total (the report's own error); the cells that differ are left unknown.",
                    row, ApplicantTypes.CodeAt(differs[0])));
                continue;
            }

            if (padded && !solved.TooMany && viable.Count == 0 && _paddedAsLaidOut.TryGetValue(key, out var laidOut))
            {
                // No reading of the padding lets the table add up: the table breaks a rule whatever the row's seven
                // are, and the row is read as the layouts print it (its merged columns first), the rules reported.
                chosen[key] = laidOut;
                continue;
            }

            if (solved.TooMany || viable.Count == 0)
            {
                chosen[key] = new int?[ApplicantTypes.Count];
                _unknown.Add(key);
                _findings.Add(new Finding(blank ? "missing_cells" : wrapped ? "cells_wrapped" : stacked ? "cells_stacked" : padded ? "extra_cells" : "cells_run_together", Severity.Error, solved.TooMany
                    ? $"{where}{how}，可拆分的读法过多，无法确定，该行的值未知。The row's {english} have too many readings to check; its values are unknown."
                    : $"{where}{how}，可读作 {Readings(candidates)}，但没有一种能使全表的勾稽关系成立，该行的值未知。The row's {english} have no reading that makes the table add up; its values are unknown.", row));
                continue;
            }

            (chosen[key], var open) = Agreed(key, viable);
            if (open.Count > 0)
            {
                _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                    $"{where}{how}，按勾稽关系仍有 {viable.Count} 种读法：{Readings(viable)}；{string.Join("、", open.Select(c => ApplicantTypes.All[c].Label))}列无法确定，不予采信。The row's {english} have {viable.Count} readings that add up; the cells that differ are left unknown.",
                    row, ApplicantTypes.CodeAt(open[0])));
            }
        }

        MarkSplit(chosen, splitRows);
        return chosen;
    }

    // A row's cells on which its readings agree; the others (their columns returned) are unknown, each listed as ambiguous.
    private (int?[] Cells, List<int> Open) Agreed(string key, IReadOnlyList<int?[]> readings)
    {
        var cells = new int?[ApplicantTypes.Count];
        var open = new List<int>();
        for (var c = 0; c < ApplicantTypes.Count; c++)
        {
            if (readings.Select(v => v[c]).Distinct().Count() == 1) cells[c] = readings[0][c];
            else
            {
                open.Add(c);
                _ambiguous.Add(CellPath(key, c));
                _unknown.Add(CellPath(key, c));
            }
        }

        return (cells, open);
    }

    // Whether a column rule holds over a row's only reading: the row is in a rule whose every row
    // is present (balance: the four flow rows; the total row: （七）总计 and every outcome row), one
    // column at least has no unknown cell, and the table's readings satisfy the rules together.
    private static bool Confirmed(string key, Dictionary<string, List<int?[]>> readings, List<string> outcomes, ApplicationSolver.Outcome solved)
    {
        string[] flow = ["new_received", "carried_over", "total_processed", "carried_forward"];
        var inBalance = flow.Contains(key) && flow.All(readings.ContainsKey);
        var inTotal = (key == "total_processed" || outcomes.Contains(key)) && readings.ContainsKey("total_processed") && outcomes.All(readings.ContainsKey);
        var checkedColumn = Enumerable.Range(0, ApplicantTypes.Count).Any(c => readings.Values.All(r => r.All(v => v[c] is not null)));
        return (inBalance || inTotal) && checkedColumn && !solved.TooMany && solved.Viable.GetValueOrDefault(key) is { Count: > 0 };
    }

    /// <summary>
    /// The readings of a row printed with more than seven cells whose seven its arithmetic alone does not tell
    /// (<see cref="Window"/>): a converter pads the rows of a table with merged cells at their end, a zero may be
    /// written blank, and a 总计 left blank is the sum of its six ("|  | 22 | 0 | 1 | 0 | 0 |  |  |" is 0, 22, 0, 1,
    /// 0, 0 and a blank total, or 22, 0, 1, 0, 0, a blank zero and a blank total). Each seven that leaves out only
    /// empty or zero cells and adds up (a blank total filled with the sum, marked inferred) is a reading; the cells
    /// where readings differ are marked inferred, and the table's rules choose. Start is set when one seven
    /// alone adds up: the row is read from there as printed. BlankTotal is the total every reading fills a blank
    /// 总计 with, when each does and all alike (the row counts as one more blank total: see BlankTotals). Null when the cells are not such a row (decided
    /// by the row's arithmetic, a cell that is not a count, no seven that adds up: read as the layouts print).
    /// </summary>
    /// <param name="padded">
    /// The table's rows may be padded at their end (no row keeps blank slots of merged labels before its label): a row that adds
    /// up in none of its sevens then leaves in doubt the cells they differ on (<see cref="Unbalanced"/>). Where the grid keeps
    /// the slots, the blanks after a label are slots, and the row is read as the layouts print it.
    /// </param>
    private static (int? Start, List<int?[]> Readings, List<bool[]> Inferred, int? BlankTotal)? PaddedReadings(IReadOnlyList<string> printed, bool totalsLeftBlank, bool padded)
    {
        var n = ApplicantTypes.Count;
        if (Window(printed, totalsLeftBlank).Decided) return null;
        var counts = printed.Select(CountCell.ReadCount).ToArray();
        if (counts.Any(v => v is null)) return null;
        var options = new List<(int Start, int?[] Cells, bool BlankTotal)>();
        for (var start = 0; start + n <= printed.Count; start++)
        {
            var outside = Enumerable.Range(0, printed.Count).Where(i => i < start || i >= start + n);
            if (!outside.All(i => counts[i] == 0)) continue;
            var cells = counts.Skip(start).Take(n).ToArray();
            var six = cells.Take(n - 1).Sum()!.Value;
            var blankTotal = IsEmpty(printed[start + n - 1]) && six != 0;
            if (blankTotal) cells[n - 1] = six;
            if (cells[n - 1] != six || options.Any(o => o.Cells.SequenceEqual(cells))) continue;
            options.Add((start, cells, blankTotal));
        }

        // None adds up, or only with a blank 总计 filled in a table that fills its totals: the row breaks a rule whichever
        // seven it is (a blank is a zero there).
        if (padded && (options.Count == 0 || (!totalsLeftBlank && options.All(o => o.BlankTotal))) && Unbalanced(counts, n) is { } unbalanced) return unbalanced;
        if (options.Count == 0) return null;
        if (options.Count == 1) return (options[0].Start, [], [], null);
        var masks = options.Select(o => Enumerable.Range(0, n)
            .Select(c => options.Any(p => p.Cells[c] != o.Cells[c]) || (c == n - 1 && o.BlankTotal)).ToArray()).ToList();
        var filled = options.All(o => o.BlankTotal) && options.Select(o => o.Cells[n - 1]).Distinct().Count() == 1 ? options[0].Cells[n - 1] : null;
        return (null, options.Select(o => o.Cells).ToList(), masks, filled);
    }

    /// <summary>
    /// The sevens of a row printed with more that adds up in none of them, a blank read as a zero ("|  | / | - | 7 |  | 0 |
    /// 0 |  |": the 7 in 科研机构 or in 社会公益组织, the row's total 0 or blank), each leaving out only cells of nothing,
    /// when they differ: the row breaks a rule whichever it is, and where its numbers stand the row cannot tell. Marked
    /// unbalanced: the cells on which they differ are not known (Choose). Null when fewer than two differ.
    /// </summary>
    private static (int? Start, List<int?[]> Readings, List<bool[]> Inferred, int? BlankTotal)? Unbalanced(int?[] counts, int n)
    {
        var fits = new List<int?[]>();
        for (var start = 0; start + n <= counts.Length; start++)
        {
            if (Enumerable.Range(0, counts.Length).Where(i => i < start || i >= start + n).All(i => counts[i] == 0)
                && counts.Skip(start).Take(n).ToArray() is var cells && !fits.Any(f => f.SequenceEqual(cells)))
                fits.Add(cells);
        }

        if (fits.Count < 2) return null;
        var differ = Enumerable.Range(0, n).Select(c => fits.Select(f => f[c]).Distinct().Count() > 1).ToArray();
        return (null, fits, fits.Select(_ => differ).ToList(), UnbalancedMark);
    }

    // BlankTotal's value for a row that adds up in none of its sevens (Unbalanced): no total is filled.
    private const int UnbalancedMark = int.MinValue;

    /// <summary>
    /// The readings of a row whose numbers a narrow column wrapped onto the next line, where no
    /// column placed the pieces (pdftotext lays out a sparse line, or the head of the next page,
    /// afresh): "115 826 245 242 0 562 3,02 4 9" is seven cells followed by the ends of two of them,
    /// in the columns' order. Each way of giving the k pieces (1 to 3) to k of the seven cells, in
    /// order, is a reading when every joined cell is a number as written ("3,02" and "9" make
    /// 3,029; "0" and "4" make nothing), no cell is left cut at its thousands, and the six applicant
    /// columns add up to the total; the table's rules then choose among them. Text in the order the
    /// PDF draws it (<c>pdftotext -raw</c>, PyMuPDF) gives each end right after its cell instead:
    /// "374 7 943 237 302 283 722 6,23 4" is 3747, 943, 237, 302, 283, 722 and 6,234. Each way of joining
    /// k pieces to the cell right before each of them is a reading too, on the same terms. Empty when the
    /// row is no such row.
    /// </summary>
    private static (List<int?[]> Readings, List<bool[]>? Inferred) WrappedReadings(IReadOnlyList<string> printed)
    {
        var n = ApplicantTypes.Count;
        var k = printed.Count - n;
        if (k is < 1 or > 3) return ([], null);
        var readings = new List<int?[]>();
        var masks = new List<bool[]>();
        // A unit the text parts from its number by a space ("9 件", a wrapped end and its unit on their own line) is the number's.
        var all = printed.Select(p => UnitApart().Replace(p.Trim(), "$1$2")).ToArray();
        // Ends after their own cells: k of the tokens after the first, none right after another end.
        foreach (var ends in Choices(all.Length - 1, k).Select(c => c.Select(i => i + 1).ToArray()))
        {
            // A piece ends a number begun in its cell: joined to an empty cell it would only move the number there.
            if (ends.Zip(ends.Skip(1)).Any(p => p.Second == p.First + 1) || !ends.All(e => Text.WrappedNumbers.IsPiece(all[e]) && all[e - 1].Trim().Length > 0)) continue;
            var joined = new List<string>();
            var mask = new List<bool>();
            for (var t = 0; t < all.Length; t++)
            {
                if (ends.Contains(t))
                {
                    joined[^1] += all[t];
                    mask[^1] = true;
                }
                else
                {
                    joined.Add(all[t]);
                    mask.Add(false);
                }
            }

            if (Reading(joined, mask) is { } values)
            {
                readings.Add(values);
                masks.Add([.. mask]);
            }
        }

        // The same reading made both ways is one.
        var inline = readings.Count;
        var pieces = all.Skip(n).ToArray();
        if (!pieces.All(Text.WrappedNumbers.IsPiece)) return (readings, masks);
        var cells = all.Take(n).ToArray();
        foreach (var chosen in Choices(n, k))
        {
            if (chosen.Any(c => cells[c].Trim().Length == 0)) continue;
            var joined = (string[])cells.Clone();
            var mask = new bool[n];
            for (var i = 0; i < k; i++)
            {
                joined[chosen[i]] += pieces[i];
                mask[chosen[i]] = true;
            }

            if (Reading(joined, mask) is not { } values || readings.Take(inline).Any(r => r.SequenceEqual(values))) continue;
            readings.Add(values);
            masks.Add(mask);
        }

        return (readings, masks);

        // The seven cells as joined, when each joined one is a number as written, none other is cut at its thousands,
        // and the six applicant columns add up to the total.
        static int?[]? Reading(IReadOnlyList<string> joined, IReadOnlyList<bool> mask)
        {
            var values = new int?[joined.Count];
            for (var c = 0; c < joined.Count; c++)
            {
                var fits = mask[c] ? Text.WrappedNumbers.IsWrittenNumber(joined[c]) : !Text.WrappedNumbers.IsCutAtThousands(joined[c]);
                values[c] = CountCell.ReadCount(joined[c]);
                if (!fits || values[c] is null) return null;
            }

            return values.Take(joined.Count - 1).Sum() == values[^1] ? values : null;
        }
    }

    // Every increasing choice of k indexes out of n.
    private static IEnumerable<int[]> Choices(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])index.Clone();
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i) i--;
            if (i < 0) yield break;
            index[i]++;
            for (var j = i + 1; j < k; j++) index[j] = index[j - 1] + 1;
        }
    }

    private static string Readings(IEnumerable<int?[]> readings) =>
        string.Join(" 或 ", readings.Take(4).Select(r => "(" + string.Join(",", r.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "?")) + ")")) + (readings.Count() > 4 ? " 等" : "");

    // Cells read by splitting run-together digits (joining wrapped numbers, ordering stacked cells) are derived;
    // one warning for the table says so for each kind.
    private void MarkSplit(Dictionary<string, int?[]> chosen, Dictionary<string, List<(int?[] Cells, bool[] Inferred)>> splitRows)
    {
        int blankRows = 0, blankCells = 0, runRows = 0, runCells = 0, wrappedRows = 0, wrappedCells = 0, stackedRows = 0, stackedCells = 0, paddedRows = 0, paddedCells = 0;
        foreach (var (key, options) in splitRows.Where(kv => chosen.ContainsKey(kv.Key)))
        {
            if (key.StartsWith("group:", StringComparison.Ordinal)) continue;
            var cells = chosen[key];
            var inferred = new bool[ApplicantTypes.Count];
            foreach (var (reading, mask) in options.Where(o => o.Cells.Select((v, c) => cells[c] is null || cells[c] == v).All(x => x)))
            {
                for (var c = 0; c < mask.Length; c++) inferred[c] |= mask[c];
            }

            var count = 0;
            for (var c = 0; c < ApplicantTypes.Count; c++)
            {
                if (!inferred[c] || chosen[key][c] is not { } value || _ambiguous.Contains(CellPath(key, c))) continue;
                if (_lostCells.Contains(CellPath(key, c)))
                {
                    Derive(CellRef.Application(key, c), value, key, ApplicantTypes.CodeAt(c));
                    continue;
                }

                _derived.Add(CellPath(key, c));
                count++;
            }

            if (count == 0) continue;
            if (_wrappedRows.Contains(key)) (wrappedRows, wrappedCells) = (wrappedRows + 1, wrappedCells + count);
            else if (_stackedRows.Contains(key)) (stackedRows, stackedCells) = (stackedRows + 1, stackedCells + count);
            else if (_paddedRows.Contains(key)) (paddedRows, paddedCells) = (paddedRows + 1, paddedCells + count);
            else if (_blankRows.Contains(key)) (blankRows, blankCells) = (blankRows + 1, blankCells + count);
            else (runRows, runCells) = (runRows + 1, runCells + count);
        }

        if (runCells > 0)
        {
            _findings.Add(Finding.Warning("cells_run_together",
                $"表三有 {runRows} 行的数字连在一起，已按模板的勾稽关系唯一拆分，{runCells} 格列为推算值。Table 三 has {runRows} rows whose cells ran together; {runCells} cells are read from the template's arithmetic and marked derived."));
        }

        if (blankCells > 0)
        {
            _findings.Add(Finding.Warning("cells_placed",
                $"表三有 {blankRows} 行只印出部分的数、其余各格空白（零未填写），版面不能确定各数所在的列；其中 {blankCells} 格由模板的勾稽关系唯一确定，列为推算值。Table 三 has {blankRows} rows that print some cells and leave the others blank (zeros typed as nothing) where the layout does not show their columns; {blankCells} of their cells the template's arithmetic fixes one way only, marked derived."));
        }

        if (wrappedCells > 0)
        {
            _findings.Add(Finding.Warning("cells_wrapped",
                $"表三有 {wrappedRows} 行的数字在窄列中折行，折下的部分不在原列，已按模板的勾稽关系唯一接回，{wrappedCells} 格列为推算值。Table 三 has {wrappedRows} rows whose numbers wrapped in narrow columns out of their columns; {wrappedCells} cells are joined by the template's arithmetic and marked derived."));
        }

        if (paddedCells > 0)
        {
            _findings.Add(Finding.Warning("extra_cells",
                $"表三有 {paddedRows} 行印有多于七格（转换工具在行末补的空格、空白的 0 或未填的总计），哪七格属于本行已按模板的勾稽关系唯一确定，{paddedCells} 格列为推算值。Table 三 has {paddedRows} rows printed with more than seven cells (a converter's padding, zeros written blank, totals left blank); which seven are the row's is fixed by the template's arithmetic and {paddedCells} cells are marked derived."));
        }

        if (stackedCells > 0)
        {
            _findings.Add(Finding.Warning("cells_stacked",
                $"表三有 {stackedRows} 行有数印在上一行、与下一行的数同列相叠，两格的先后版面不能确定，已按模板的勾稽关系唯一排定，{stackedCells} 格列为推算值。Table 三 has {stackedRows} rows with a cell set a line higher over another in one column; their order is fixed by the template's arithmetic and {stackedCells} cells are marked derived."));
        }
    }

    // Digits, a space, a unit: "9 件".
    [System.Text.RegularExpressions.GeneratedRegex(@"^([0-9,]+) ([件条个项次])$")]
    private static partial System.Text.RegularExpressions.Regex UnitApart();
}
