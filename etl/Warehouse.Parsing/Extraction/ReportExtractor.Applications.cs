using System.Globalization;
using Warehouse.Core;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    private const string ApplicationsTable = "三、收到和处理政府信息公开申请情况";

    // Cells that a row of six printed cells lost, recovered from the rules (seed 003).
    private readonly HashSet<string> _lostCells = [];

    // Rows printed with six cells: which one was lost must be confirmed by a column rule.
    private readonly HashSet<string> _sixCellRows = [];

    // Blank cells may have vanished from rows whose cells ran together (CellsVanish): the splits allow them.
    private bool _cellsVanish;

    // Table 三 is text laid out by columns whose zeros are typed as nothing, its blank cells put back by their columns
    // (BlankCells): a row still short of cells then printed only the cells it holds, and its columns are the question.
    private bool _zerosLeftBlank;

    // Rows printed as their label alone, all cells blank, in text whose cells ran together (RowParts.Blank): read as zeros,
    // with a warning.
    private readonly HashSet<string> _blankLabelRows = [];

    // Rows read as their printed cells with blanks between them (_zerosLeftBlank): a column rule must confirm them.
    private readonly HashSet<string> _blankRows = [];

    // Table 三 leaves a 总计 blank beside applicants not all zero in a row of seven cells (TotalsLeftBlank): a row of
    // more may read with its total blank too (Window).
    private bool _totalsLeftBlank;
    // Some row of table 三 begins with blank cells before its label: the grid keeps merged label slots (see RowParts.LeadBlank).
    private bool _labelSlotsKept;
    private readonly HashSet<string> _wrappedRows = [];
    // Rows with cells stacked in one column, whose order the column rules decide (StackedReadings).
    private readonly HashSet<string> _stackedRows = [];
    private readonly HashSet<string> _paddedRows = [];

    // Padded rows whose every reading leaves 总计 blank, with the one total they all fill it with (see BlankTotals).
    private readonly Dictionary<string, int> _paddedBlankTotals = [];
    // Padded rows that add up in none of their sevens, which differ (see Unbalanced).
    private readonly HashSet<string> _unbalancedRows = [];

    // A padded row's seven as the layouts print them (Window's fallback), read when no reading of its padding lets the table add up.
    private readonly Dictionary<string, int?[]> _paddedAsLaidOut = [];

    // Rows of table 三 (as read from seven cells) whose 总计 is blank beside applicants not all zero, and
    // rows with such applicants whose 总计 is printed.
    private readonly Dictionary<string, int?[]> _blankTotals = [];
    private readonly HashSet<string> _filledTotals = [];

    // Rows (by code) and cells (by path) that stay null: not exact ("40余件"), unreadable, or rows
    // that no reading of their printed digits makes add up. The rules do not fill them in.
    private readonly HashSet<string> _unknown = [];

    // Rows of table 三 printed twice with different numbers: neither is read (see Record).
    private readonly HashSet<string> _conflicting = [];

    private sealed class FoundRows
    {
        public Dictionary<string, RowParts> Rows { get; } = [];

        /// <summary>Groups printed as one row, without their reasons: group code → the printed row.</summary>
        public Dictionary<string, RowParts> Groups { get; } = [];

        public int Start { get; set; } = -1;

        public int End { get; set; } = -1;

        /// <summary>Why the table cannot be read although its labels are there (text extracted without layout), or null.</summary>
        public string? Scrambled { get; set; }
    }

    /// <summary>A row of table 三 as printed: where it stands, its label and its cells.</summary>
    private sealed record PrintedRow(int Index, RowParts Parts)
    {
        public string? Code { get; set; }

        public string? Group { get; set; }

        public bool Placed { get; set; }

        /// <summary>The label as the reader sees it printed, with the lines above that start it; null when it is <see cref="RowParts.Label"/>.</summary>
        public string? Shown { get; init; }

        /// <summary>A row of a pipe table with numbers alone, its labels set apart as text: it has none, and is no sign of a scrambled table.</summary>
        public bool Apart { get; init; }
    }

    private FoundRows FindApplicationRows()
    {
        var found = new FoundRows();
        var from = _sections.Start(3) ?? 0;
        var to = _sections.Start(4) ?? _blocks.Count;
        var rows = CollectRows(from, to, OuterLabels.ForLines());
        if (ColumnWise(rows) is { } transposed) return transposed;
        var printed = new List<PrintedRow>();

        // Labels without numbers since the last row with numbers: a label wrapped in its cell
        // leaves fragments on the lines around the line that holds the numbers. Up to eight: a column
        // four characters wide sets （二）部分公开（区分处理的，只计这一情形，不计其他情形） over seven lines.
        var loose = new List<RowParts>();
        var ended = false;
        // Table 三 written as a pipe table (markdown of a converter): most rows with numbers are rows of its grid.
        var withData = rows.Where(x => x.Parts.HasData).ToList();
        var pipeTable = withData.Count >= MinimumRows && withData.Count(x => IsPipeRow(x.Index)) * 3 >= withData.Count * 2;
        for (var r = 0; r < rows.Count; r++)
        {
            var (index, parts) = rows[r];
            if (parts.Blank && ApplicationRows.Match(parts.Key) is { } blank) _blankLabelRows.Add(blank);
            if (!parts.HasData)
            {
                loose.Add(parts);
                if (loose.Count > MaxLooseLabels) loose.RemoveAt(0);
                continue;
            }

            // A few numbers on a line of text among the rows of a pipe table, beside no label of their own: cells the converter
            // set outside its grid ("1" between a row's wrapped label and its numbers), no row of the table.
            if (pipeTable && parts.Key.Length == 0 && !IsPipeRow(index) && Filled(parts.Data) < ApplicantTypes.Count)
            {
                _findings.Add(Finding.Warning("unrecognised_row",
                    $"表三的表格之外有一行数字（{Preview(parts.Data)}），不属于表格的任何一行，未读入。Numbers outside table 三's grid ('{Preview(parts.Data)}') belong to none of its rows and are not read."));
                continue;
            }

            // A row of a pipe table with numbers alone, the labels around it paragraphs: a PDF converter that wrote
            // the cells it read as a grid and the labels it could not (wrapped in their cells) as text apart, in an
            // order of its own ("5.属于三类内部事务信息" / "1.本机关不掌握相关政府信息" / "| 1 | 0 | … | 1 |" / "| 6.属于四类过程性
            // 信息 | 1 | …"). Those labels name no row of its grid: the row is placed by its order among the rows that
            // carry their labels (PlaceByOrder), or not read.
            if (parts.Key.Length == 0 && IsPipeRow(index) && !LabelRowsOfPipeAbove(rows, r))
            {
                loose.Clear();
                if (!ended) printed.Add(new PrintedRow(index, parts) { Apart = true });
                continue;
            }

            var code = ApplicationRows.Match(parts.Key);
            var group = code is null ? ApplicationRows.GroupOnly(parts.Key) : null;
            // A group printed as one row, its label wrapped above its numbers' line ("（六）其他" / "处理  /  0  / …"): the
            // group, not the reason its words also name (3.其他), which the lines around would take it for.
            if (code is null && group is null && parts.Key.Length > 0 && loose.Count > 0 && ApplicationRows.GroupOnly(loose[^1].Key + parts.Key) is { } above) group = above;
            // Or its label centred on its numbers' line ("（四）无法提" / "0 0 0 …" / "供": WeasyPrint's print), when no other
            // label waits for numbers above it and none goes on below it ("2.没有现成信息" / "（四）无法提" / numbers / "供" /
            // "需要另行制作" is 2.'s row, the group's label beside it).
            if (code is null && group is null && parts.Key.Length == 0 && loose.Count > 0 && StartsRow(loose[^1].Label)
                && !loose.SkipLast(1).Any(l => StartsRow(l.Label)) && r + 1 < rows.Count
                && rows[r + 1].Parts is { HasData: false } under && !StartsRow(under.Label)
                && (r + 2 >= rows.Count || rows[r + 2].Parts.HasData || StartsRow(rows[r + 2].Parts.Label)))
            {
                group = ApplicationRows.GroupOnly(loose[^1].Key + under.Key);
            }

            // Numbers held below the next row's first lines (LabelAbovePassed) leave those lines to that row.
            List<RowParts>? nextRow = null;
            if (code is null && group is null)
            {
                code = LabelBelow(parts, loose, rows, r);
                if (code is null && LabelAbovePassed(parts, loose, rows, r, _findings) is { } passed)
                {
                    code = passed;
                    nextRow = loose[loose.FindLastIndex(l => StartsRow(l.Label))..];
                }

                code ??= MatchWrapped(parts, loose, rows, r);
            }

            // A group printed as one row, its label wrapped below its numbers ("（六）其他处" / "理"). Tried before the
            // piece below: "（五）不予处" is such a piece too, and read as one it took the row above's name.
            if (code is null && group is null && parts.Key.Length > 0 && r + 1 < rows.Count && rows[r + 1].Parts is { HasData: false } below && !StartsRow(below.Label))
            {
                group = ApplicationRows.GroupOnly(parts.Key + below.Key);
            }

            // Only a piece of a merged group label beside the numbers ("（三）不予  0 0 0 …"): the row's
            // own label is the one wrapped around this line, as on a line of numbers alone.
            if (code is null && group is null && OuterLabels.IsPiece(parts.Label)) code = MatchWrapped(parts with { Label = "", LastLabel = "" }, loose, rows, r);
            if (code is null && group is null && loose.Count > 0) group = ApplicationRows.GroupOnly(loose[^1].Key + parts.Key);
            var row = new PrintedRow(index, parts) { Code = code, Group = group };
            if (code is null && row.Group is null && parts.Key.Length <= 2 && loose.Count > 0)
            {
                // A label printed above its numbers ("5.要求行政机关确认或重\n新出具已获取信息\n0 0 0 …").
                // Only the lines from the last that starts a row: those above it end the row before.
                var own = loose.Skip(Math.Max(0, loose.FindLastIndex(l => StartsRow(l.Label))));
                row = row with { Parts = parts with { Label = string.Concat(own.Select(l => l.Label)) + parts.Label } };
                row.Code = ApplicationRows.Match(row.Parts.Key);
            }

            // A label no row's words name, wrapped from lines above ("1.申请人无正当理由逾公不补正、行政机" over
            // "关不再处理其政府信息公开申请  0 0 …"): a warning that places it quotes it whole, from the line that starts it.
            // A label that starts its row itself is quoted alone ("2.其他法律行政止公开" below "三 、本 年 度办 理 结果", the merged
            // cell's label on a line of its own in pdftotext -layout).
            if (row.Code is null && row.Group is null && parts.Label.Length > 0 && !StartsRow(parts.Label) && loose.FindLastIndex(l => StartsRow(l.Label)) is >= 0 and var first)
            {
                row = row with { Shown = string.Concat(loose.Skip(first).Select(l => l.Label.Trim())) + parts.Label.Trim() };
            }

            loose.Clear();
            if (nextRow is not null) loose.AddRange(nextRow);
            // After 四、结转下年度继续办理 the table has ended, except for a row Word shows there
            // (moved with Track Changes) that names a template row not yet read.
            if (ended && (row.Code is null || printed.Any(p => p.Code == row.Code))) continue;
            printed.Add(row);
            ended |= row.Code == "carried_forward";
        }

        // Nothing that looks like the table: a few of its phrases in prose are not a table.
        if (printed.Count(p => p.Code is not null) < MinimumRows && _sections.Start(3) is null) return found;
        if ((Scrambled(printed) ?? Unplaced(rows, printed)) is { } why)
        {
            if (!_gridExact && Reassemble(rows) is { } put) return put;
            found.Scrambled = why;
            return found;
        }

        if (!printed.Any(p => p.Code is not null)) return found;

        // A row that holds the numbers of the rows after it, whose labels stand apart: a run of
        // rows printed column by column in text without layout (RowRuns), fewer than make the
        // table look scrambled. Taken only when the runs make every row and column rule hold.
        if (!_gridExact && printed.Exists(p => (p.Code is not null || p.Group is not null) && Filled(p.Parts.Data) >= 2 * ApplicantTypes.Count)
            && Reassemble(rows) is { Scrambled: null } runs) return runs;

        // Or a number beside a label and a row of neither one number nor seven: the first cell of a row set beside
        // its wrapped label, apart from the other six (text without layout of a browser's print). Read row by row,
        // such a table takes numbers of the next row; when that form fits it decides, refusal included.
        if (!_gridExact && AnyBesideLabel(rows) && printed.Exists(p => p.Parts.Data.Count is > 1 and not ApplicantTypes.Count)
            && Reassemble(rows) is { } beside) return beside;

        JoinWrappedEnds(printed);
        PlaceByOrder(printed);
        foreach (var row in printed)
        {
            if (row.Code is { } code) Record(found, code, row.Parts, row.Index);
        }

        var subtotals = new List<PrintedRow>();
        foreach (var row in printed)
        {
            if (row.Code is not null || row.Group is null) continue;
            var group = row.Group;
            var members = DisposalCategories.All.Where(c => c.Group == group).ToList();
            if (members.Any(m => found.Rows.ContainsKey(m.Code)))
            {
                subtotals.Add(row);
                continue;
            }

            if (!found.Groups.ContainsKey(group)) found.Groups[group] = row.Parts;
            if (found.Start < 0 || row.Index < found.Start) found.Start = row.Index;
            found.End = Math.Max(found.End, row.Index);
        }

        // Once every row and collapsed group is known: a group row over its reasons gives a missing reason, or is a
        // subtotal row, which is no row of the template.
        var derivedReasons = ReasonsUnderGroupRows(found, subtotals, printed);
        foreach (var row in subtotals)
        {
            if (derivedReasons.Contains(row)) continue;
            _findings.Add(Finding.Warning("unrecognised_row",
                $"{CellNames.ApplicationGroup(row.Group!)}一行印有数字，但其下各项也已列出；该行按小计处理，不读入。The group row '{DisposalCategories.GroupLabels[row.Group!]}' has numbers beside rows of its own; it is read as a subtotal and not loaded."));
        }

        bool? allRead = null;
        foreach (var row in printed)
        {
            if (row.Code is not null || row.Group is not null) continue;
            if (!row.Parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number)) continue;
            allRead ??= DisposalCategories.For(Template.Template2021).All(c => found.Rows.ContainsKey(c.Code) || found.Groups.ContainsKey(c.Group))
                || DisposalCategories.For(Template.Template2019).All(c => found.Rows.ContainsKey(c.Code) || (c.Code == "other_other" && found.Groups.ContainsKey("other")));
            var label = row.Parts.Label.Trim();
            if (IsColumnNumbering(row.Parts))
            {
                _findings.Add(Finding.Warning("unrecognised_row", $"表三中一行只有列序号（{string.Join(" ", row.Parts.Data)}），按表头处理，不读入。A row of column numbers is read as a header."));
                continue;
            }

            _findings.Add(new Finding("unrecognised_row", allRead == true ? Severity.Warning : Severity.Error, label.Length == 0
                ? $"表三中有一行数字（{Preview(row.Parts.Data)}）没有标签，无法确定是哪一行，未读入。Table 三 has a row of numbers without a label; it is not read."
                : $"表三中的行「{Preview(label)}」不是模板中的行，其数字未读入。Table 三 has a row with numbers whose label '{Preview(label)}' is not one of the template's; its values are not read."));
        }

        ShiftedAfterOrphans(printed, found);
        return found;
    }

    /// <summary>
    /// Group rows printed with numbers over their reasons, one reason of each without numbers of its own. Text whose
    /// lines are the characters that share a top (pdfplumber's <c>extract_text</c>: a label's type may stand a few points
    /// lower than its row's numbers) gives "（五）不予处理" / "0 0 0 0 0 0 0" / "4.无正当理由大量反复申请": the numbers are
    /// the reason's, read as the group's. Each such group row's numbers are then its missing reason's, or a subtotal of
    /// the group (the reason is the subtotal less the group's other reasons). Of the readings, those under which the
    /// total row is the sum of the outcome rows are kept; the missing reasons are taken when all kept readings give
    /// them the same cells. Otherwise they stay missing, with their errors, and each group row is read as a subtotal.
    /// The group "other" is left alone: the 2019 template prints it as one row.
    /// </summary>
    /// <returns>The group rows whose missing reason was so derived (its cells in <c>derived</c>, with a warning).</returns>
    private HashSet<PrintedRow> ReasonsUnderGroupRows(FoundRows found, List<PrintedRow> groupRows, List<PrintedRow> printedRows)
    {
        var done = new HashSet<PrintedRow>();
        var width = ApplicantTypes.Count;
        // Each group row with one reason missing: the reason, the group row's cells, and the sum of the group's others.
        var open = new List<(PrintedRow Row, DisposalCategory Reason, int[] Printed, int[] Siblings)>();
        foreach (var row in groupRows)
        {
            var missing = DisposalCategories.All.Where(c => c.Group == row.Group && !found.Rows.ContainsKey(c.Code)).ToList();
            if (row.Group == "other" || missing.Count != 1 || Values(row.Parts) is not { } printed) continue;
            if (ShiftedUnderGroupRow(row, missing[0], printedRows, found)) continue;
            var siblings = new int[width];
            foreach (var member in DisposalCategories.All.Where(c => c.Group == row.Group && c.Code != missing[0].Code))
            {
                if (Values(found.Rows[member.Code]) is not { } v) return done;
                for (var c = 0; c < width; c++) siblings[c] += v[c];
            }

            open.Add((row, missing[0], printed, siblings));
        }

        if (open.Count == 0 || open.Count > 4) return done;
        if (!found.Rows.TryGetValue("total_processed", out var totalRow) || Values(totalRow) is not { } total) return done;
        // The 2019 template has no other_no_correction or other_fee_unpaid.
        var template = found.Rows.ContainsKey("other_no_correction") || found.Rows.ContainsKey("other_fee_unpaid") ? Template.Template2021 : Template.Template2019;
        var rest = new int[width];
        var collapsed = new HashSet<string>();
        foreach (var outcome in DisposalCategories.Outcomes(template))
        {
            if (open.Exists(o => o.Reason.Code == outcome.Code)) continue;
            int[]? values;
            if (found.Rows.TryGetValue(outcome.Code, out var parts)) values = Values(parts);
            else if (found.Groups.TryGetValue(outcome.Group, out var group)) values = collapsed.Add(outcome.Group) ? Values(group) : new int[width];
            else return done;
            if (values is null) return done;
            for (var c = 0; c < width; c++) rest[c] += values[c];
        }

        // Each group row its reason's cells (bit clear) or a subtotal (bit set); the readings under which the total adds up.
        List<int[][]> kept = [];
        for (var mask = 0; mask < 1 << open.Count; mask++)
        {
            var reading = open.Select((o, k) => o.Printed.Select((v, c) => (mask >> k & 1) == 0 ? v : v - o.Siblings[c]).ToArray()).ToArray();
            if (reading.Any(r => r.Any(v => v < 0))) continue;
            if (Enumerable.Range(0, width).All(c => rest[c] + reading.Sum(r => r[c]) == total[c])) kept.Add(reading);
        }

        if (kept.Count == 0 || kept.Exists(r => !r.Zip(kept[0]).All(p => p.First.SequenceEqual(p.Second)))) return done;
        for (var k = 0; k < open.Count; k++)
        {
            var (row, reason, printed, _) = open[k];
            var derived = kept[0][k];
            found.Rows[reason.Code] = new RowParts(reason.Label, derived.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList()) { Exact = true };
            for (var c = 0; c < width; c++) _derived.Add(CellPath(reason.Code, c));
            var cells = string.Join(",", derived);
            var group = row.Group!;
            _findings.Add(new Finding("derived_value", Severity.Warning, derived.SequenceEqual(printed)
                ? $"{CellNames.ApplicationRow(reason.Code)}一行没有数字，其数字印在{CellNames.ApplicationGroup(group)}一行；「（七）总计」减去其他各行为 ({cells})，与该行印出的数字一致，按此读入。The row '{reason.Label}' has no numbers of its own: they stand on the group row '{DisposalCategories.GroupLabels[group]}', and the total row less every other row gives the same ({cells})."
                : $"{CellNames.ApplicationRow(reason.Code)}一行没有数字；{CellNames.ApplicationGroup(group)}一行印有小计，「（七）总计」减去其他各行为 ({cells})，与小计减去同组其他各项一致，按此读入。The row '{reason.Label}' has no numbers; the group row '{DisposalCategories.GroupLabels[group]}' holds a subtotal, and the total row less every other row gives ({cells}), as the subtotal does.",
                reason.Code));
            done.Add(row);
        }

        return done;

        // A row's seven cells as counts; null when any cannot be read so.
        static int[]? Values(RowParts row)
        {
            if (row.Data.Count != ApplicantTypes.Count) return null;
            var values = new int[row.Data.Count];
            for (var c = 0; c < values.Length; c++)
            {
                if (CountCell.ReadCount(row.Data[c]) is not { } v) return null;
                values[c] = v;
            }

            return values;
        }
    }

    /// <summary>
    /// Text that sets some rows' numbers before their labels (PyMuPDF's <c>get_text(sort=True)</c> of a
    /// browser's print orders blocks by their tops, and a number centred on a tall row may stand above its
    /// label's first line): a row of seven numbers without a label, then rows each read with the numbers
    /// after its label, then a row of the same group whose label has no numbers. Read the other way (each
    /// label with the numbers before it) the same lines give these rows other values with the same sums,
    /// and which way is meant cannot be told: the rows read between are unknown, each with an error.
    /// </summary>
    private void ShiftedAfterOrphans(List<PrintedRow> printed, FoundRows found)
    {
        if (_gridExact) return;
        var order = DisposalCategories.All.Select(c => c.Code).ToList();
        for (var i = 0; i + 1 < printed.Count; i++)
        {
            var orphan = printed[i];
            if (orphan.Code is not null || orphan.Group is not null || orphan.Parts.Exact || IsColumnNumbering(orphan.Parts)
                || orphan.Parts.Data.Count(d => CountCell.Classify(d) == CellKind.Number) != ApplicantTypes.Count) continue;
            var chain = new List<string>();
            for (var k = i + 1; k < printed.Count && printed[k].Code is { } code && found.Rows.ContainsKey(code) && !_unknown.Contains(code); k++)
            {
                if (chain.Count > 0 && order.IndexOf(code) != order.IndexOf(chain[^1]) + 1) break;
                chain.Add(code);
            }

            if (chain.Count == 0) continue;
            var last = DisposalCategories.Get(chain[^1]);
            var next = order.IndexOf(last.Code) + 1;
            if (next >= order.Count || DisposalCategories.Get(order[next]) is not { } missing || missing.Group != last.Group
                || found.Rows.ContainsKey(missing.Code) || found.Groups.ContainsKey(missing.Group)) continue;
            foreach (var code in chain)
            {
                ShiftedRowUnknown(code, $"{CellNames.ApplicationRow(code)}的数字「{Preview(found.Rows[code].Data)}」可能属于下一行：其上有一行没有标签的数字「{Preview(orphan.Parts.Data)}」，其下{CellNames.ApplicationRow(missing.Code)}没有数字，抽取时数字与标签可能错开了一行，该行的值未知。"
                    + $"Table 三 row '{DisposalCategories.Get(code).Label}' may hold the next row's numbers: a row of numbers without a label stands above it and '{missing.Label}' has none; its values are unknown.");
            }
        }
    }

    // A row whose numbers may be another's: as a row printed twice with other numbers, no reading of it is taken, and the
    // rules fill none in; the error says why.
    private void ShiftedRowUnknown(string code, string message)
    {
        _conflicting.Add(code);
        _unknown.Add(code);
        _findings.Add(new Finding("cells_ambiguous", Severity.Error, message, code));
    }

    /// <summary>
    /// A group row with numbers, then the group's reasons each with numbers, then the reason that has none: text whose rows
    /// are a label's line and a numbers' line (Ghostscript's txtwrite of a WPS PDF, where a row's numbers stand a fraction of a
    /// point above or below its label, so some rows print their numbers after the label and others before it) reads so
    /// whichever way the rows go. Read with each label taking the numbers before it, the group row's numbers are the first
    /// reason's, each reason's the next one's, and the last the missing reason's: the same sums, other rows. When the two
    /// readings differ, which is meant cannot be told: the reasons read between and the missing reason are unknown, each
    /// with an error (the group row's numbers are then not taken as the missing reason's).
    /// </summary>
    /// <returns>True when the rows were so made unknown.</returns>
    private bool ShiftedUnderGroupRow(PrintedRow groupRow, DisposalCategory missing, List<PrintedRow> printed, FoundRows found)
    {
        if (_gridExact || groupRow.Parts.Exact) return false;
        var at = printed.IndexOf(groupRow);
        if (at < 0) return false;
        var members = DisposalCategories.All.Where(c => c.Group == groupRow.Group).Select(c => c.Code).ToList();
        var chain = new List<string>();
        for (var k = at + 1; k < printed.Count && printed[k].Code is { } code && members.Contains(code) && found.Rows.ContainsKey(code) && !_unknown.Contains(code); k++)
        {
            if (members.IndexOf(code) != chain.Count) break;
            chain.Add(code);
        }

        if (chain.Count == 0 || members.IndexOf(missing.Code) != chain.Count) return false;
        // Shifted, the first reason holds the group row's numbers and each next reason the one before's.
        var shifted = new List<IReadOnlyList<string>> { groupRow.Parts.Data };
        shifted.AddRange(chain.Select(c => found.Rows[c].Data));
        static string Cells(IReadOnlyList<string> data) => string.Join(",", data.Select(d => CountCell.ReadCount(d)?.ToString(CultureInfo.InvariantCulture) ?? "?"));
        if (chain.Select((c, k) => Cells(found.Rows[c].Data) == Cells(shifted[k])).All(same => same) && Cells(groupRow.Parts.Data) == Cells(shifted[^1])) return false;
        foreach (var code in chain)
        {
            ShiftedRowUnknown(code, $"{CellNames.ApplicationRow(code)}的数字「{Preview(found.Rows[code].Data)}」可能属于下一行：其上{CellNames.ApplicationGroup(groupRow.Group!)}一行印有数字「{Preview(groupRow.Parts.Data)}」，其下{CellNames.ApplicationRow(missing.Code)}没有数字，抽取时数字与行名分行印出、可能错开了一行，该行的值未知。"
                + $"Table 三 row '{DisposalCategories.Get(code).Label}' may hold the next row's numbers: the group row '{DisposalCategories.GroupLabels[groupRow.Group!]}' above it has numbers and '{missing.Label}' has none; its values are unknown.");
        }

        // The reason without numbers is printed: its numbers are the row above's, or the group row's.
        ShiftedRowUnknown(missing.Code,
            $"{CellNames.ApplicationRow(missing.Code)}之下没有数字：其数字可能是上一行读到的「{Preview(found.Rows[chain[^1]].Data)}」，也可能是{CellNames.ApplicationGroup(groupRow.Group!)}一行的「{Preview(groupRow.Parts.Data)}」，该行的值未知。"
            + $"Table 三 row '{missing.Label}' has no numbers after its label: they may be those read for the row above or the group row's; its values are unknown.");
        return true;
    }

    /// <summary>
    /// The ends of numbers that their narrow cells wrapped past a page break: a line of one to three
    /// digits without a label ("1 … 0" under the repeated heading at a page's head), or beside a piece of
    /// a merged label at the table's left ("年度办 4 … 7", of 三、本年度办理结果), after a row that does
    /// not add up as printed ("156 62 163 305 17 72 218", or that holds a number cut at its thousands,
    /// "3,32"), in a table that only gaps part, where the row after it adds up. Each way of putting the
    /// ends, in their order, after cells of the row above is tried (never after a lone 0, which begins no
    /// number): exactly one that makes the six applicants add up to the total is taken (1561 and 2180),
    /// its joined cells derived and a warning says so; several leave the row unknown with an error naming
    /// them. None leaves the row unknown too, with an error that says so: its printed numbers are cut. A line of
    /// seven such numbers is a row of its own whose label is lost, and stays as printed (its warning).
    /// </summary>
    private void JoinWrappedEnds(List<PrintedRow> printed)
    {
        if (_gridExact) return;
        for (var r = 1; r < printed.Count; r++)
        {
            var tail = printed[r];
            // Units alone before the ends ("件  0件") are ends too, of numbers that wrapped only their unit: no value changes.
            if (tail.Code is not null || tail.Group is not null || tail.Parts.Exact
                || !(tail.Parts.Label.All(HeadingLetters.Contains) || OuterLabels.IsPiece(tail.Parts.Label) || HeadingThenPiece(tail.Parts.Label) || IsUnitsAlone(tail.Parts.Label))) continue;
            var ends = tail.Parts.Data.Where(d => CountCell.Classify(d) != CellKind.Empty).Select(d => d.Trim().TrimEnd('件').TrimEnd()).ToList();
            if (ends.Count is 0 or > ApplicantTypes.Count || !ends.All(e => e.Length <= 3 && e.All(char.IsAsciiDigit))) continue;
            var above = printed[r - 1];
            if (above.Code is not { } code || above.Parts.Exact || above.Parts.Data.Count != ApplicantTypes.Count || AddsUp(above.Parts.Data) is true) continue;
            var below = printed.Skip(r + 1).FirstOrDefault(p => p.Code is not null || p.Group is not null);
            if (below is not null && AddsUp(below.Parts.Data) is not true) continue;

            var readings = new List<(string[] Cells, int[] At)>();
            foreach (var at in Choices(ApplicantTypes.Count, ends.Count))
            {
                var cells = above.Parts.Data.Select(d => d.Trim()).ToArray();
                if (at.Any(c => cells[c] == "0" || CountCell.Classify(cells[c]) != CellKind.Number)) continue;
                for (var j = 0; j < at.Length; j++) cells[at[j]] += ends[j];
                if (at.All(c => Text.WrappedNumbers.IsWrittenNumber(cells[c])) && AddsUp(cells) == true) readings.Add((cells, at));
            }

            var where = CellNames.ApplicationRow(code);
            if (readings.Count == 1)
            {
                var (cells, at) = readings[0];
                var read = string.Join(",", cells.Select(c => CountCell.ReadCount(c)));
                printed[r - 1] = above with { Parts = above.Parts with { Data = cells, Swaps = [] } };
                printed[r] = tail with { Parts = tail.Parts with { Data = [] } };
                foreach (var c in at) _derived.Add(CellPath(code, c));
                _findings.Add(Finding.Warning("cells_wrapped",
                    $"{where}的数在窄格中折行，后半截（{string.Join(" ", ends)}）印在下一页表头之下；只有一种接法使六类申请人之和等于总计，读作 ({read})。The row's numbers wrapped in their narrow cells, their ends ({string.Join(" ", ends)}) printed under the heading of the next page; one way of joining them makes the row add up: ({read})."));
            }
            else if (readings.Count > 1)
            {
                printed[r - 1] = above with { Parts = above.Parts with { Data = [] } };
                printed[r] = tail with { Parts = tail.Parts with { Data = [] } };
                _unknown.Add(code);
                var shown = Readings(readings.Select(x => x.Cells.Select(c => CountCell.ReadCount(c)).ToArray()).ToList());
                _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                    $"{where}的数在窄格中折行，后半截（{string.Join(" ", ends)}）印在下一页表头之下，按勾稽关系有 {readings.Count} 种接法：{shown}，该行的值未知。The row's numbers wrapped, their ends ({string.Join(" ", ends)}) on the next page; {readings.Count} ways of joining them add up, so its values are unknown.", code));
            }
            else if (ends.Count < ApplicantTypes.Count)
            {
                // Fewer ends than cells are no row of their own: the row's numbers are cut, and as printed they are not its values.
                printed[r - 1] = above with { Parts = above.Parts with { Data = [] } };
                printed[r] = tail with { Parts = tail.Parts with { Data = [] } };
                _unknown.Add(code);
                _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                    $"{where}的数在窄格中折行，后半截（{string.Join(" ", ends)}）印在下一页表头之下，但没有一种接法使六类申请人之和等于总计，该行的值未知。The row's numbers wrapped, their ends ({string.Join(" ", ends)}) on the next page; no way of joining them makes the row add up, so its values are unknown.", code));
            }
        }
    }

    // "件", "件  件": the units that cells wrapped onto a line of their own.
    private static bool IsUnitsAlone(string label) => label.Trim().Length > 0 && label.All(c => c is '件' || TextKey.IsSpace(c));

    // The letters of table 三's heading (its note, its applicant columns): a label of only these is the heading repeated at a page's head.
    private static readonly System.Buffers.SearchValues<char> HeadingLetters = System.Buffers.SearchValues.Create(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计 ()（）:：,，　");

    // The repeated heading and then a piece of a merged label, read as one label: text without layout (pdftotext -raw) sets
    // the heading's words at the head of the page, then the rest of "三、本年度办理结果" beside the ends of the row above
    // ("…法律服务机构其他" / "年度办" / "理结果" / "6").
    private static bool HeadingThenPiece(string label)
    {
        var k = 0;
        while (k < label.Length && HeadingLetters.Contains(label[k])) k++;
        return k > 0 && k < label.Length && OuterLabels.IsPiece(label[k..]);
    }

    /// <summary>Whether seven printed cells add up (the six applicants to the total); null when one is not a count.</summary>
    private static bool? AddsUp(IReadOnlyList<string> data)
    {
        if (data.Count != ApplicantTypes.Count) return null;
        var values = data.Select(d => CountCell.ReadCount(d)).ToList();
        if (values.Any(v => v is null)) return null;
        return values.Take(ApplicantTypes.TotalIndex).Sum() == values[ApplicantTypes.TotalIndex];
    }

    // Rows of table 三 that must be recognised by their labels before a region without the
    // section's heading is taken for the table (the template has 22 to 25 rows).
    private const int MinimumRows = 8;

    /// <summary>
    /// Text extracted without layout sometimes gives every label of table 三 first, in order, and
    /// then all its numbers in one run, row after row or column after column. The table is put
    /// back when exactly one of the two orders makes every rule of the template hold (or both
    /// give the same table); otherwise it is refused with that reason.
    /// </summary>
    private FoundRows? ColumnWise(List<(int Index, RowParts Parts)> rows)
    {
        var block = rows.FindIndex(r => r.Parts.HasData);
        if (block < 10 || block != rows.Count - 1 && rows.Skip(block + 1).Any(r => r.Parts.HasData && ApplicationRows.Match(r.Parts.Key) is not null)) return null;
        var numbers = rows[block].Parts;
        var labels = new List<(string Code, int Index)>();
        string[] headings = ["总计", "合计", "自然人", "申请人情况", "法人或其他组织", "其他"];
        foreach (var (index, parts) in rows.Take(block + 1))
        {
            if (headings.Contains(parts.Key)) continue;
            if (ApplicationRows.Match(parts.Key) is { } code && (labels.Count == 0 || DisposalCategories.Get(code).Number > DisposalCategories.Get(labels[^1].Code).Number)) labels.Add((code, index));
        }

        if (labels.Count < 20 || numbers.Data.Count != labels.Count * ApplicantTypes.Count || numbers.Key.Length > 0 && ApplicationRows.Match(numbers.Key) is { } own && own != labels[^1].Code) return null;
        var values = numbers.Data.Select(d => CountCell.ReadCount(d)).ToList();
        if (values.Any(v => v is null)) return null;

        var n = labels.Count;
        var byRow = labels.Select((l, r) => (l.Code, Cells: Enumerable.Range(0, 7).Select(c => values[(r * 7) + c]).ToArray())).ToList();
        var byColumn = labels.Select((l, r) => (l.Code, Cells: Enumerable.Range(0, 7).Select(c => values[(c * n) + r]).ToArray())).ToList();
        var fits = new[] { byRow, byColumn }.Where(AddsUp).ToList();
        var found = new FoundRows();
        if (fits.Count == 0 || (fits.Count == 2 && !fits[0].Zip(fits[1]).All(x => x.First.Cells.SequenceEqual(x.Second.Cells))))
        {
            found.Scrambled = fits.Count == 0
                ? "表三的行名与数字在抽取时被分开，数字无论按行还是按列排回都不能使勾稽关系成立，无法确定对应关系"
                : "表三的行名与数字在抽取时被分开，数字按行或按列排回都能使勾稽关系成立，无法确定是哪一种";
            return found;
        }

        foreach (var (code, cells) in fits[0])
        {
            found.Rows[code] = new RowParts(code, cells.Select(v => v!.Value.ToString(CultureInfo.InvariantCulture)).ToArray());
        }

        found.Start = labels[0].Index;
        found.End = rows[block].Index;
        _findings.Add(Finding.Warning("table_reordered",
            $"表三的行名与数字在抽取时被分开（先列出全部行名，再列出全部数字），数字{(fits[0] == byColumn ? "按列" : "按行")}排回后各项勾稽关系均成立，已据此读取。Table 三's labels and numbers were extracted apart; its numbers read {(fits[0] == byColumn ? "column by column" : "row by row")} make every rule hold."));
        return found;
    }

    // Every row adds up across, and the columns balance and total, as the template states.
    private static bool AddsUp(List<(string Code, int?[] Cells)> table)
    {
        var rows = table.ToDictionary(t => t.Code, t => t.Cells);
        if (rows.Values.Any(r => r.Take(6).Sum() != r[6])) return false;
        if (!rows.TryGetValue("new_received", out var nr) || !rows.TryGetValue("carried_over", out var co)
            || !rows.TryGetValue("total_processed", out var tp) || !rows.TryGetValue("carried_forward", out var cf)) return false;
        for (var c = 0; c < 7; c++)
        {
            if (nr[c] + co[c] != tp[c] + cf[c]) return false;
            if (rows.Where(kv => DisposalCategories.Get(kv.Key).Number is >= 3 and <= 23).Sum(kv => kv.Value[c]) != tp[c]) return false;
        }

        return true;
    }

    /// <summary>
    /// Text extracted without layout (pdftotext without -layout, some copy tools) can give a
    /// table's labels in one run and its numbers in another, in an order that is not the table's.
    /// Rows whose labels come out of the template's order, rows named twice, and many numbers
    /// without a label say so; such a table is not read at all rather than read wrong.
    /// </summary>
    private const string CutColumns = "表三各行都只有 ";

    private static string? Scrambled(List<PrintedRow> printed)
    {
        int backwards = 0, unlabelled = 0, oddSizes = 0, named = 0, last = 0, short_ = 0, strays = 0;
        var sizes = new Dictionary<int, int>();
        foreach (var p in printed)
        {
            if (p.Code is null)
            {
                // A label of dashes and slashes ("-", "//") is a cell of a row whose own label is elsewhere.
                if (p.Apart) continue;
                if (p.Group is null && !p.Parts.Label.Any(char.IsLetter)) unlabelled++;
                // A label of no row of the template ("请数量", "务信息") with numbers: a piece of some label.
                else if (p.Group is null && p.Parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number)) strays++;
                continue;
            }

            var number = DisposalCategories.Get(p.Code).Number;
            if (named++ > 0 && number <= last) backwards++;
            last = number;
            // (Not a row whose numbers wrapped in their narrow cells, the ends after their cells or after the row, when so read it adds up.)
            if (p.Parts.Data.Count > ApplicantTypes.Count + 1 && Filled(p.Parts.Data) > ApplicantTypes.Count + 1 && WrappedReadings(p.Parts.Data).Readings.Count == 0) oddSizes++;
            // Fewer numbers than cells, and too few digits to be cells run together ("0 0 0").
            else if (p.Parts.HasData && p.Parts.Data.Count < ApplicantTypes.Count && !RunsTogether(p.Parts)) short_++;
            if (p.Parts.HasData && !RunsTogether(p.Parts)) sizes[p.Parts.Data.Count] = sizes.GetValueOrDefault(p.Parts.Data.Count) + 1;
        }

        // Every row as short as every other ("23  0  0  0  0" for seven cells): the table's right-hand columns were not
        // printed or not extracted (WeasyPrint's print of a table wider than its page, through pdftotext -layout).
        if (named >= MinimumRows && sizes.Count > 0 && sizes.MaxBy(s => s.Value) is { Key: >= 2 and < ApplicantTypes.Count } most
            && most.Value * 5 >= named * 4)
        {
            return $"{CutColumns}{most.Key} 个数（应为 7 个）：右侧 {ApplicantTypes.Count - most.Key} 列没有印出或在抽取时丢失（如表格比纸面宽），无法确定各数所在的列";
        }

        if (backwards + oddSizes >= 3 || (unlabelled >= 3 && unlabelled * 2 >= named))
        {
            return $"表三的行名与数字在抽取时被打乱（{backwards} 行次序颠倒，{unlabelled} 组数字没有行名，{oddSizes} 行数字个数不对），无法确定对应关系";
        }

        // Text that a browser's print gave without layout: the labels come in pieces among the
        // numbers, a few numbers beside each; most rows short, the rest beside no row's label.
        // (Not rows that are only short, each beside its own label in the template's order: their blank or lost cells left
        // no trace, and each such row is unknown on its own, with its reason, while whole rows are read.)
        if (short_ + strays >= 6 && (short_ + strays) * 2 >= named && (strays > 0 || backwards > 0 || unlabelled > 0))
        {
            return $"表三的行名与数字在抽取时被打乱（{short_} 行数字不足 7 个，{strays} 组数字旁是残缺的行名），无法确定对应关系";
        }

        return null;
    }

    // Most labels of the table under its heading without a number beside them: the extractor put
    // the numbers elsewhere (text without layout), and the few rows that have numbers beside them
    // may hold another row's. The table is refused with that reason; the rest of the report is read.
    private string? Unplaced(List<(int Index, RowParts Parts)> rows, List<PrintedRow> printed)
    {
        if (_sections.Start(3) is null) return null;
        // (A pipe row whose label the converter set apart counts: its order places it.)
        var beside = printed.Select(p => p.Code).OfType<string>().Distinct().Count() + printed.Count(p => p.Apart);
        // No more rows are named than there are rows: most tables end here, without matching the labels again.
        if (beside * 2 >= rows.Count) return null;
        var named = rows.Select(r => ApplicationRows.Match(r.Parts.Key)).OfType<string>().Distinct().Count();
        if (named < MinimumRows || beside * 2 >= named) return null;
        return beside == 0
            ? "表三只印出了行名，其中没有一个数字（表格为空，或抽取时未保留版式、数字被排到了别处）"
            : $"表三的 {named} 个行名中只有 {beside} 个旁边有数字（抽取时未保留版式，数字被排到了别处），无法确定对应关系";
    }

    // Cells between the first and the last that hold something: a grid row may carry empty
    // columns of a merged label before its numbers.
    private static int Filled(IReadOnlyList<string> data)
    {
        int first = 0, last = data.Count - 1;
        while (first <= last && CountCell.Classify(data[first]) == CellKind.Empty) first++;
        while (last >= first && CountCell.Classify(data[last]) == CellKind.Empty) last--;
        return last - first + 1;
    }

    /// <summary>
    /// Whether the document runs table cells together, as its table 三 shows: true when more of the
    /// rows with numbers came in at most three pieces holding digits enough for the seven cells
    /// ("21710000218", "500000 5") than came in seven cells of their own; false when fewer, or when
    /// table 三 has no row with numbers. A row short of one or two cells ("12 30 5 8 40 95", a blank
    /// cell lost in a print without rules) is evidence of neither.
    /// </summary>
    private static bool CellsRunTogether(IEnumerable<RowParts> rows)
    {
        int together = 0, apart = 0;
        foreach (var parts in rows)
        {
            if (!parts.HasData) continue;
            var filled = Filled(parts.Data);
            if (filled >= ApplicantTypes.Count) apart++;
            else if (filled <= 3 && RunsTogether(parts)) together++;
        }

        return together > apart;
    }

    // Whether a row of table 三, laid out by its gaps, holds seven cells with a blank among them: the table's zeros are
    // typed as nothing, and BlankCells put its blank cells back (a row of such a table may be all blank: a label alone).
    private static bool ZerosLeftBlank(IEnumerable<RowParts> rows) =>
        rows.Any(p => !p.Exact && p.Data.Count == ApplicantTypes.Count && p.Data.Any(IsEmpty));

    /// <summary>
    /// Whether blank cells may have vanished from table 三's rows whose cells ran together (<see cref="Glued"/>): a tool that runs a
    /// table's cells together (html-to-text, a crawler's textContent) leaves nothing of an empty cell, so
    /// "033295976" may be 0, 33, 29, 5, blank, 9, 76. The document shows it when such a row holds a zero written
    /// as a mark ("13415160/-291": its zeros are not all written 0, so a blank is as likely), or reads as seven
    /// cells that add up only with a cell vanished ("1100714 32": 11, 0, 0, 7, 14, blank, 32). Text whose run-together
    /// rows hold digits only, each reading without a vanished cell (real/pingtan-2021.txt), is read as before.
    /// </summary>
    private static bool CellsVanish(IEnumerable<RowParts> rows)
    {
        foreach (var parts in rows)
        {
            if (!parts.HasData || !Glued(parts)) continue;
            var pieces = DigitSplitter.Pieces(parts.Data, cell => CountCell.ReadCount(cell), counts: true);
            if (!pieces.Any(p => p.IsRun) || pieces.Any(p => !p.IsRun && p.Value is null)) continue;
            if (parts.Data.Any(d => !d.Any(StreamRows.IsDigit) && CountCell.ReadCount(d) == 0)) return true;
            if (DigitSplitter.Split(pieces, [ApplicantTypes.Count], lastIsTotal: true, limit: 1).Readings.Count == 0
                && DigitSplitter.Split(pieces, [ApplicantTypes.Count], lastIsTotal: true, limit: 1, blanks: ApplicantTypes.TotalIndex).Readings.Count > 0) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether table 三 leaves a 总计 blank beside applicants not all zero in a row of seven cells, as printed or as a
    /// converter's padding certainly leaves them (the Shanghai form, or a report that does not add up): then a row printed with more may be read with its total
    /// left blank as well, not only as the seven that adds up as printed.
    /// </summary>
    private static bool TotalsLeftBlank(IEnumerable<RowParts> rows) =>
        rows.Any(p => Seven(p.Data) is { } seven && IsEmpty(seven[^1])
            && seven.Take(ApplicantTypes.Count - 1).Any(d => CountCell.ReadCount(d) is > 0));

    // A row's seven cells: as printed, or those a row printed with more certainly has (a converter pads each row at its end:
    // "| 747 | 86 | 156 | 121 | 28 | 311 |  |  |  |"); null when they cannot be told.
    private static IReadOnlyList<string>? Seven(IReadOnlyList<string> data)
    {
        if (data.Count == ApplicantTypes.Count) return data;
        if (data.Count < ApplicantTypes.Count) return null;
        var (first, count, decided) = Window(data, totalsLeftBlank: false);
        return decided && count == ApplicantTypes.Count ? data.Skip(first).Take(count).ToList() : null;
    }

    // A row whose cells certainly ran together: digits for seven cells in three pieces at most ("640020470",
    // "1100714 32"), or a run of digits that starts with 0 ("00/336"). Six pieces for seven cells are a row short of
    // a cell (a blank lost one to a line), no sign of cells run together.
    private static bool Glued(RowParts parts)
    {
        if (parts.Data.Count >= ApplicantTypes.Count) return false;
        var (digits, zeroLed) = DigitsOf(parts.Data);
        return zeroLed || (Filled(parts.Data) <= 3 && digits >= ApplicantTypes.Count);
    }

    // How many digits a row's cells hold, and whether one is a run of digits that starts with 0 ("00": two cells at least).
    private static (int Digits, bool ZeroLed) DigitsOf(IReadOnlyList<string> data)
    {
        var digits = 0;
        var zeroLed = false;
        foreach (var d in data)
        {
            foreach (var c in d) digits += c is >= '0' and <= '9' ? 1 : 0;
            zeroLed |= d.Length > 1 && d[0] == '0' && d.All(char.IsAsciiDigit);
        }

        return (digits, zeroLed);
    }

    // A row printed with fewer cells than its digits can hold: its cells lost their boundaries. So has a row with a
    // run of digits that starts with 0 ("00/336": no number is written so; two cells, blanks among them vanished).
    private static bool RunsTogether(RowParts parts)
    {
        if (Filled(parts.Data) >= ApplicantTypes.Count) return false;
        var (digits, zeroLed) = DigitsOf(parts.Data);
        return digits >= ApplicantTypes.Count || zeroLed;
    }

    private static string Preview(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Preview(IReadOnlyList<string> data) => Preview(string.Join(" ", data));

    // "1 2 3 4 5 6 7": the column numbers some tables print under their headings.
    private static bool IsColumnNumbering(RowParts parts) =>
        parts.Data.Count >= 6 && parts.Data.Select((d, i) => CountCell.ReadCount(d) == i + 1).All(x => x);

    /// <summary>
    /// The rows of a table region as label and cells: table rows as they are, and paragraphs (text
    /// that lost its table structure) read as a stream of labels and numbers.
    /// </summary>
    /// <param name="reshape">Rewrites a line of text, given the next line (null when a table row or nothing follows).</param>
    private List<(int Index, RowParts Parts)> CollectRows(int from, int to, Func<string, string?, string>? reshape = null, bool columnsEndRow = false)
    {
        var rows = new List<(int Index, RowParts Parts)>(Math.Max(0, to - from));
        // Text with one number per line ("二、上年结转…\n0\n0\n…"): the numbers join the row above.
        // With columnsEndRow (table 二, whose cells no rule ties), a row whose own line holds two numbers
        // or more ("行政许可         396               278", pdftotext -layout; or "行政许可 396 278", its
        // gaps typed as one ideographic space or a tab) takes none: a number alone on the next line
        // stands in some row's empty column (set higher or lower than its row), not after this row's
        // last cell, and once the columns are lost which row's cannot be told. Table 三's wrapped and
        // cut numbers below their row ("1,36" over "5件") do join it: its sums check each reading.
        var joinable = false;
        var whole = false;
        for (var i = from; i < to; i++)
        {
            switch (_blocks[i])
            {
                case TableRow row:
                    if (!_gridExact && !columnsEndRow && TailBeforeNumbering(row.Cells) is { } tail)
                    {
                        rows.Add((i, new RowParts(tail, [], tail)));
                        rows.Add((i, RowParts.Split(row.Cells.Skip(TailCells(row.Cells)).ToArray(), row.Exact)));
                    }
                    else
                    {
                        rows.Add((i, RowParts.Split(row.Cells, _gridExact || row.Exact)));
                    }

                    joinable = false;
                    break;
                case Paragraph p when i > from || !Sections.IsHeading(p):
                    var text = reshape is null ? p.Text : reshape(p.Text, i + 1 < to && _blocks[i + 1] is Paragraph following ? following.Text : null);
                    if (text.Length == 0) break;
                    // A zero mark alone on its line in a table is a cell, not a label: text in the order the PDF draws it (pdftotext -raw)
                    // sets each cell of a table with narrow columns on a line of its own ("（七）总计" / "-" / "0" / "/" …), after a
                    // row's numbers or before more.
                    var lone = text.Trim();
                    // So is a zero written as a word, 零 (or 〇, 无), as Word reports type it.
                    var mark = (lone.Length is 1 or 2 && lone.All(c => c is '-' or '—' or '－' or '–' or '―' or '/' or '／' or '零' or '〇' or '无') && CountCell.Classify(lone) == CellKind.Number)
                        // And so is Word's prompt in an empty content control, an empty cell (mammoth's text of a Word report).
                        || (lone.Length >= 8 && CountCell.IsPrompt(lone));
                    // (Not a piece of a heading: "本年增" / "/" / "减" is 本年增/减.)
                    // So is a mark alone after a row's label alone, text with a cell to a line: "行政处罚" / "-" / "行政强制" / "56"
                    // (the label names a row of the table, so the mark is not a piece of a heading).
                    mark &= rows.Count > 0 && (rows[^1].Parts.HasData || (i + 1 < to && _blocks[i + 1] is Paragraph next && next.Text.Trim() is { Length: > 0 } after
                        && (char.IsAsciiDigit(after[0]) || CountCell.Classify(after) == CellKind.Number))
                        || (rows[^1].Parts is { HasData: false, Key.Length: > 0 } named && (columnsEndRow ? MatchActiveItem(named.Key) : ApplicationRows.Match(named.Key)) is not null));
                    // A unit alone on its line after a row's numbers ends its last cell, in the same order ("3994" / "件" / "1,227 35 件 …").
                    if (lone.Length == 1 && "件条个项次".Contains(lone[0], StringComparison.Ordinal) && rows.Count > 0 && rows[^1].Parts is { HasData: true } before
                        && CountCell.Classify(before.Data[^1]) == CellKind.Number && before.Data[^1].Trim().All(c => char.IsAsciiDigit(c) || c == ','))
                    {
                        rows[^1] = (rows[^1].Index, before with { Data = [.. before.Data.SkipLast(1), before.Data[^1].Trim() + lone] });
                        break;
                    }

                    foreach (var parts in mark ? [new RowParts("", [lone], "")] : columnsEndRow ? StreamRows.Read(text) : StreamRows.Read(text).SelectMany(LabelsRunTogether))
                    {
                        // Not onto a row of table 三 whose own line holds its seven cells, and they add up: a line of numbers
                        // after it is another row's, set a line higher than that row's label ("1,198" over "（七）总计  2,460 …").
                        // Nor a line of seven that add up onto seven that add up: two rows, whichever labels they take
                        // (WeasyPrint's print: a row's numbers after its label, then the next row's at a page's foot).
                        if (joinable && parts.Label.Length == 0 && parts.HasData && rows.Count > 0 && rows[^1].Parts.HasData
                            && !(whole && AddsUp(rows[^1].Parts.Data) is true) && !(TwoWholeRows(rows[^1].Parts.Data, parts.Data) && !columnsEndRow))
                        {
                            var last = rows[^1];
                            rows[^1] = (last.Index, last.Parts with { Data = [.. last.Parts.Data, .. parts.Data], Swaps = [.. last.Parts.Swaps, .. parts.Swaps.Select(s => s + last.Parts.Data.Count)] });
                            continue;
                        }

                        rows.Add((i, parts));
                        joinable = !columnsEndRow || parts.Data.Count <= 1;
                        whole = !columnsEndRow && parts.Label.Length > 0 && parts.Data.Count == ApplicantTypes.Count;
                    }

                    break;
            }
        }

        return rows;
    }

    /// <summary>
    /// A row of table 三 in text whose cells ran together, its label holding the labels of rows before it in the template's
    /// order: rows whose cells are all blank leave their labels and no digit ("5.要求行政机关确认或重新出具已获取信息（六）其他处理
    /// （七）总计7673521805", a crawler's text of a page that leaves its zeros blank). The numbers are the last row's; each row
    /// before it is its label alone, with no numbers. A group's heading stays with the row after it ("（三）不予公开1.属于国家秘密").
    /// The row that takes the numbers may be a group printed as one row, or the next row's label misprinted. The row as it is
    /// when its label names one row, or rows out of the template's order.
    /// </summary>
    private static IEnumerable<RowParts> LabelsRunTogether(RowParts parts)
    {
        if (!parts.HasData || parts.Exact || parts.Label.Length < 8) return [parts];
        var cuts = RowStart().Matches(parts.Label).Select(m => m.Index).Where(i => i > 0).Prepend(0).Append(parts.Label.Length).ToList();
        if (cuts.Count < 3) return [parts];
        var pieces = new List<(string Label, string? Code)>();
        var heading = "";
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var piece = parts.Label[cuts[k]..cuts[k + 1]];
            var key = Text.TextKey.Of(piece);
            if (ApplicationRows.Match(key) is { } code)
            {
                pieces.Add((heading + piece, code));
                heading = "";
            }
            else if (k + 2 < cuts.Count && ApplicationRows.GroupOnly(key) is not null && ApplicationRows.Match(Text.TextKey.Of(parts.Label[cuts[k + 1]..cuts[k + 2]])) is { } next
                && DisposalCategories.Get(next).Group == ApplicationRows.GroupOnly(key))
            {
                // A group's heading before its first row.
                heading += piece;
            }
            else
            {
                pieces.Add((heading + piece, null));
                heading = "";
            }
        }

        if (heading.Length > 0 || pieces.Count < 2 || pieces.SkipLast(1).All(p => p.Code is null)) return [parts];
        var numbers = pieces.Where(p => p.Code is not null).Select(p => DisposalCategories.Get(p.Code!).Number).ToList();
        if (numbers.Zip(numbers.Skip(1)).Any(n => n.Second <= n.First)) return [parts];

        // The row that takes the numbers may be a group printed as one row ("（六）其他处理0-000"), or a row whose label is
        // misprinted ("3.要求提供开出版物"): the row after the last blank one, alike enough, placed as any misprinted label is.
        if (pieces[^1].Code is null)
        {
            var before = DisposalCategories.Get(pieces.Last(p => p.Code is not null).Code!).Number;
            var key = Text.TextKey.Of(pieces[^1].Label);
            var group = ApplicationRows.GroupOnly(key);
            var next = DisposalCategories.All.FirstOrDefault(c => c.Number == before + 1);
            var follows = group is not null
                ? DisposalCategories.All.Where(c => c.Group == group).Min(c => c.Number) > before
                : next is not null && ApplicationRows.Similarity(next.Code, key) >= 0.5;
            if (!follows) return [parts];
        }
        return pieces.Select((p, k) => k == pieces.Count - 1 ? parts with { Label = p.Label, LastLabel = p.Label } : new RowParts(p.Label, p.Code is null ? [] : Enumerable.Repeat("", ApplicantTypes.Count).ToArray(), p.Label) { Blank = p.Code is not null, Exact = p.Code is not null });
    }

    // Where a row's label starts inside a run of labels: its numbering, "（七）", "2.", "四、".
    [System.Text.RegularExpressions.GeneratedRegex(@"[（(]\s*[一二三四五六七]\s*[）)]|(?<![\d.．])[1-8]\s*[.．、](?=\s*\p{IsCJKUnifiedIdeographs})|(?<![\p{IsCJKUnifiedIdeographs}])[一二三四]\s*、")]
    private static partial System.Text.RegularExpressions.Regex RowStart();

    /// <summary>
    /// The row a line of numbers without a label belongs to when a page break set its label after it: the numbers
    /// at the foot of one page, the whole label, numbering first, at the head of the next ("0 0 0 0 0 0 0" after
    /// "2.没有现成信息需要另行制作" and its numbers; "3.补正后申请内容" / "仍不明确" on the next page, then
    /// "1.信访举报投诉类申请  0 0 …": WeasyPrint, whose cells hold their text at the top). Taken only when
    /// nothing above the numbers starts a row (the lines there end the row above, which has its numbers), the
    /// lines below hold labels only, the first of them starting a row, up to a line that starts another row (its
    /// numbers beside it or below it: "1.信访举报投诉类" / "0 0 …" / "申请" in pdftotext -layout). Then the lines below are the only label the numbers can
    /// have: the row above has its own, and the row below would have none. Otherwise null.
    /// </summary>
    private static string? LabelBelow(RowParts parts, List<RowParts> above, List<(int Index, RowParts Parts)> rows, int at)
    {
        if (parts.Key.Length > 0 || parts.Data.Count != ApplicantTypes.Count || above.Exists(l => StartsRow(l.Label))) return null;
        var label = new System.Text.StringBuilder();
        for (var k = at + 1; k < rows.Count; k++)
        {
            var line = rows[k].Parts;
            if (line.HasData)
            {
                if (label.Length == 0 || !StartsRow(line.Label) || Text.RowNumbering.IsAlone(line.Label)) return null;
                return ApplicationRows.Match(label.ToString());
            }

            // Another row's label starting before any numbers came: the label gathered has none of its own below.
            if (label.Length > 0 && StartsRow(line.Label)) return ApplicationRows.Match(label.ToString());
            if (label.Length == 0 && !StartsRow(line.Label)) return null;
            label.Append(line.Key);
        }

        return null;
    }

    /// <summary>
    /// The row a line of numbers without a label belongs to when the next row's label has begun above it and goes on,
    /// with its own numbers, on the line below: "1.本机关不掌握" / "相关政府信息" / "（四）2.没有现成信息" / "37 0 0 0 0 0 37" /
    /// "无法提需要另行制作 0 0 0 0 0 0 0" (a browser's print, real pingtan-2022-chrome-layout.txt, the numbers of a row whose label
    /// wraps set below the next label's first line). The numbers cannot be 2.'s, which has its own beside its label's
    /// end: they are the row's above, whose label has none. Taken when both labels name rows, different ones; otherwise null.
    /// The label passed may be misprinted ("7.属于" / "和政执法" / "案卷" / "8.属于" / numbers / "行政查询" / "事项  0 0 …"): it
    /// is then the template's row before the next label's when it carries that row's numbering and is like its label, with
    /// the misprint's warning added to <paramref name="findings"/>.
    /// </summary>
    private static string? LabelAbovePassed(RowParts parts, List<RowParts> above, List<(int Index, RowParts Parts)> rows, int at, List<Finding> findings)
    {
        if (parts.Key.Length > 0 || parts.Data.Count != ApplicantTypes.Count) return null;
        // The next label goes on below the numbers, over lines of its own in a narrow column ("5.属于" / numbers / "三类内部" /
        // "事务信息  0 0 …"), up to its line with numbers.
        var goesOn = new System.Text.StringBuilder();
        var k = at + 1;
        for (; k < rows.Count && !rows[k].Parts.HasData && k - at <= MaxLooseLabels; k++)
        {
            if (StartsRow(rows[k].Parts.Label) || Text.RowNumbering.IsAlone(rows[k].Parts.Label)) return null;
            goesOn.Append(rows[k].Parts.Key);
        }

        if (k >= rows.Count) return null;
        var next = rows[k].Parts;
        // (Its last line may hold only a closing quote or bracket: "3.危及“三" / numbers / "安全一稳定" / "”  -  0 …".)
        if (!next.HasData || (next.Key.Length == 0 && (goesOn.Length == 0 || next.Label.Trim().Length == 0)) || StartsRow(next.Label) || Text.RowNumbering.IsAlone(next.Label)) return null;
        var started = above.FindLastIndex(l => StartsRow(l.Label));
        if (started <= 0) return null;
        var earlier = above.FindLastIndex(started - 1, l => StartsRow(l.Label));
        if (earlier < 0) return null;
        var own = ApplicationRows.Match(string.Concat(above.Skip(started).Select(l => l.Key)) + goesOn + next.Key);
        var passedKey = string.Concat(above.Skip(earlier).Take(started - earlier).Select(l => l.Key));
        var passed = ApplicationRows.Match(passedKey);
        if (own is not null && passed is null && MisprintedBefore(own, passedKey) is { } before)
        {
            passed = before.Code;
            findings.Add(Misprinted(string.Concat(above.Skip(earlier).Take(started - earlier).Select(l => l.Label.Trim())), before));
        }

        return own is not null && passed is not null && own != passed ? passed : null;
    }

    // The template's row just before `code` in its group, when `key` (a printed label that names no row) opens with that row's
    // numbering ("7.") and holds most of its words in order: a character or two misprinted or dropped.
    private static DisposalCategory? MisprintedBefore(string code, string key)
    {
        var at = DisposalCategories.All.ToList().FindIndex(c => c.Code == code);
        if (at <= 0) return null;
        var before = DisposalCategories.All[at - 1];
        if (before.Group != DisposalCategories.Get(code).Group || before.Label.Length < 2 || !char.IsAsciiDigit(before.Label[0])) return null;
        var opens = key.Length > 2 && key[0] == before.Label[0] && !char.IsAsciiDigit(key[1]);
        return opens && ApplicationRows.Similarity(before.Code, key) >= MisprintAlike ? before : null;
    }

    // How alike a misprinted label must be to the template's to be taken for it beside its numbering: one character in
    // five may be dropped or wrong.
    private const double MisprintAlike = 0.8;

    // Lines of one label wrapped in its cell that wait for its numbers: a column four characters wide sets
    // （二）部分公开（区分处理的，只计这一情形，不计其他情形） over seven lines, and 1.申请人无正当理由逾期不补正、行政机关不再处理其
    // 政府信息公开申请 over nine, which a browser's print may follow with the next label's first line before the numbers
    // (LabelAbovePassed).
    private const int MaxLooseLabels = 12;

    private static bool TwoWholeRows(IReadOnlyList<string> above, IReadOnlyList<string> below) =>
        above.Count == ApplicantTypes.Count && below.Count == ApplicantTypes.Count && AddsUp(above) is true && AddsUp(below) is true;

    // A label wrapped over lines: joined with the label-only lines above or below it. The join
    // must name the row with words of this row's own line (a line of numbers alone takes its
    // label from the lines above), never with the next row's label below it.
    private static string? MatchWrapped(RowParts parts, List<RowParts> before, List<(int Index, RowParts Parts)> rows, int at)
    {
        // Lines below continue this label unless they start another row ("（二）部分公开…", "2.重复申请");
        // a label column three characters wide wraps a label over five lines ("三、补" over "正后申",
        // "请内容", "仍不明", "确"), nearest lines tried first.
        // A line over a numbering alone ("申请人逾期未按收费通知要求缴" over "2.") starts the next row too:
        // its numbering was set below it.
        IEnumerable<RowParts> Below()
        {
            for (var k = at + 1; k < rows.Count; k++)
            {
                var line = rows[k].Parts;
                if (line.HasData || StartsRow(line.Label)) yield break;
                if (k + 1 < rows.Count && !rows[k + 1].Parts.HasData && Text.RowNumbering.IsAlone(rows[k + 1].Parts.Label)) yield break;
                yield return line;
            }
        }

        var after = Below().Take(4).Select(x => x.Key).ToList();
        // Label lines above that come before a line starting a row are the tail of the row above.
        var start = before.FindLastIndex(b => StartsRow(b.Label));
        // A numbering alone on its line ("1.") that pdftotext set below its label's first line, in
        // another font on another baseline: the line above it starts the row.
        if (start > 0 && Text.RowNumbering.IsAlone(before[start].Label) && !StartsRow(before[start - 1].Label)) start--;
        var previous = before.Skip(Math.Max(0, start)).Select(b => b.Key).ToList();
        // That numbering opens the label: "保护第三" / "4." / "方合法权益  0 0 …" is 4.保护第三方合法权益.
        if (start >= 0 && start + 1 < before.Count && Text.RowNumbering.IsAlone(before[start + 1].Label) && !StartsRow(before[start].Label))
        {
            (previous[0], previous[1]) = (previous[1], previous[0]);
        }

        // A row whose own line opens with its numbering ("（五）不予处  0 0 …" over "理") starts there: the lines
        // above are the row before's ("…仍不明" / "确"), and read with them it took that row's name.
        if (StartsRow(parts.Label) && !Text.RowNumbering.IsAlone(parts.Label)) previous = [];
        var candidates = new List<(string Text, int From, int To)>();
        var key = parts.Key;
        void Around(List<string> above, List<string> below)
        {
            // A row of numbers without a label takes its label from the lines above, not from below.
            for (var n = 1; n <= (key.Length == 0 ? 0 : below.Count); n++)
            {
                var text = key + string.Concat(below.Take(n));
                candidates.Add((text, 0, text.Length));
            }

            for (var n = 1; n <= above.Count; n++)
            {
                var prefix = string.Concat(above.Skip(above.Count - n));
                var own = key.Length == 0 ? (0, prefix.Length) : (prefix.Length, prefix.Length + key.Length);
                candidates.Add((prefix + key, own.Item1, own.Item2));
                // A label centred on its numbers: part above, part below ("三、补正后申请内容" / numbers / "仍不明确").
                var whole = prefix + key + string.Concat(below);
                candidates.Add((whole, own.Item1, key.Length == 0 ? whole.Length : own.Item2));
            }
        }

        Around(previous, after);
        // A line holding only a piece of a merged label at the left (pdftotext -layout: "年度办" between
        // "3.补正后申请内容仍" and its numbers) is no part of the row's label: read also without it.
        if (previous.Any(OuterLabels.IsPiece) || after.Any(OuterLabels.IsPiece))
        {
            var afterBare = Below().Where(x => !OuterLabels.IsPiece(x.Key)).Take(4).Select(x => x.Key).ToList();
            Around(previous.Where(p => !OuterLabels.IsPiece(p)).ToList(), afterBare);
        }

        // A row cut by a page break: the reason's cell continues below, beside its group's label.
        var nextLast = rows.Skip(at + 1).TakeWhile(x => !x.Parts.HasData).Take(2).Select(x => x.Parts.LastKey).ToList();
        if (nextLast.Count > 0) candidates.Add((parts.LastKey + string.Concat(nextLast), 0, parts.LastKey.Length));
        if (before.Count > 0) candidates.Add((before[^1].LastKey + parts.LastKey, before[^1].LastKey.Length, before[^1].LastKey.Length + parts.LastKey.Length));

        foreach (var (text, from, to) in candidates)
        {
            if (ApplicationRows.Match(text, from, to) is { } code) return code;
        }

        // The row's own words may be only the middle of its wrapped label ("计其他情形）" under
        // "（二）部分公开（区分处理的，只计这一情形，不"): when the lines above start a row, they name it,
        // provided the own words are words of that row's label.
        // Only the row's own lines are read so: a candidate that runs on into the next row's label
        // ("…政府信息公开申请" + "2.申请人逾期未按收费通知…") would name the next row by words the two share.
        if (start >= 0 && key.Length >= 3)
        {
            foreach (var (text, _, to) in candidates)
            {
                if (to == text.Length && ApplicationRows.Match(text) is { } code && ApplicationRows.HoldsWords(code, key)) return code;
            }
        }

        return null;
    }

    private static bool StartsRow(string label) => Text.RowNumbering.StartsRow(label);

    // A row of a markdown pipe table (text whose grid a converter wrote), not a line of text.
    private bool IsPipeRow(int index) => _doc.Layout == Text.PlainTextLayout.TabRows && _blocks[index] is TableRow { Exact: true };

    // Whether rows without numbers right above rows[at] (since the last row with numbers) hold a row of a pipe table:
    // a label the grid itself holds, over its numbers.
    private bool LabelRowsOfPipeAbove(List<(int Index, RowParts Parts)> rows, int at)
    {
        for (var k = at - 1; k >= 0 && !rows[k].Parts.HasData; k--)
        {
            if (IsPipeRow(rows[k].Index)) return true;
        }

        return false;
    }

    /// <summary>
    /// The end of the row above's label that opens a row of text before its own numbered label, or null: a row cut by a
    /// page break goes on after the table's repeated heading ("2.申请人逾期未按收" / numbers / heading / "费通知要求缴纳费" /
    /// "用、行政机关不再处" / "理其政府信息公开申" / "请" / "3.其他" / numbers, as mutool gives a Word PDF), and read as one
    /// label the pieces named the row above. The pieces must hold words of a reason of the template, and the numbered
    /// label must have words of its own (a numbering alone may be set below its label's first line).
    /// </summary>
    private static string? TailBeforeNumbering(IReadOnlyList<string> cells)
    {
        var at = TailCells(cells);
        if (at <= 0) return null;
        var tail = string.Concat(cells.Take(at).Select(c => c.Trim()));
        var key = Text.TextKey.Of(tail);
        if (key.Length < 4 || StartsRow(cells[0]) || OuterLabels.IsPiece(key)) return null;
        return Warehouse.Core.DisposalCategories.All.Any(c => ApplicationRows.HoldsWords(c.Code, key)) ? tail : null;
    }

    // The number of label cells before a later label cell that starts a row with words of its own, or 0.
    private static int TailCells(IReadOnlyList<string> cells)
    {
        for (var k = 1; k < cells.Count; k++)
        {
            var kind = CountCell.Classify(cells[k]);
            if (kind == CellKind.Number) return 0;
            if (kind == CellKind.Label && StartsRow(cells[k]) && !Text.RowNumbering.IsAlone(cells[k])) return cells.Take(k).All(c => CountCell.Classify(c) == CellKind.Label) ? k : 0;
        }

        return 0;
    }

    /// <summary>
    /// Rows whose label names no row of the template (a misprint, "2.其他法律行政止公开"; a label lost
    /// or cut) take the template rows missing between their neighbours, in order, when their
    /// labels are like those rows' or they have none; each placement is a warning that says so.
    /// </summary>
    private void PlaceByOrder(List<PrintedRow> printed)
    {
        if (printed.TrueForAll(p => p.Code is not null || p.Group is not null)) return;
        var taken = printed.Where(p => p.Code is not null).Select(p => p.Code!).ToHashSet();
        var i = 0;
        while (i < printed.Count)
        {
            if (printed[i].Code is not null || printed[i].Group is not null)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < printed.Count && printed[i].Code is null && printed[i].Group is null) i++;
            // Rows with no number at all (headings a grid repeats in every cell) are not rows of data; but a row of a real grid
            // whose cells are all blank and whose label starts as a row's does ("| 3.危及“三安全稳定” |  |  | … |") is a row of zeros,
            // as is a row of text whose seven columns were all seen blank (BlankCells: "2.其他法律行政止公开" alone, its zeros left blank).
            var gap = printed.GetRange(start, i - start).Where(p => !IsColumnNumbering(p.Parts)
                && (p.Parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number)
                    || ((p.Parts.Exact || p.Parts.Data.Count == ApplicantTypes.Count) && p.Parts.AllBlank && StartsRow(p.Parts.Label)))).ToList();
            var before = printed.Take(start).LastOrDefault(p => p.Code is not null)?.Code;
            var after = printed.Skip(i).FirstOrDefault(p => p.Code is not null)?.Code;
            var low = before is null ? 0 : DisposalCategories.Get(before).Number;
            var high = after is null ? DisposalCategories.All.Count + 1 : DisposalCategories.Get(after).Number;
            // A group printed as one row right beside the gap, none of its reasons printed, bounds it too: its reasons stand on
            // that side. (Not a group's row among its reasons: a subtotal, or a reason's numbers on the group's line.)
            bool Collapsed(List<DisposalCategory> members) => members.Count > 0 && !members.Any(m => taken.Contains(m.Code));
            if (start > 0 && printed[start - 1] is { Code: null, Group: { } groupBefore } && Members(groupBefore) is var above && Collapsed(above))
            {
                low = Math.Max(low, above.Max(c => c.Number));
            }

            if (i < printed.Count && printed[i] is { Code: null, Group: { } groupAfter } && Members(groupAfter) is var below && Collapsed(below))
            {
                high = Math.Min(high, below.Min(c => c.Number));
            }

            // Groups printed as one row between the same neighbours stand for their reasons; not a group row beside
            // reasons of its own (a subtotal, or a reason's numbers set on the group's line: ReasonsUnderGroupRows).
            var from = start == 0 ? -1 : printed.FindLastIndex(start - 1, start, p => p.Code is not null);
            var to = printed.FindIndex(i, p => p.Code is not null);
            var groupsBetween = printed.Skip(from + 1).Take((to < 0 ? printed.Count : to) - from - 1)
                .Where(p => p.Group is not null && !DisposalCategories.All.Any(c => c.Group == p.Group && taken.Contains(c.Code))).Select(p => p.Group).ToHashSet();
            var missing = DisposalCategories.All.Where(c => c.Number > low && c.Number < high && !taken.Contains(c.Code) && !groupsBetween.Contains(c.Group)).ToList();
            foreach (var (row, category) in Align(gap, missing))
            {
                row.Code = category.Code;
                row.Placed = true;
                taken.Add(category.Code);
                _findings.Add(Misprinted((row.Shown ?? row.Parts.Label).Trim(), category));
            }
        }
    }

    private static List<DisposalCategory> Members(string group) => DisposalCategories.All.Where(c => c.Group == group).ToList();

    // The warning for a printed row taken as a template row by its place: its label is not the template's, or it has none.
    private static Finding Misprinted(string label, DisposalCategory category) => Finding.Warning("label_misprinted", label.Length == 0
        ? $"表三中有一行数字没有标签，按位置读作{CellNames.ApplicationRow(category.Code)}。A row of numbers without a label is read, by its place, as '{category.Label}'."
        : $"表三中的行「{Preview(label)}」与模板的行名不同，按位置和字形读作{CellNames.ApplicationRow(category.Code)}。The row '{Preview(label)}' is read as '{category.Label}' by its place in the table.");

    // Pairs printed rows with missing template rows in order: one to one when the counts agree and
    // every label is like its row (or absent); otherwise the pairing of the most alike labels.
    private static List<(PrintedRow Row, DisposalCategory Category)> Align(List<PrintedRow> rows, List<DisposalCategory> missing)
    {
        const double Alike = 0.4;
        var pairs = new List<(PrintedRow, DisposalCategory)>();
        if (rows.Count == 0 || missing.Count == 0) return pairs;
        double Score(PrintedRow r, DisposalCategory c) => r.Parts.Key.Length == 0 ? Alike : ApplicationRows.Similarity(c.Code, r.Parts.Key);

        // As many rows as the template lacks between the same neighbours: the order decides, even
        // when a label is torn beyond recognition by wrapping ("定”（三4.保 护第三）不").
        if (rows.Count == missing.Count)
        {
            return rows.Zip(missing).Select(x => (x.First, x.Second)).ToList();
        }

        // Order-preserving alignment maximising the likeness of labelled rows (a small dynamic programme).
        var n = rows.Count;
        var m = missing.Count;
        var best = new double[n + 1, m + 1];
        for (var a = n - 1; a >= 0; a--)
        {
            for (var b = m - 1; b >= 0; b--)
            {
                var pair = rows[a].Parts.Key.Length > 0 && Score(rows[a], missing[b]) >= 0.5 ? Score(rows[a], missing[b]) + best[a + 1, b + 1] : double.MinValue;
                best[a, b] = Math.Max(pair, Math.Max(best[a + 1, b], best[a, b + 1]));
            }
        }

        for (int a = 0, b = 0; a < n && b < m;)
        {
            var score = rows[a].Parts.Key.Length > 0 ? Score(rows[a], missing[b]) : 0;
            if (score >= 0.5 && Math.Abs(best[a, b] - (score + best[a + 1, b + 1])) < 1e-9)
            {
                pairs.Add((rows[a], missing[b]));
                a++;
                b++;
            }
            else if (Math.Abs(best[a, b] - best[a + 1, b]) < 1e-9) a++;
            else b++;
        }

        return pairs;
    }

    private void Record(FoundRows found, string code, RowParts parts, int index)
    {
        if (found.Rows.TryGetValue(code, out var first))
        {
            if (!first.Data.SequenceEqual(parts.Data) && _conflicting.Add(code))
            {
                _unknown.Add(code);
                // Two rows read as one row of the template, with different numbers: one of them is
                // some other row whose label was misread. Neither is taken.
                _findings.Add(new Finding("duplicate_row", Severity.Error,
                    $"{CellNames.ApplicationRow(code)}出现了两次且数字不同（「{Preview(first.Data)}」与「{Preview(parts.Data)}」），无法确定哪一行是，该行的值未知。Table 三 has the row '{DisposalCategories.Get(code).Label}' twice with different numbers; its values are unknown.", code));
                return;
            }

            if (_conflicting.Contains(code)) return;
            _findings.Add(new Finding("duplicate_row", Severity.Warning,
                $"{CellNames.ApplicationRow(code)}出现了两次，读取第一次。Table 三 has the row '{DisposalCategories.Get(code).Label}' twice; the first is read.", code));
            return;
        }

        found.Rows[code] = parts;
        if (found.Start < 0 || index < found.Start) found.Start = index;
        found.End = Math.Max(found.End, index);
    }

    private Template DecideTemplate(FoundRows applications, (int For2019, int For2021) activeEvidence, int? year)
    {
        var for2021 = activeEvidence.For2021 + (applications.Rows.ContainsKey("other_no_correction") || applications.Rows.ContainsKey("other_fee_unpaid") ? 2 : 0);
        var for2019 = activeEvidence.For2019;
        if (for2019 > 0 && for2021 > 0)
        {
            _findings.Add(Finding.Warning("template_mixed",
                $"表格混用了 2019 年和 2021 年两版模板，按 {(for2019 > for2021 ? "2019" : "2021")} 年版读取。The tables mix the 2019 and the 2021 template; read as the " + (for2019 > for2021 ? "2019" : "2021") + " template."));
        }

        if (for2019 == for2021)
        {
            // No table tells: the 2021 template applies from the reports for 2021 (国办公开办函〔2021〕30号).
            return year is < 2021 ? Template.Template2019 : Template.Template2021;
        }

        return for2019 > for2021 ? Template.Template2019 : Template.Template2021;
    }

    /// <summary>
    /// Text whose columns were misplaced in extraction (pdftotext -layout of a browser's print can set a row's numbers in
    /// another order than the columns': "488  286 101  508 2,505  1,037  85" for 488 1,037 286 101 85 508 2,505). Such a
    /// row fails its total as printed, yet one of its numbers is the sum of the other six: the total stands elsewhere,
    /// and so may any other column, in rows that add up as well. A report's own slip rarely looks so. When two rows or
    /// more of seven numbers do: (rows of seven numbers, rows so misplaced); otherwise null.
    /// </summary>
    private static (int Rows, int Misplaced)? ColumnsMisplaced(Dictionary<string, int?[]> chosen)
    {
        int rows = 0, misplaced = 0;
        foreach (var cells in chosen.Values)
        {
            if (cells.Length != ApplicantTypes.Count || cells.Any(v => v is null)) continue;
            rows++;
            var sum = cells.Sum(v => (long)v!.Value);
            if (cells.Take(ApplicantTypes.TotalIndex).Sum() == cells[ApplicantTypes.TotalIndex]) continue;
            // Some other number is the sum of the rest: twice it is the row's sum.
            if (cells.Take(ApplicantTypes.TotalIndex).Any(v => v > 0 && 2L * v!.Value == sum)) misplaced++;
        }

        return misplaced >= 2 ? (rows, misplaced) : null;
    }

    private ApplicationTable BuildApplicationTable(FoundRows found, Template template)
    {
        if (found.Scrambled is { } why)
        {
            // Rows short of numbers in a PDF laid out wider than its page: the columns past the edge
            // were not printed (LibreOffice printing a web page), which is the reason to give.
            _findings.Add(_doc.TextBeyondPage && (why.Contains("数字不足", StringComparison.Ordinal) || why.StartsWith(CutColumns, StringComparison.Ordinal))
                ? new Finding("table_scrambled", Severity.Error,
                    "表三的行缺少右侧的数：PDF 的版面比纸面宽，页边以外的列没有印出（如 LibreOffice 打印网页时），表三不予读取，请读原网页或原文档。" +
                    "Table 三's rows lack their right-hand numbers: the PDF's content is wider than its page and the columns past the edge were not printed (as when LibreOffice prints a web page); the table is not read. Read the original page or document.")
                : new Finding("table_scrambled", Severity.Error, why.StartsWith(CutColumns, StringComparison.Ordinal)
                    ? $"{why}，表三不予读取。Table 三's rows all hold fewer numbers than its seven columns: the columns on the right were not printed or were lost in extraction (a table wider than its page); the table is not read."
                    : $"{why}，表三不予读取。Table 三's labels and numbers come out of order (text extracted without layout); the table is not read."));
            return new ApplicationTable(DisposalCategories.For(template).ToDictionary(c => c.Code, _ => new int?[ApplicantTypes.Count]));
        }

        var readings = new Dictionary<string, List<int?[]>>();
        var splitRows = new Dictionary<string, List<(int?[] Cells, bool[] Inferred)>>();
        var cellsSeen = 0;
        var blankCells = 0;
        var typedZeros = 0;
        var blankInside = 0;

        // A group printed as one row: in the 2019 template （六）其他处理 is the row 3.其他 itself.
        var groups = new Dictionary<string, RowParts>(found.Groups);
        if (template == Template.Template2019 && groups.Remove("other", out var other) && !found.Rows.ContainsKey("other_other"))
        {
            found.Rows["other_other"] = other;
        }

        foreach (var category in DisposalCategories.For(template))
        {
            if (groups.ContainsKey(category.Group)) continue;
            if (_conflicting.Contains(category.Code) || !found.Rows.TryGetValue(category.Code, out var parts))
            {
                if (_conflicting.Contains(category.Code)) continue;

                _findings.Add(new Finding("missing_row", Severity.Error,
                    $"{CellNames.ApplicationRow(category.Code)}一行缺失，该行的值未知。Table 三 has no row '{category.Label}'.", category.Code));
                continue;
            }

            cellsSeen += parts.Data.Count;
            blankCells += parts.Data.Count(d => CountCell.Classify(d) == CellKind.Empty);
            typedZeros += parts.Data.Count(d => CountCell.Classify(d) == CellKind.Number && CountCell.ReadCount(d) == 0);
            var (laidFrom, laidCount) = AsLaidOut(parts.Data);
            blankInside += parts.Data.Skip(laidFrom).Take(laidCount).Count(d => CountCell.Classify(d) == CellKind.Empty);
            var (list, inferred) = RowReadings(category.Code, parts.Data, parts.Exact, parts.Swaps);
            if (list.Count > 0) readings[category.Code] = list;
            if (inferred is not null) splitRows[category.Code] = list.Zip(inferred).ToList();
        }

        foreach (var (group, parts) in groups)
        {
            cellsSeen += parts.Data.Count;
            blankCells += parts.Data.Count(d => CountCell.Classify(d) == CellKind.Empty);
            var (list, inferred) = RowReadings("group:" + group, parts.Data, parts.Exact, parts.Swaps);
            if (list.Count > 0) readings["group:" + group] = list;
            if (inferred is not null) splitRows["group:" + group] = list.Zip(inferred).ToList();
        }

        foreach (var code in found.Rows.Keys.Where(k => !DisposalCategories.Get(k).InTemplate(template)))
        {
            _findings.Add(new Finding("row_not_in_template", Severity.Warning,
                $"{CellNames.ApplicationRow(code)}不属于 {template.Code()} 年版模板，未读入。Row '{DisposalCategories.Get(code).Label}' is not part of the {template.Code()} template and is not read.", code));
        }

        if (cellsSeen > 0 && blankCells == cellsSeen) _blankTables.Add(ApplicationsTable);
        BlankTotals(readings);
        if (blankInside == 1 && typedZeros >= MinimumTypedZeros) BlankFlowTotal(readings);

        var chosen = Choose(readings, template, groups.Keys.ToList(), splitRows);
        if (!_gridExact && ColumnsMisplaced(chosen) is { } misplaced)
        {
            _findings.Add(new Finding("table_scrambled", Severity.Error,
                $"表三有 {misplaced.Misplaced} 行按印出的次序六类申请人之和不等于总计，但其中另有一个数恰是其余六个数之和：总计列印在了别处，是抽取时各列错位（版式文本中列的次序被打乱），不是报告的笔误；各列都可能错位，表三不予读取。"
                + $"Table 三: {misplaced.Misplaced} rows do not add up as printed, yet one of their numbers is the sum of the other six: the columns were misplaced in extraction, not misprinted, and any column may be; the table is not read."));
            return new ApplicationTable(DisposalCategories.For(template).ToDictionary(c => c.Code, _ => new int?[ApplicantTypes.Count]));
        }

        var rows = new Dictionary<string, int?[]>();
        foreach (var category in DisposalCategories.For(template))
        {
            if (groups.ContainsKey(category.Group)) continue;
            if (found.Rows.ContainsKey(category.Code)) rows[category.Code] = chosen.GetValueOrDefault(category.Code) ?? new int?[ApplicantTypes.Count];
        }

        var printedGroups = new Dictionary<string, int?[]>();
        var leaveAlone = new HashSet<string>();
        foreach (var group in groups.Keys)
        {
            var cells = chosen.GetValueOrDefault("group:" + group) ?? new int?[ApplicantTypes.Count];
            var members = DisposalCategories.For(template).Where(c => c.Group == group).ToList();
            var label = DisposalCategories.GroupLabels[group];
            if (cells.All(v => v == 0))
            {
                // A group of zeros: each of its reasons is zero too.
                foreach (var m in members)
                {
                    rows[m.Code] = new int?[ApplicantTypes.Count];
                    for (var c = 0; c < ApplicantTypes.Count; c++)
                    {
                        rows[m.Code][c] = 0;
                        _derived.Add(CellPath(m.Code, c));
                    }
                }

                _findings.Add(Finding.Warning("group_collapsed",
                    $"{CellNames.ApplicationGroup(group)}印为一行且全为 0，其下 {members.Count} 项（{string.Join("、", members.Select(m => CellNames.ApplicationLabel(m.Code)))}）按 0 推算。The group '{label}' is printed as one row of zeros; its reasons are derived as zeros."));
                continue;
            }

            printedGroups[group] = cells;
            foreach (var m in members)
            {
                rows[m.Code] = new int?[ApplicantTypes.Count];
                leaveAlone.Add(m.Code);
            }

            _findings.Add(Finding.Warning("group_collapsed",
                $"{CellNames.ApplicationGroup(group)}印为一行（{string.Join(" ", cells.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "?"))}），未分列其下 {members.Count} 项，这些项的值未知；总计行按该组合计核对。The group '{label}' is printed as one row; its reasons are unknown and the total row is checked on the group."));
        }

        var recovery = new ApplicationRecovery(rows, template, printedGroups, leaveAlone, (code, c) => _unknown.Contains(code) || _unknown.Contains(CellPath(code, c)));
        foreach (var (code, column, value) in recovery.FillUnknown())
        {
            Derive(CellRef.Application(code, column), value, code, ApplicantTypes.CodeAt(column));
        }

        var blank = _blankLabelRows.Where(code => rows.TryGetValue(code, out var cells) && cells.All(v => v == 0)).ToList();
        if (blank.Count > 0)
        {
            _findings.Add(Finding.Warning("blank_row",
                $"{string.Join("、", blank.Select(CellNames.ApplicationRow))}只印出行名、没有数字（各格空白），按 0 读取，但报告并未写明为 0。"
                + $"{blank.Count} row(s) of table 三 print their label alone, every cell blank (the cells ran together in the text, and the label runs into the next row's); they are read as zeros, which the report does not state."));
        }

        return new ApplicationTable(rows, printedGroups);
    }

    /// <summary>
    /// A table that leaves 总计 blank in every outcome row whose applicants are not all zero fills its
    /// totals only where it chose to (Shanghai 2019: the four frame rows). The blanks are no zeros,
    /// and each is the sum of its row (derived, with a warning), when those sums add up to the total
    /// that （七）总计 prints, or when two or more rows leave it blank so. Beside totals printed in other
    /// outcome rows, or alone and not adding up, a blank total is a zero written blank, and the row's
    /// total_column error says the report does not add up.
    /// </summary>
    private void BlankTotals(IReadOnlyDictionary<string, List<int?[]>> readings)
    {
        const int Total = ApplicantTypes.Count - 1;
        static bool IsOutcome(string code) => !code.StartsWith("group:", StringComparison.Ordinal) && DisposalCategories.Get(code).Group is not ("flow" or "total");
        var outcomes = _blankTotals.Keys.Where(IsOutcome).ToList();
        var padded = _paddedBlankTotals.Keys.Where(IsOutcome).ToList();
        if (outcomes.Count == 0 || _filledTotals.Any(IsOutcome)) return;

        var sum = outcomes.Sum(k => _blankTotals[k].Take(Total).Sum()) + padded.Sum(k => _paddedBlankTotals[k]);
        // The other outcome rows as printed, a group printed as one row among them ("（五）不予处理 2 0 0 0 0 0 2").
        var others = readings.Where(r => (IsOutcome(r.Key) || r.Key.StartsWith("group:", StringComparison.Ordinal))
            && !_blankTotals.ContainsKey(r.Key) && !_paddedBlankTotals.ContainsKey(r.Key)).ToList();
        var othersKnown = others.All(r => r.Value.Count == 1 && r.Value[0][Total] is not null);
        var addsUp = othersKnown && readings.TryGetValue("total_processed", out var total) && total.Count == 1
            && total[0][Total] == sum + others.Sum(r => r.Value[0][Total]!.Value);
        // A padded row read every way with its 总计 left blank is one more such row (its readings fill it already).
        if (!addsUp && outcomes.Count + padded.Count < 2) return;

        foreach (var (row, cells) in _blankTotals)
        {
            cells[Total] = cells.Take(Total).Sum();
            _derived.Add(CellPath(row, Total));
        }

        var first = _blankTotals.Keys.First();
        _findings.Add(Finding.Warning("total_blank",
            $"表三有 {_blankTotals.Count} 行的总计列空白而各类申请人不全为 0（如{CellNames.ApplicationRow(first)}），总计未填，按六类申请人之和推算，列为推算值。" +
            $"Table 三 leaves the 总计 cell blank in {_blankTotals.Count} rows whose applicant cells are not all zero; each total is the sum of its row, marked derived."));
    }

    // Zeros typed in table 三 that make a blank cell there no zero written blank.
    private const int MinimumTypedZeros = 10;

    /// <summary>
    /// The one blank cell of a table 三 that types its zeros ("0" everywhere else), in 总计 of a row of the flow
    /// (本年新收, 上年结转, （七）总计, 结转下年度) whose applicants are not all zero: no zero written blank but a cell
    /// left unfilled or lost by a converter ("| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |"). It is the sum of its
    /// row (derived, with a warning) when the 总计 column then balances (本年新收 + 上年结转 = （七）总计 + 结转下年度,
    /// the other three printed); otherwise it stays as read, and the rules say the report does not add up.
    /// </summary>
    private void BlankFlowTotal(IReadOnlyDictionary<string, List<int?[]>> readings)
    {
        const int Total = ApplicantTypes.Count - 1;
        string[] flow = ["new_received", "carried_over", "total_processed", "carried_forward"];
        var blank = flow.Where(_blankTotals.ContainsKey).ToList();
        if (blank.Count != 1) return;
        var row = blank[0];
        int? Printed(string code) => readings.TryGetValue(code, out var r) && r.Count == 1 ? r[0][Total] : null;
        var sum = _blankTotals[row].Take(Total).Sum();
        var others = flow.Where(f => f != row).ToDictionary(f => f, Printed);
        if (others.Values.Any(v => v is null)) return;
        int Value(string code) => code == row ? sum!.Value : others[code]!.Value;
        if (Value("new_received") + Value("carried_over") != Value("total_processed") + Value("carried_forward")) return;

        _blankTotals[row][Total] = sum;
        _derived.Add(CellPath(row, Total));
        _findings.Add(Finding.Warning("total_blank",
            $"{CellNames.ApplicationRow(row)}的总计列空白，而表中其余的 0 都印了出来：该格未填或在转换时丢失，按六类申请人之和推算为 {sum}（总计列收支平衡），列为推算值。" +
            $"Table 三 leaves the 总计 cell of '{DisposalCategories.Get(row).Label}' blank where it types every other zero: the cell was not filled or was lost; it is the sum of its row, {sum}, with which the 总计 column balances, marked derived."));
    }

    // How many cells a row holds without its empty merged column or its layout's 0 there, and its trailing
    // empty cells: more than seven, and the row may be a wrapped one (a trailing 0 may be a cell's end: "105" "0").
    private static int Trimmed(IReadOnlyList<string> data) => AsLaidOut(data).Count;

    // A row's cells as the layouts print them: leading cells of nothing dropped (an empty merged column, a
    // layout's 0 in it), then trailing empty ones, while more than seven are left.
    private static (int First, int Count) AsLaidOut(IReadOnlyList<string> data)
    {
        var first = 0;
        var last = data.Count - 1;
        while (last - first + 1 > ApplicantTypes.Count && IsNothing(data[first])) first++;
        while (last - first + 1 > ApplicantTypes.Count && IsEmpty(data[last])) last--;
        return (first, last - first + 1);
    }

    /// <summary>
    /// The seven cells of a row printed with more: (index of the first, how many, more than seven when they
    /// cannot be told; whether the arithmetic decided). Cells beyond seven come from an empty merged column,
    /// a layout's 0 in it, or a converter's padding ("| 3.其他 | 0 | 2 | 0 | 0 | 0 | 0 | 2 |  |", a group's later
    /// rows without the group's column); only cells that hold nothing (empty or 0) are dropped, and a blank may
    /// be the row's own zero. Of the sevens that leave only such cells out, the one that is alone, or reads like
    /// all the others, or is the only one whose 总计 is the sum of its six (when no other leaves it blank beside
    /// applicants not all zero in a table that <paramref name="totalsLeftBlank"/>: a Shanghai-form blank total may add
    /// up too), or else (a row that does not add up in
    /// any seven as printed, a cell that is not a count) the only one that leaves out empty cells alone. Else
    /// undecided (a 总计 left blank: see PaddedReadings) and as the layouts print: leading cells of nothing
    /// dropped, then trailing empty ones.
    /// </summary>
    private static (int First, int Count, bool Decided) Window(IReadOnlyList<string> data, bool totalsLeftBlank)
    {
        const int Width = ApplicantTypes.Count;
        if (data.Count <= Width) return (0, data.Count, true);

        // Each cell read once: its count (-1: not a count) and whether it is empty; then the sevens whose cells outside
        // are all empty or 0. Rows of more than seven are common (merged label columns), so nothing is allocated for
        // them; a row of hundreds of thousands of numbers (a malformed document) is buffered on the heap, not the stack.
        const int OnStack = 64;
        Span<int> counts = data.Count <= OnStack ? stackalloc int[data.Count] : new int[data.Count];
        Span<bool> empty = data.Count <= OnStack ? stackalloc bool[data.Count] : new bool[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            empty[i] = IsEmpty(data[i]);
            counts[i] = empty[i] ? 0 : CountCell.ReadCount(data[i]) ?? -1;
        }

        Span<int> fits = data.Count <= OnStack ? stackalloc int[data.Count] : new int[data.Count];
        var fitCount = 0;
        for (var start = 0; start + Width <= data.Count; start++)
        {
            var nothing = true;
            for (var i = 0; i < data.Count && nothing; i++)
            {
                if (i < start || i >= start + Width) nothing = counts[i] == 0;
            }

            if (nothing) fits[fitCount++] = start;
        }

        if (fitCount == 1) return (fits[0], Width, true);
        if (fitCount > 1)
        {
            var alike = true;
            for (var f = 1; f < fitCount && alike; f++)
            {
                for (var c = 0; c < Width && alike; c++) alike = counts[fits[f] + c] == counts[fits[0] + c];
            }

            if (alike) return (fits[0], Width, true);
            int adding = -1, addingCount = 0, emptyOnly = -1, emptyCount = 0, blankTotals = 0;
            for (var f = 0; f < fitCount; f++)
            {
                var start = fits[f];
                var sum = 0;
                var readable = counts[start + Width - 1] >= 0;
                for (var c = 0; c < Width - 1 && readable; c++)
                {
                    readable = counts[start + c] >= 0;
                    sum += counts[start + c];
                }

                if (readable && sum == counts[start + Width - 1]) (adding, addingCount) = (start, addingCount + 1);
                // A 总计 left blank beside applicants not all zero may be the sum of its six, in a table that leaves
                // totals blank so (the Shanghai form).
                if (totalsLeftBlank && readable && empty[start + Width - 1] && sum != 0) blankTotals++;
                var outsideEmpty = true;
                for (var i = 0; i < data.Count && outsideEmpty; i++)
                {
                    if (i < start || i >= start + Width) outsideEmpty = empty[i];
                }

                if (outsideEmpty) (emptyOnly, emptyCount) = (start, emptyCount + 1);
            }

            // A seven that may add up with its 总计 left blank leaves the one that adds up as printed undecided:
            // PaddedReadings weighs both, and the table's rules choose.
            if (addingCount == 1 && blankTotals == 0) return (adding, Width, true);

            // A seven whose sum cannot be checked (a cell "40余件") or is wrong as printed: the only one that leaves
            // out empty cells alone (empty merged columns, a converter's padding), rather than a 0 that may be the row's.
            if (emptyCount == 1) return (emptyOnly, Width, true);
        }

        var (first, count) = AsLaidOut(data);
        return (first, count, false);
    }

    // Layouts add an empty merged column (8 cells) or trailing blanks; cells beyond seven that hold
    // nothing are dropped as Window tells, anything else is reported.
    private IReadOnlyList<string> FitToColumns(Where where, string? row, IReadOnlyList<string> data)
    {
        // The common case, seven cells as printed, needs no copy.
        if (data.Count <= ApplicantTypes.Count) return data;
        var (first, count, _) = Window(data, _totalsLeftBlank);
        var list = data.Skip(first).Take(count).ToList();
        if (list.Count > ApplicantTypes.Count)
        {
            // Which seven are the row's cannot be told: none is read.
            _findings.Add(new Finding("extra_cells", Severity.Error,
                $"{where.Value}有 {list.Count} 个数「{Preview(list)}」（应为 {ApplicantTypes.Count} 个），无法确定哪些属于该行，该行的值未知。Row has {list.Count} cells where {ApplicantTypes.Count} are expected; its values are unknown.", row));
            return [];
        }

        return list;
    }

    /// <summary>The name of a row in messages, made only when a message needs it.</summary>
    private readonly struct Where(string code)
    {
        public string Value => code.StartsWith("group:", StringComparison.Ordinal) ? CellNames.ApplicationGroup(code[6..]) : CellNames.ApplicationRow(code);
    }

    private static bool IsNothing(string cell) => IsEmpty(cell) || CountCell.ReadCount(cell) == 0;

    private static bool IsEmpty(string cell) => CountCell.Classify(cell) == CellKind.Empty;

    private int? ReadCount(string raw, Where where, string? row, int column)
    {
        var value = CountCell.ReadCount(raw);
        if (value is null)
        {
            if (row is not null) _unknown.Add(CellPath(row, column));
            _findings.Add(new Finding("unreadable_cell", Severity.Error,
                $"{where.Value}{ApplicantTypes.All[column].Label}列「{raw.Trim()}」不是一个确数，该格的值未知。Table 三, column {ApplicantTypes.All[column].Label}: '{raw.Trim()}' is not a count.",
                row, ApplicantTypes.CodeAt(column)));
        }

        return value;
    }

    private void Derive(CellRef cell, int value, string row, string column)
    {
        var path = cell.ToString();
        _derived.Add(path);
        var name = DisposalCategories.IsKnown(cell.Row) && cell.Index is { } c ? CellNames.ApplicationCell(cell.Row, c) : path;
        _findings.Add(new Finding("derived_value", Severity.Warning,
            $"{name}在文中缺失或无法读取，按勾稽关系推算为 {value}。{path} is missing from the document; {value} is recovered from the consistency rules.", row, column, null, value));
    }
}
