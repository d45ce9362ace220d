using Warehouse.Core;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    private static readonly (string Item, string Label, int Columns2021, int Columns2019, string Table)[] ActiveItems =
    [
        ("regulations", "规章", 3, 3, "二、第二十条第（一）项"),
        ("normative_documents", "行政规范性文件", 3, 3, "二、第二十条第（一）项"),
        ("licensing", "行政许可", 1, 3, "二、第二十条第（五）项"),
        ("other_services", "其他对外管理服务事项", 0, 3, "二、第二十条第（五）项"),
        ("penalty", "行政处罚", 1, 3, "二、第二十条第（六）项"),
        ("enforcement", "行政强制", 1, 3, "二、第二十条第（六）项"),
        ("fees", "行政事业性收费", 1, 2, "二、第二十条第（八）项"),
        ("procurement", "政府集中采购", 0, 2, "二、第二十条第（九）项"),
    ];

    private ActiveRead ReadActiveDisclosure(int applicationsStart)
    {
        var read = new ActiveRead { Read = ReadActiveCell };
        var from = _sections.Start(2) ?? 0;
        var to = _sections.Start(3) ?? (applicationsStart >= 0 ? applicationsStart : _blocks.Count);
        IReadOnlyList<string> header = [];
        var loose = "";

        for (var i = from; i < to; i++)
        {
            if (_blocks[i] is not TableRow row) continue;
            if (IsHeaderRow(row.Cells))
            {
                var cells = row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
                header = cells.Skip(1).Select(TextKey.Of).ToList();
                read.Headers.AddRange(header);
                continue;
            }

            var parts = RowParts.Split(row.Cells, _gridExact);
            if (!parts.HasData)
            {
                // A label wrapped in its cell ("行政\n强制") leaves its first part on a line of its own.
                loose = parts.Key.Length <= 8 ? parts.Key : "";
                continue;
            }

            var item = MatchActiveItem(parts.Key) ?? MatchActiveItem(loose + parts.Key);
            loose = "";
            if (item is null)
            {
                Unrecognised("二", parts);
                continue;
            }

            if (read.Items.ContainsKey(item)) continue;
            read.Items[item] = (parts.Data, header);
        }

        var template = read.Evidence.For2019 > read.Evidence.For2021 ? Template.Template2019 : Template.Template2021;
        foreach (var group in ActiveItems.Where(a => (template == Template.Template2019 ? a.Columns2019 : a.Columns2021) > 0).GroupBy(a => a.Table))
        {
            var present = group.Where(a => read.Items.ContainsKey(a.Item)).ToList();
            if (present.Count == 0)
            {
                _missingTables.Add(group.Key);
                if (_sections.Start(2) is not null)
                {
                    _findings.Add(new Finding("missing_row", Severity.Error, $"Section 二 has no readable rows of table {group.Key}; its values are unknown.", group.First().Item));
                }
            }
            else if (present.All(a => read.Items[a.Item].Data.All(d => CountCell.Classify(d) == CellKind.Empty))) _blankTables.Add(group.Key);

            if (present.Count > 0)
            {
                foreach (var a in group.Where(a => !read.Items.ContainsKey(a.Item) && (template == Template.Template2019 || a.Item is not ("other_services" or "procurement"))))
                {
                    _findings.Add(new Finding("missing_row", Severity.Error, $"Table {group.Key} has no row '{a.Label}'.", a.Item));
                }
            }

            foreach (var a in present)
            {
                var expected = template == Template.Template2019 ? a.Columns2019 : a.Columns2021;
                var count = read.Items[a.Item].Data.Count;
                if (count != expected)
                {
                    _findings.Add(new Finding("missing_cells", count < expected ? Severity.Error : Severity.Warning,
                        $"Table 二, row '{a.Label}' has {count} cells where the {template.Code()} template has {expected}.", a.Item));
                }
            }
        }

        return read;
    }

    // "信息内容 | 本年制发件数 | …": the column headings of a table of 二, never with numbers.
    private static bool IsHeaderRow(IReadOnlyList<string> cells)
    {
        var first = cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        return first is not null && first.Contains("信息", StringComparison.Ordinal) && TextKey.Of(first) == "信息内容"
            && cells.All(c => CountCell.Classify(c) != CellKind.Number);
    }

    private void Unrecognised(string table, RowParts parts) =>
        _findings.Add(new Finding("unrecognised_row", Severity.Error,
            $"Table {table} has a row with numbers whose label '{parts.Label}' is not one of the template's; its values are not read."));

    private decimal? ReadActiveCell(string item, string raw, int index)
    {
        var signed = index == 1 && item is "licensing" or "other_services" or "penalty" or "enforcement" or "fees";
        var value = (item == "fees" && index == 0) || (item == "procurement" && index == 1) ? CountCell.ReadAmount(raw)
            : signed ? CountCell.ReadSigned(raw)
            : CountCell.ReadCount(raw);
        if (value is null)
        {
            _findings.Add(new Finding("unreadable_cell", Severity.Error, $"Table 二, row '{item}': '{raw.Trim()}' is not a number.", item));
        }

        return value;
    }

    private static string? MatchActiveItem(string key)
    {
        if (key.Length == 0 || key.Length > 16) return null;
        if (key.EndsWith("规范性文件", StringComparison.Ordinal)) return "normative_documents";
        if (key.EndsWith("规章", StringComparison.Ordinal) && key.Length <= 4) return "regulations";
        foreach (var (item, label, _, _, _) in ActiveItems)
        {
            if (key.EndsWith(label, StringComparison.Ordinal)) return item;
        }

        return null;
    }

    private const string ReviewTable = "四、政府信息公开行政复议、行政诉讼情况";

    private ReviewLitigation ReadReviewLitigation(int applicationsEnd)
    {
        var from = _sections.Start(4) ?? applicationsEnd + 1;
        var to = _sections.End(5, _blocks.Count);
        var cells = new List<string>();
        for (var i = Math.Max(from, 0); i < to && cells.Count < 15; i++)
        {
            if (_blocks[i] is not TableRow row) continue;
            var parts = RowParts.Split(row.Cells, _gridExact);
            if (parts.HasData && (parts.Label.Length == 0 || parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number))) cells.AddRange(parts.Data);
        }

        if (cells.Count == 0)
        {
            _missingTables.Add(ReviewTable);
            if (_sections.Start(4) is not null)
            {
                _findings.Add(new Finding("missing_cells", Severity.Error, $"Section {ReviewTable} has no table of numbers; its values are unknown.", "review"));
            }

            return ReviewLitigation.Empty;
        }

        if (cells.All(c => CountCell.Classify(c) == CellKind.Empty)) _blankTables.Add(ReviewTable);
        if (cells.Count > 15)
        {
            _findings.Add(new Finding("extra_cells", Severity.Warning, $"Table 四 has {cells.Count} numbers where 15 are expected; the first 15 are read.", "review"));
            cells = cells.Take(15).ToList();
        }

        var values = cells.Select((c, i) => ReadReviewCell(c, i)).ToList();
        if (values.Count == 14) values = PlaceReviewGap(values);
        else if (values.Count < 15)
        {
            _findings.Add(new Finding("missing_cells", Severity.Error, $"Table 四 has {values.Count} of 15 numbers; its values are unknown.", "review"));
            values = Enumerable.Repeat<int?>(null, 15).ToList();
        }

        FillReviewTotals(values);
        return ReviewLitigation.FromFlat(values);
    }

    private int? ReadReviewCell(string raw, int index)
    {
        var value = CountCell.ReadCount(raw);
        if (value is null)
        {
            _findings.Add(new Finding("unreadable_cell", Severity.Error, $"Table 四, {ReviewPath(index)}: '{raw.Trim()}' is not a count.",
                ReviewLitigation.Proceedings[index / 5], ReviewLitigation.Outcomes[index % 5]));
        }

        return value;
    }

    // One lost number: the position where every 总计 is the sum of the four before it. Only
    // when every such position gives the same values (a row of zeros) is the number recovered;
    // otherwise the gap could be in more than one place and the table is not guessed at.
    private List<int?> PlaceReviewGap(List<int?> fourteen)
    {
        var fits = new List<(int Gap, List<int?> Values)>();
        for (var gap = 14; gap >= 0; gap--)
        {
            var candidate = fourteen.Take(gap).Append(null).Concat(fourteen.Skip(gap)).ToList();
            var group = gap / 5 * 5;
            if (Enumerable.Range(group, 5).Where(i => i != gap).Any(i => candidate[i] is null)) continue;
            var value = gap % 5 == 4
                ? Enumerable.Range(group, 4).Sum(i => candidate[i])
                : candidate[group + 4] - Enumerable.Range(group, 4).Where(i => i != gap).Sum(i => candidate[i]);
            var othersAddUp = Enumerable.Range(0, 3).Where(g => g != gap / 5).All(g => Enumerable.Range(g * 5, 4).Sum(i => candidate[i]) == candidate[(g * 5) + 4]);
            if (value is null or < 0 || !othersAddUp) continue;
            candidate[gap] = value;
            fits.Add((gap, candidate));
        }

        // The totals are the only check on table 四, so a number run together with its
        // neighbour would also add up: only a table of zeros is recovered.
        if (fits.Count > 0 && fits.All(f => f.Values.SequenceEqual(fits[0].Values)) && fits[0].Values.All(v => v == 0))
        {
            var (gap, values) = fits[0];
            _derived.Add(ReviewPath(gap));
            _findings.Add(new Finding("derived_value", Severity.Warning, $"{ReviewPath(gap)} is missing from the document; {values[gap]} is recovered from the table's totals.",
                ReviewLitigation.Proceedings[gap / 5], ReviewLitigation.Outcomes[gap % 5], null, values[gap]));
            return values;
        }

        _findings.Add(new Finding("missing_cells", Severity.Error,
            fits.Count == 0
                ? "Table 四 has 14 of 15 numbers and no position of the missing one adds up; its values are unknown."
                : "Table 四 has 14 of 15 numbers; where the missing one stood cannot be told for certain, so its values are unknown.",
            "review"));
        return Enumerable.Repeat<int?>(null, 15).ToList();
    }

    private void FillReviewTotals(List<int?> values)
    {
        for (var g = 0; g < 3; g++)
        {
            var total = (g * 5) + 4;
            if (values[total] is null && Enumerable.Range(g * 5, 4).All(i => values[i] is not null))
            {
                values[total] = Enumerable.Range(g * 5, 4).Sum(i => values[i]);
                _derived.Add(ReviewPath(total));
                _findings.Add(new Finding("derived_value", Severity.Warning, $"{ReviewPath(total)} is unreadable; {values[total]} is recovered as the sum of the four before it.",
                    ReviewLitigation.Proceedings[g], "total", null, values[total]));
            }
        }
    }

    private static string ReviewPath(int index) => $"review_litigation.{ReviewLitigation.Proceedings[index / 5]}.{index % 5}";
}
