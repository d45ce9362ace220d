using Warehouse.Core;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Recovers cells of table 三 that a layout lost, from the template's own arithmetic:
/// the balance per column, the total row, and the total column.
/// </summary>
/// <param name="groups">Groups printed as one row (their reasons unknown): their printed cells stand for them in the total row.</param>
/// <param name="leaveAlone">Rows whose cells stay unknown (the reasons of a group printed as one row).</param>
/// <param name="keepUnknown">Cells (row code, column) that stay unknown whatever the rules say: printed but not exact, or rows that no reading makes add up.</param>
internal sealed class ApplicationRecovery(Dictionary<string, int?[]> rows, Template template, IReadOnlyDictionary<string, int?[]>? groups = null, IReadOnlySet<string>? leaveAlone = null, Func<string, int, bool>? keepUnknown = null)
{
    private static readonly string[] Outcomes2019 = DisposalCategories.Outcomes(Template.Template2019).Select(c => c.Code).ToArray();
    private static readonly string[] Outcomes2021 = DisposalCategories.Outcomes(Template.Template2021).Select(c => c.Code).ToArray();

    private readonly string[] _outcomes = Without(template == Template.Template2019 ? Outcomes2019 : Outcomes2021, leaveAlone);

    private static string[] Without(string[] codes, IReadOnlySet<string>? leave) =>
        leave is null || leave.Count == 0 ? codes : codes.Where(c => !leave.Contains(c)).ToArray();

    private readonly IReadOnlyDictionary<string, int?[]> _groups = groups ?? new Dictionary<string, int?[]>();

    /// <summary>Puts the six cells around a gap at <paramref name="gap"/> and returns the recovered value when everything adds up.</summary>
    /// <remarks>
    /// Every cell of the row must equal what its column's rule says, not only the recovered one:
    /// a row whose cells merely add up could hide two cells run together ("1" "2" read as "12").
    /// </remarks>
    public int? TryPlace(string code, int?[] six, int gap)
    {
        Place(code, six, gap);
        var row = rows[code];
        var value = ByColumn(code, gap);
        if (value is null or < 0) return null;
        row[gap] = value;
        var rowAddsUp = row.Take(ApplicantTypes.TotalIndex).Sum() == row[ApplicantTypes.TotalIndex];
        var columnsConfirm = Enumerable.Range(0, ApplicantTypes.Count).All(c => ByColumn(code, c) is { } expected && expected == row[c]);
        if (rowAddsUp && columnsConfirm) return value;

        row[gap] = null;
        return null;
    }

    public void Place(string code, int?[] six, int gap)
    {
        var row = new int?[ApplicantTypes.Count];
        for (int c = 0, s = 0; c < ApplicantTypes.Count; c++)
        {
            row[c] = c == gap ? null : six[s++];
        }

        rows[code] = row;
    }

    public int?[] Row(string code) => (int?[])rows[code].Clone();

    /// <summary>Marks a whole row unknown: no cell of it is trusted.</summary>
    public void Unknown(string code) => rows[code] = new int?[ApplicantTypes.Count];

    /// <summary>Fills unknown cells that the rules determine, until nothing more can be filled.</summary>
    public IEnumerable<(string Code, int Column, int Value)> FillUnknown()
    {
        var filled = new List<(string, int, int)>();
        bool progress;
        do
        {
            progress = false;
            foreach (var (code, row) in rows)
            {
                if (leaveAlone?.Contains(code) == true) continue;
                for (var c = 0; c < ApplicantTypes.Count; c++)
                {
                    if (row[c] is not null || keepUnknown?.Invoke(code, c) == true) continue;
                    var value = ByColumn(code, c) ?? ByRow(row, c);
                    if (value is not { } v || v < 0) continue;
                    row[c] = v;
                    filled.Add((code, c, v));
                    progress = true;
                }
            }
        }
        while (progress);

        return filled;
    }

    private int? Cell(string code, int c) => rows.TryGetValue(code, out var r) ? r[c] : null;

    private int? SumOutcomes(int c, string? except = null)
    {
        var sum = 0;
        foreach (var group in _groups.Values)
        {
            if (group[c] is not { } g) return null;
            sum += g;
        }

        foreach (var code in _outcomes)
        {
            if (code == except) continue;
            if (Cell(code, c) is not { } v) return null;
            sum += v;
        }

        return sum;
    }

    private int? ByColumn(string code, int c)
    {
        int? nr = Cell("new_received", c), co = Cell("carried_over", c), tp = Cell("total_processed", c), cf = Cell("carried_forward", c);
        return code switch
        {
            "new_received" => tp + cf - co,
            "carried_over" => tp + cf - nr,
            "carried_forward" => nr + co - tp,
            "total_processed" => SumOutcomes(c) ?? nr + co - cf,
            _ when _outcomes.Contains(code) => tp - SumOutcomes(c, except: code),
            _ => null,
        };
    }

    private static int? ByRow(int?[] row, int c)
    {
        if (c == ApplicantTypes.TotalIndex) return row.Take(ApplicantTypes.TotalIndex).Any(v => v is null) ? null : row.Take(ApplicantTypes.TotalIndex).Sum();
        var others = Enumerable.Range(0, ApplicantTypes.TotalIndex).Where(i => i != c).Select(i => row[i]).ToList();
        return others.Any(v => v is null) ? null : row[ApplicantTypes.TotalIndex] - others.Sum();
    }
}
