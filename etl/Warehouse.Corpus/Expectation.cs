using Warehouse.Core;
using Warehouse.Corpus.Oracle;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus;

/// <summary>
/// What a correct parser must read from one rendering: the report's values as the document states
/// them. Most renderings state every value; a group printed as one row hides its reasons unless it
/// is all zeros, "10余件" is no figure, and run-together digits state only what arithmetic decides.
/// </summary>
public static class Expectation
{
    /// <summary>Values the oracle read from run-together tables (text-stream), keyed as <see cref="RunTogether.Result.Cells"/>.</summary>
    public sealed record StreamValues(
        Dictionary<string, int?[]> Applications,
        int?[] Review,
        Dictionary<string, decimal?[]> Active,
        IReadOnlyList<string> Ambiguous,
        IReadOnlyList<Finding> Findings);

    /// <param name="unplaced">
    /// Table 三's rows (not groups) whose cells a reader cannot place, with those columns (0 to 6): not stated, listed as
    /// ambiguous, each row with an <c>extra_cells</c> error.
    /// </param>
    public static (Report Report, IReadOnlyList<Finding> Findings) For(GeneratedReport g, Quirks quirks, StreamValues? stream = null,
        IReadOnlyDictionary<string, int[]>? unplaced = null)
    {
        var truth = g.Report;
        var rows = truth.Applications.Rows.ToDictionary(x => x.Category.Code, x => x.Cells.ToArray());
        var groups = new Dictionary<string, int?[]>();
        var findings = new List<Finding>();
        var collapsedMembers = DisposalCategories.All.Where(c => c.Group == quirks.Collapsed).Select(c => c.Code).ToList();
        int?[] GroupSums() => Enumerable.Range(0, ApplicantTypes.Count).Select(c => (int?)collapsedMembers.Sum(m => rows[m][c] ?? 0)).ToArray();

        if (quirks.Collapsed is { } group && collapsedMembers.Any(m => rows[m].Any(v => v != 0)))
        {
            // The reasons are not printed: unknown. Their sum is, and the total row is checked on it.
            groups[group] = GroupSums();
            foreach (var m in collapsedMembers) rows[m] = new int?[ApplicantTypes.Count];
        }

        if (quirks.Approximate is var (row, column))
        {
            rows[row][column] = null;
            findings.Add(new Finding("unreadable_cell", Severity.Error, $"{CellNames.ApplicationCell(row, column)}写作「余」数，不是确数。The cell states an approximate figure.", row, ApplicantTypes.CodeAt(column)));
        }

        if (quirks.IsMisreadDigit && quirks.Misread is var (misread, at, printed))
        {
            rows[misread][at] = null;
            findings.Add(new Finding("unreadable_cell", Severity.Error, $"{CellNames.ApplicationCell(misread, at)}「{printed}」不是一个确数。The cell is not a number.", misread, ApplicantTypes.CodeAt(at)));
        }

        var review = truth.ReviewLitigation;
        var active = truth.ActiveDisclosure;
        var ambiguous = new List<string>();
        if (stream is not null)
        {
            foreach (var (key, cells) in stream.Applications)
            {
                if (key.StartsWith("group:", StringComparison.Ordinal))
                {
                    if (groups.ContainsKey(key[6..])) groups[key[6..]] = cells;
                }
                else
                {
                    rows[key] = cells;
                }
            }

            review = ReviewLitigation.FromFlat(stream.Review);
            active = Active(active, truth.Template, stream.Active);
            ambiguous.AddRange(stream.Ambiguous);
            findings.AddRange(stream.Findings);
        }

        foreach (var (key, columns) in unplaced ?? new Dictionary<string, int[]>())
        {
            if (!rows.TryGetValue(key, out var cells)) continue;
            foreach (var c in columns)
            {
                cells[c] = null;
                ambiguous.Add($"applications.{key}.{c}");
            }

            findings.Add(new Finding("extra_cells", Severity.Error,
                $"{CellNames.ApplicationRow(key)}印有多于七格，无论哪七格都不合勾稽关系，{string.Join("、", columns.Select(c => ApplicantTypes.All[c].Label))}列无法确定。The row's cells beyond seven leave some cells in doubt.",
                key, ApplicantTypes.CodeAt(columns[0])));
        }

        var expected = truth with
        {
            Applications = new ApplicationTable(rows, groups),
            ReviewLitigation = review,
            ActiveDisclosure = active,
            Ambiguous = ambiguous,
        };

        // A rendering that states every value as it is breaks the rules the injected change breaks;
        // otherwise the rules are checked on what is stated, as a validator can.
        var same = ReportJson.Serialize(expected, []) == ReportJson.Serialize(truth, []);
        findings.AddRange(same ? g.Injected : Breaks(expected));
        return (expected, findings);
    }

    private static ActiveDisclosure Active(ActiveDisclosure truth, Template template, Dictionary<string, decimal?[]> read)
    {
        int? Count(decimal? v) => v is { } d ? (int)d : null;
        if (template == Template.Template2021)
        {
            DocumentCounts Documents(string item, DocumentCounts was) =>
                read.TryGetValue(item, out var v) ? new DocumentCounts(Count(v[0]), Count(v[1]), Count(v[2])) : was;
            int? One(string item, int? was) => read.TryGetValue(item, out var v) ? Count(v[0]) : was;
            return truth with
            {
                Regulations = Documents("regulations", truth.Regulations),
                NormativeDocuments = Documents("normative_documents", truth.NormativeDocuments),
                Licensing = One("licensing", truth.Licensing),
                Penalty = One("penalty", truth.Penalty),
                Enforcement = One("enforcement", truth.Enforcement),
                Fees10kYuan = read.TryGetValue("fees", out var fee) ? fee[0] : truth.Fees10kYuan,
            };
        }

        var columns = truth.Template2019Columns!.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (item, values) in read)
        {
            var names = Tables.Columns2019[item];
            for (var k = 0; k < names.Length; k++) columns[$"{item}.{names[k]}"] = values[k];
        }

        return truth with
        {
            Regulations = new DocumentCounts(Count(columns["regulations.new_made"]), null, Count(columns["regulations.total_published"])),
            NormativeDocuments = new DocumentCounts(Count(columns["normative_documents.new_made"]), null, Count(columns["normative_documents.total_published"])),
            Licensing = Count(columns["licensing.decisions"]),
            Penalty = Count(columns["penalty.decisions"]),
            Enforcement = Count(columns["enforcement.decisions"]),
            Template2019Columns = columns,
        };
    }

    /// <summary>
    /// Rules 1-4 of domain.md on the values a document states, as (rule, row, column) findings: a rule
    /// over a cell that is not stated is not checked; a group printed as one row stands for its reasons.
    /// </summary>
    public static IReadOnlyList<Finding> Breaks(Report r)
    {
        var t = r.Applications;
        var breaks = new List<Finding>();
        var outcomes = DisposalCategories.Outcomes(r.Template).ToList();
        for (var c = 0; c < ApplicantTypes.Count; c++)
        {
            var column = ApplicantTypes.CodeAt(c);
            int?[] flow = [t["new_received", c], t["carried_over", c], t["total_processed", c], t["carried_forward", c]];
            if (flow.All(v => v is not null) && flow[0] + flow[1] != flow[2] + flow[3])
            {
                breaks.Add(new Finding("balance", Severity.Error, $"{CellNames.ApplicationCell("carried_forward", c)}: 本年新收 + 上年结转 ≠ 办理合计 + 结转下年度", "carried_forward", column));
            }

            var parts = outcomes.Select(o => t.Group(o.Group) is { } g ? $"group:{o.Group}" : o.Code).Distinct()
                .Select(k => k.StartsWith("group:", StringComparison.Ordinal) ? t.Group(k[6..])![c] : t[k, c]).ToList();
            if (t["total_processed", c] is { } total && parts.All(v => v is not null) && parts.Sum() != total)
            {
                breaks.Add(new Finding("total_row", Severity.Error, $"{CellNames.ApplicationCell("total_processed", c)}不等于各项之和", "total_processed", column));
            }
        }

        foreach (var (category, cells) in t.Rows)
        {
            if (cells.All(v => v is not null) && cells[ApplicantTypes.TotalIndex] != cells.Take(ApplicantTypes.TotalIndex).Sum())
            {
                breaks.Add(new Finding("total_column", Severity.Error, $"{CellNames.ApplicationRow(category.Code)}总计列不等于六类申请人之和", category.Code, "total"));
            }
        }

        foreach (var proceeding in ReviewLitigation.Proceedings)
        {
            var cells = r.ReviewLitigation.Get(proceeding);
            if (cells.All(v => v is not null) && cells[ReviewLitigation.TotalIndex] != cells.Take(ReviewLitigation.TotalIndex).Sum())
            {
                breaks.Add(new Finding("review_total", Severity.Error, $"{CellNames.ReviewRow(proceeding)}总计不等于前四项之和", proceeding, "total"));
            }
        }

        return breaks;
    }
}
