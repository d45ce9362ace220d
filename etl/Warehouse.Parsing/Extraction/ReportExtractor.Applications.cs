using Warehouse.Core;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    private const string ApplicationsTable = "三、收到和处理政府信息公开申请情况";

    private sealed class FoundRows
    {
        public Dictionary<string, RowParts> Rows { get; } = [];

        public int Start { get; set; } = -1;

        public int End { get; set; } = -1;

        /// <summary>The 2019 template's single （六）其他处理 row.</summary>
        public bool SingleOtherRow { get; set; }
    }

    private FoundRows FindApplicationRows()
    {
        var found = new FoundRows();
        var from = _sections.Start(3) ?? 0;
        var to = _sections.Start(4) ?? _blocks.Count;
        var rows = new List<(int Index, RowParts Parts)>();
        for (var i = from; i < to; i++)
        {
            if (_blocks[i] is TableRow row) rows.Add((i, RowParts.Split(row.Cells, _gridExact)));
        }

        // Labels without numbers since the last row with numbers: a label wrapped in its cell
        // leaves fragments on the lines around the line that holds the numbers.
        var loose = new List<RowParts>();
        for (var r = 0; r < rows.Count; r++)
        {
            var (index, parts) = rows[r];
            if (!parts.HasData)
            {
                loose.Add(parts);
                if (loose.Count > 3) loose.RemoveAt(0);
                continue;
            }

            var code = ApplicationRows.Match(parts.Key) ?? MatchWrapped(parts, loose, rows, r);
            loose.Clear();
            if (code is null)
            {
                if (found.Rows.Count > 0) Unrecognised("三", parts);
                continue;
            }

            if (code == "other_other" && parts.Key.Contains("其他处理", StringComparison.Ordinal)) found.SingleOtherRow = true;
            Record(found, code, parts, index);
            if (code == "carried_forward") break;
        }

        return found;
    }

    private static string? MatchWrapped(RowParts parts, List<RowParts> before, List<(int Index, RowParts Parts)> rows, int at)
    {
        var after = rows.Skip(at + 1).TakeWhile(x => !x.Parts.HasData).Take(2).Select(x => x.Parts.Key).ToList();
        var previous = before.Select(b => b.Key).ToList();
        var candidates = new List<string>();
        for (var n = 1; n <= after.Count; n++) candidates.Add(parts.Key + string.Concat(after.Take(n)));
        for (var n = 1; n <= previous.Count; n++)
        {
            var prefix = string.Concat(previous.Skip(previous.Count - n));
            candidates.Add(prefix + parts.Key);
            candidates.Add(prefix + parts.Key + string.Concat(after));
        }

        // A row cut by a page break: the reason's cell continues below, beside its group's label.
        var nextLast = rows.Skip(at + 1).TakeWhile(x => !x.Parts.HasData).Take(2).Select(x => x.Parts.LastKey).ToList();
        if (nextLast.Count > 0) candidates.Add(parts.LastKey + string.Concat(nextLast));
        if (before.Count > 0) candidates.Add(before[^1].LastKey + parts.LastKey);

        foreach (var candidate in candidates)
        {
            if (ApplicationRows.Match(candidate) is { } code) return code;
        }

        return null;
    }

    private void Record(FoundRows found, string code, RowParts parts, int index)
    {
        if (found.Rows.ContainsKey(code))
        {
            _findings.Add(new Finding("duplicate_row", Severity.Warning,
                $"Table 三 has the row '{DisposalCategories.Get(code).Label}' twice; the first is read.", code));
            return;
        }

        found.Rows[code] = parts;
        if (found.Start < 0) found.Start = index;
        found.End = index;
    }

    private Template DecideTemplate(FoundRows applications, (int For2019, int For2021) activeEvidence)
    {
        var for2021 = activeEvidence.For2021 + (applications.Rows.ContainsKey("other_no_correction") || applications.Rows.ContainsKey("other_fee_unpaid") ? 2 : 0);
        var for2019 = activeEvidence.For2019 + (applications.SingleOtherRow ? 2 : 0);
        if (for2019 > 0 && for2021 > 0)
        {
            _findings.Add(Finding.Warning("template_mixed",
                "The tables mix the 2019 and the 2021 template; read as the " + (for2019 > for2021 ? "2019" : "2021") + " template."));
        }

        return for2019 > for2021 ? Template.Template2019 : Template.Template2021;
    }

    private ApplicationTable BuildApplicationTable(FoundRows found, Template template)
    {
        var rows = new Dictionary<string, int?[]>();
        var gaps = new Dictionary<string, int?[]>();
        var cellsSeen = 0;
        var blankCells = 0;

        foreach (var category in DisposalCategories.For(template))
        {
            if (!found.Rows.TryGetValue(category.Code, out var parts))
            {
                _findings.Add(new Finding("missing_row", Severity.Error,
                    $"Table 三 has no row '{category.Label}'.", category.Code));
                continue;
            }

            cellsSeen += parts.Data.Count;
            blankCells += parts.Data.Count(d => CountCell.Classify(d) == CellKind.Empty);
            var data = FitToColumns(category, parts.Data);
            if (data.Count == ApplicantTypes.Count)
            {
                rows[category.Code] = data.Select((d, c) => ReadCount(d, category.Code, c)).ToArray();
            }
            else if (data.Count == ApplicantTypes.Count - 1)
            {
                gaps[category.Code] = data.Select((d, c) => ReadCount(d, category.Code, c)).ToArray();
                rows[category.Code] = new int?[ApplicantTypes.Count];
            }
            else
            {
                _findings.Add(new Finding("missing_cells", Severity.Error,
                    $"Row '{category.Label}' has {data.Count} of {ApplicantTypes.Count} cells; its values are unknown.", category.Code));
                rows[category.Code] = new int?[ApplicantTypes.Count];
            }
        }

        foreach (var code in found.Rows.Keys.Where(k => !DisposalCategories.Get(k).InTemplate(template)))
        {
            _findings.Add(new Finding("row_not_in_template", Severity.Warning,
                $"Row '{DisposalCategories.Get(code).Label}' is not part of the {template.Code()} template and is not read.", code));
        }

        if (cellsSeen > 0 && blankCells == cellsSeen) _blankTables.Add(ApplicationsTable);

        var recovery = new ApplicationRecovery(rows, template);
        foreach (var (code, six) in gaps) PlaceGap(recovery, code, six);
        foreach (var (code, column, value) in recovery.FillUnknown())
        {
            Derive(CellPath(code, column), value, code, ApplicantTypes.CodeAt(column));
        }

        return new ApplicationTable(rows);
    }

    // Layouts add an empty merged column (8 cells) or trailing blanks; extra leading cells
    // that hold nothing are dropped, anything else is reported.
    private List<string> FitToColumns(DisposalCategory category, IReadOnlyList<string> data)
    {
        var list = data.ToList();
        while (list.Count > ApplicantTypes.Count && IsNothing(list[0])) list.RemoveAt(0);
        while (list.Count > ApplicantTypes.Count && CountCell.Classify(list[^1]) == CellKind.Empty) list.RemoveAt(list.Count - 1);
        if (list.Count > ApplicantTypes.Count)
        {
            _findings.Add(new Finding("extra_cells", Severity.Error,
                $"Row '{category.Label}' has {list.Count} cells where {ApplicantTypes.Count} are expected; the last {ApplicantTypes.Count} are read.", category.Code));
            list = list.Skip(list.Count - ApplicantTypes.Count).ToList();
        }

        return list;
    }

    private static bool IsNothing(string cell) => CountCell.Classify(cell) == CellKind.Empty || CountCell.ReadCount(cell) == 0;

    private int? ReadCount(string raw, string row, int column)
    {
        var value = CountCell.ReadCount(raw);
        if (value is null)
        {
            _findings.Add(new Finding("unreadable_cell", Severity.Error,
                $"Table 三, row '{DisposalCategories.Get(row).Label}', column {ApplicantTypes.All[column].Label}: '{raw.Trim()}' is not a count.",
                row, ApplicantTypes.CodeAt(column)));
        }

        return value;
    }

    // A row that lost one cell: the positions where the recovered value makes the row and its
    // column add up. Recovered only when every such position gives the same row (a row of
    // zeros, say), and then marked at the last one (cells are lost at the end); otherwise the
    // row is not guessed at.
    private void PlaceGap(ApplicationRecovery recovery, string code, int?[] six)
    {
        var fits = new List<(int Gap, int?[] Row)>();
        for (var gap = ApplicantTypes.Count - 1; gap >= 0; gap--)
        {
            if (recovery.TryPlace(code, six, gap) is not null) fits.Add((gap, recovery.Row(code)));
        }

        if (fits.Count > 0 && fits.All(f => f.Row.SequenceEqual(fits[0].Row)))
        {
            recovery.Place(code, six, fits[0].Gap);
            var value = recovery.TryPlace(code, six, fits[0].Gap)!.Value;
            Derive(CellPath(code, fits[0].Gap), value, code, ApplicantTypes.CodeAt(fits[0].Gap));
            return;
        }

        recovery.Unknown(code);
        _findings.Add(new Finding("missing_cells", Severity.Error,
            fits.Count == 0
                ? $"Row '{DisposalCategories.Get(code).Label}' has 6 of 7 cells and no position of the missing one adds up; its values are unknown."
                : $"Row '{DisposalCategories.Get(code).Label}' has 6 of 7 cells and the missing one could stand in more than one place; its values are unknown.",
            code));
    }

    private void Derive(string path, int value, string row, string column)
    {
        _derived.Add(path);
        _findings.Add(new Finding("derived_value", Severity.Warning,
            $"{path} is missing from the document; {value} is recovered from the consistency rules.", row, column, null, value));
    }
}
